// What went wrong, shown without losing anything: the validator's issues for a file that did
// not load (the running scenario stays), and messages from the worker (planner or engine
// problems, notes about a link). Both can be dismissed.

import { dismissMessage } from '../store/appStore'
import { useApp, useSession } from './session-context'

export function LoadErrors() {
  const session = useSession()
  const failed = useApp((s) => s.loadIssues)
  const running = useApp((s) => s.file)
  if (!failed) return null
  const n = failed.issues.length
  return (
    <section
      className="load-errors"
      role="alert"
      aria-labelledby="load-errors-title"
      data-testid="load-errors"
    >
      <header>
        <h2 id="load-errors-title">
          {failed.file} could not be loaded: {n} {n === 1 ? 'problem' : 'problems'}
        </h2>
        <button
          type="button"
          className="button small"
          onClick={() => session.app.setState({ loadIssues: null })}
          data-testid="load-errors-close"
        >
          Dismiss
        </button>
      </header>
      {running ? (
        <p className="muted small">
          Still running <strong>{running}</strong>.
        </p>
      ) : null}
      <ol className="issues" data-testid="load-issues">
        {failed.issues.slice(0, 200).map((issue) => (
          <li key={`${issue.line}:${issue.column}:${issue.path}:${issue.message}`} className="issue">
            <span className="where">
              {issue.line !== undefined
                ? `line ${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`
                : null}
              {issue.line !== undefined && issue.path ? ' · ' : null}
              {issue.path ? <code>{issue.path}</code> : issue.line === undefined ? <code>(file)</code> : null}
            </span>
            <span className="what">{issue.message}</span>
          </li>
        ))}
      </ol>
      {n > 200 ? <p className="muted small">…and {n - 200} more.</p> : null}
    </section>
  )
}

export function Messages() {
  const session = useSession()
  const messages = useApp((s) => s.messages)
  if (messages.length === 0) return null
  return (
    <div className="messages" data-testid="messages">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
          <span>{m.text}</span>
          {m.kind === 'error' && /not responding|worker failed/.test(m.text) ? (
            <button type="button" className="button small" onClick={session.restart}>
              Restart simulation
            </button>
          ) : null}
          <button
            type="button"
            className="button small"
            aria-label="Dismiss"
            onClick={() => dismissMessage(session.app, m.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
