// The top bar: the brand, the scenario picker (built-in library, a local file, drag and drop
// anywhere), the safety banner and the help button.

import { type ChangeEvent, useRef } from 'react'
import { formatBytes, MAX_SCENARIO_BYTES } from '../core/limits'
import type { Session } from '../store/session'
import { ExportMenu } from './ExportMenu'
import { LIBRARY, libraryText } from './library'
import { useApp, useSession } from './session-context'

/** What "Open file…" offers: scenarios, and element-set files (2LE/3LE text, OMM JSON or CSV). */
export const FILE_ACCEPT = '.json,.tle,.3le,.2le,.txt,.csv,application/json,text/plain,text/csv'

/** Larger files are refused before reading: the loader's own limit, so app and CLI agree. */
export const MAX_FILE_BYTES = MAX_SCENARIO_BYTES

export async function openLocalFile(session: Session, file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    session.app.setState({
      loadIssues: {
        file: file.name,
        issues: [
          {
            file: file.name,
            path: '',
            message: `expected a scenario file of at most ${formatBytes(MAX_FILE_BYTES)}, got ${formatBytes(file.size)}`,
          },
        ],
      },
    })
    return
  }
  let text: string
  try {
    text = await file.text()
  } catch {
    session.app.setState({
      loadIssues: {
        file: file.name,
        issues: [{ file: file.name, path: '', message: 'the file could not be read' }],
      },
    })
    return
  }
  session.loadText({ text, file: file.name, source: { kind: 'file', name: file.name } })
}

function ScenarioPicker() {
  const session = useSession()
  const source = useApp((s) => s.source)
  const pending = useApp((s) => s.pendingFile)
  const input = useRef<HTMLInputElement>(null)
  const value = source?.kind === 'library' ? source.key : source ? '__other' : ''
  const otherLabel =
    source?.kind === 'file'
      ? `Local file: ${source.name}`
      : source?.kind === 'stress'
        ? `Stress test: ${source.satellites.toLocaleString('en-US')} satellites`
        : ''

  const choose = (e: ChangeEvent<HTMLSelectElement>) => {
    const entry = LIBRARY.find((x) => x.key === e.target.value)
    if (!entry) return
    void libraryText(session, entry).then((text) => {
      if (text !== null)
        session.loadText({ text, file: entry.file, source: { kind: 'library', key: entry.key } })
    })
  }
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) void openLocalFile(session, file)
  }

  return (
    <div className="picker">
      <label className="visually-hidden" htmlFor="scenario-select">
        Scenario
      </label>
      <select
        id="scenario-select"
        data-testid="scenario-select"
        value={value}
        onChange={choose}
        // The whole title on hover when a long one does not fit the closed picker.
        title={LIBRARY.find((e) => e.key === value)?.title ?? otherLabel ?? undefined}
      >
        {value === '' ? <option value="">Loading…</option> : null}
        {otherLabel ? (
          <option value="__other" disabled>
            {otherLabel}
          </option>
        ) : null}
        <optgroup label="Built-in scenarios">
          {LIBRARY.map((e) => (
            <option key={e.key} value={e.key}>
              {e.title}
            </option>
          ))}
        </optgroup>
      </select>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        title="Open a scenario (.json) or an element-set file (.tle, .3le, .txt, OMM .json or .csv) — or drop one anywhere on the page"
      >
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept={FILE_ACCEPT}
        className="visually-hidden"
        data-testid="file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
      {pending ? (
        <span className="pending" role="status">
          Loading {pending}…
        </span>
      ) : null}
    </div>
  )
}

export function TopBar() {
  const session = useSession()
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Mission Sandbox</span>
      </div>
      <ScenarioPicker />
      <div className="topbar-end">
        <ExportMenu />
        <p className="banner" role="note" data-testid="banner">
          Illustrative sandbox — not a flight system
        </p>
        <button
          type="button"
          className="button icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          data-testid="help-button"
          onClick={() => session.app.setState({ helpOpen: true })}
        >
          ?
        </button>
      </div>
    </header>
  )
}
