// "Load planner…": a file picker for a planner module (.js, .mjs, .ts). The same files dropped
// anywhere on the page load the same way (see App.tsx).

import { type ChangeEvent, useRef } from 'react'
import { loadPlannerFile } from '../../store/plugins'
import { MODULE_EXTENSIONS } from '../../worker/plugins/limits'
import { usePlanners, usePlugins } from './context'

export function LoadPlannerButton() {
  const deps = usePlugins()
  const checking = usePlanners((s) => s.checking)
  const input = useRef<HTMLInputElement>(null)
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) void loadPlannerFile(deps, file)
  }
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        disabled={checking !== null}
        title="Load your own planner module (.js, .mjs or .ts) — or drop one anywhere on the page"
        data-testid="load-planner"
      >
        {checking ? `Checking ${checking}…` : 'Load planner…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={MODULE_EXTENSIONS.join(',')}
        className="visually-hidden"
        data-testid="planner-file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
    </>
  )
}
