// "Open recording…": a file picker for a recording of an agent run (`sim run --record`, .jsonl),
// which becomes a strategy replayed beside the others. The same files dropped anywhere on the
// page open the same way (see drop.ts).

import { loadRecordingFile } from '../../store/recordings'
import { useSession } from '../session-context'
import { usePlugins } from './context'
import { FileButton } from './FileButton'

export function OpenRecordingButton() {
  const session = useSession()
  const { planners } = usePlugins()
  return (
    <FileButton
      label="Open recording…"
      title="Open a recording of an agent run (sim run --record FILE.jsonl) and compare it beside the strategies — or drop one anywhere on the page"
      accept=".jsonl"
      className="button small"
      testId="open-recording"
      inputTestId="recording-file-input"
      onFile={(file) => void loadRecordingFile({ session, planners }, file)}
    />
  )
}
