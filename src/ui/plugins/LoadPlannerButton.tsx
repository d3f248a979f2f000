// "Load planner…": a file picker for a planner module (.js, .mjs, .ts). The same files dropped
// anywhere on the page load the same way (see App.tsx).

import { loadPlannerFile } from '../../store/plugins'
import { MODULE_EXTENSIONS } from '../../worker/plugins/limits'
import { usePlanners, usePlugins } from './context'
import { FileButton } from './FileButton'

export function LoadPlannerButton() {
  const deps = usePlugins()
  const checking = usePlanners((s) => s.checking)
  return (
    <FileButton
      label={checking ? `Checking ${checking}…` : 'Load planner…'}
      title="Load your own planner module (.js, .mjs or .ts) — or drop one anywhere on the page"
      accept={MODULE_EXTENSIONS.join(',')}
      className="button"
      testId="load-planner"
      inputTestId="planner-file-input"
      disabled={checking !== null}
      onFile={(file) => void loadPlannerFile(deps, file)}
    />
  )
}
