// The Export menu: the run's results in the formats other tools read (what the CLI writes: the
// report JSON, the access CSV, the time series CSV, CZML), a PNG of the 3D view, and "Copy link"
// for the shareable address. A run export is the whole run of the first shown strategy at the
// current seed, computed by the worker with the same engine as `sim run`.

import { useRef, useState } from 'react'
import { pushMessage } from '../store/appStore'
import type { RunExportFormat } from '../worker/protocol'
import { captureViewportPng } from './capture'
import { downloadText, downloadUrl } from './download'
import { useApp, useSession } from './session-context'

const RUN_ITEMS: { format: RunExportFormat; label: string; testId: string }[] = [
  { format: 'report', label: 'Report (JSON)', testId: 'export-report' },
  { format: 'access-csv', label: 'Contacts and eclipses (CSV)', testId: 'export-access-csv' },
  { format: 'series-csv', label: 'Time series (CSV)', testId: 'export-series-csv' },
  { format: 'czml', label: 'CZML for CesiumJS', testId: 'export-czml' },
]

export function ExportMenu() {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const source = useApp((s) => s.source)
  const strategy = useApp((s) => s.strategies[0])
  const seed = useApp((s) => s.seed)
  const menu = useRef<HTMLDetailsElement>(null)
  const [working, setWorking] = useState<RunExportFormat | null>(null)
  if (!scenario) return null
  const close = () => menu.current?.removeAttribute('open')

  const runExport = async (format: RunExportFormat) => {
    setWorking(format)
    try {
      const file = await session.requestExport(format)
      downloadText(file.fileName, file.mime, file.text)
    } catch (err) {
      pushMessage(session.app, 'error', err instanceof Error ? err.message : String(err))
    } finally {
      setWorking(null)
      close()
    }
  }

  const png = () => {
    close()
    const url = captureViewportPng()
    if (url === null) return pushMessage(session.app, 'error', 'No 3D view is shown to export.')
    downloadUrl(`${scenario.id}-view.png`, url)
  }
  const copyLink = async () => {
    close()
    const href = window.location.href
    try {
      await navigator.clipboard.writeText(href)
      pushMessage(
        session.app,
        'note',
        source?.kind === 'file'
          ? 'Link copied. It keeps the strategies, seed and time; a local file is not in it, so share the file too.'
          : 'Link copied: it opens this scenario at this time, with these strategies and seed.',
      )
    } catch {
      pushMessage(session.app, 'error', `The browser refused the clipboard; the link is ${href}`)
    }
  }

  return (
    <details className="export-menu" ref={menu} data-testid="export-menu">
      <summary className="button">Export</summary>
      <ul>
        <li className="export-note">
          Whole run of {strategy}, seed {seed}
        </li>
        {RUN_ITEMS.map((item) => (
          <li key={item.format}>
            <button
              type="button"
              disabled={working !== null}
              onClick={() => void runExport(item.format)}
              data-testid={item.testId}
            >
              {working === item.format ? 'Running…' : item.label}
            </button>
          </li>
        ))}
        <li>
          <button type="button" onClick={png} data-testid="export-png">
            PNG of the 3D view
          </button>
        </li>
        <li>
          <button type="button" onClick={copyLink} data-testid="copy-link">
            Copy link
          </button>
        </li>
      </ul>
    </details>
  )
}
