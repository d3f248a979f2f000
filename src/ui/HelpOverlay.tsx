// The keyboard shortcuts ("?"), as a modal dialog that Escape or a click outside closes.

import { Modal } from './Modal'
import { useApp, useSession } from './session-context'

export const SHORTCUTS: [string, string][] = [
  ['Space', 'Play / pause'],
  ['→', 'Step forward one engine step'],
  ['←', 'Step back one engine step'],
  ['Home', 'Back to the start'],
  ['End', 'Run to the end'],
  ['N', 'Run to the next event (failure, alert, manoeuvre, outage)'],
  ['+ / −', 'Faster / slower'],
  ['Esc', 'Clear the selection, close this help'],
  ['?', 'Show this help'],
]

export function HelpOverlay() {
  const session = useSession()
  const open = useApp((s) => s.helpOpen)
  if (!open) return null
  return (
    <Modal title="Keyboard shortcuts" name="help" onClose={() => session.app.setState({ helpOpen: false })}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Click a marker on the timeline to jump to it; drag the timeline to scrub. Open a scenario file with
        “Open file…” or drop it anywhere on the page; drop a planner module (.js, .mjs, .ts) the same way, or
        use “Strategies…”. The address bar always holds a link to what you see.
      </p>
    </Modal>
  )
}
