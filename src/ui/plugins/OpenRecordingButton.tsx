// "Open recording…": a file picker for a recording of an agent run (`sim run --record`, .jsonl),
// which becomes a strategy replayed beside the others. The same files dropped anywhere on the
// page open the same way (see drop.ts).

import { type ChangeEvent, useRef } from 'react'
import { loadRecordingFile } from '../../store/recordings'
import { useSession } from '../session-context'
import { usePlugins } from './context'

export function OpenRecordingButton() {
  const session = useSession()
  const { planners } = usePlugins()
  const input = useRef<HTMLInputElement>(null)
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) void loadRecordingFile({ session, planners }, file)
  }
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() => input.current?.click()}
        title="Open a recording of an agent run (sim run --record FILE.jsonl) and compare it beside the strategies — or drop one anywhere on the page"
        data-testid="open-recording"
      >
        Open recording…
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonl"
        className="visually-hidden"
        data-testid="recording-file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
    </>
  )
}
