// "Open recording…": a recording of an agent run (`sim run --record`) becomes a strategy of the
// comparison. The file is read with its size checked first and every line checked with the same
// zod schemas as the CLI's `--replay`; a recording of another scenario, or of a strategy the
// scenario does not have, is refused in words. Any refusal shows in the error panel of a scenario
// that failed to load, and the running comparison stays. An accepted recording is listed in the
// planner store (the worker is told by plugin-sync.ts) and shown beside the strategies already
// shown, at the seed it was recorded with.

import { MAX_RECORDING_BYTES } from '../core/limits'
import type { RecordingHeader } from '../planners/agent/recording-format'
import type { ScenarioIssue } from '../scenario/issues'
import { MAX_STRATEGIES, RECORDED_PREFIX } from '../worker/protocol'
import { pushMessage } from './appStore'
import type { PlannerStore, UserRecording } from './plannerStore'
import type { FileLike } from './plugins'
import type { Session } from './session'

/** Most recordings open at once. */
export const MAX_USER_RECORDINGS = 4

export interface RecordingDeps {
  session: Session
  planners: PlannerStore
}

/** True for the file names "Open recording…" takes (what --record writes: JSON lines). */
export function isRecordingFile(name: string): boolean {
  return /\.jsonl$/i.test(name)
}

/** The agent as a name can show it: the script a command runs ("greedy_agent.py"), else its program. */
function agentLabel(command: string): string {
  const words = command.trim().split(/\s+/)
  const script =
    words.slice(1).find((w) => /\.[A-Za-z0-9]+$/.test(w) && !w.startsWith('-')) ?? words[0] ?? 'agent'
  const base = script.split(/[\\/]/).pop() ?? script
  // Names travel in links under recorded=: letters, digits, "_", "." and "-" only.
  return base.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40) || 'agent'
}

/** The strategy a recording becomes: "recorded: greedy_agent.py" (agents joined by "+"). */
export function recordingName(header: RecordingHeader): string {
  return `${RECORDED_PREFIX}${header.agents.map((a) => agentLabel(a.command)).join('+')}`
}

function refuse(session: Session, file: string, issues: Omit<ScenarioIssue, 'file'>[]): void {
  session.app.setState({ loadIssues: { file, issues: issues.map((i) => ({ file, ...i })) } })
}

/** Opens a recording as a strategy; resolves when it is shown or refused. */
export async function loadRecordingFile(deps: RecordingDeps, file: FileLike): Promise<void> {
  const { session, planners } = deps
  const app = session.app
  if (file.size > MAX_RECORDING_BYTES)
    return refuse(session, file.name, [
      {
        path: '',
        message: `expected a recording of at most ${MAX_RECORDING_BYTES / 1e6} MB, got ${(file.size / 1e6).toFixed(1)} MB`,
      },
    ])
  let text: string
  try {
    text = await file.text()
  } catch {
    return refuse(session, file.name, [{ path: '', message: 'the file could not be read' }])
  }
  // The checks (zod) load with the first recording opened: the first frame does not need them.
  const { parseRecording } = await import('../planners/agent/recording-format')
  const parsed = parseRecording(text)
  if (!parsed.ok)
    return refuse(
      session,
      file.name,
      parsed.issues.map((i) => ({ path: '', ...i })),
    )
  const { header } = parsed.recording
  const scenario = app.getState().scenario
  if (!scenario) return refuse(session, file.name, [{ path: '', message: 'no scenario is loaded yet' }])
  const played = `strategy "${header.strategy}", seed ${header.seed}`
  if (header.scenario !== scenario.id)
    return refuse(session, file.name, [
      {
        path: 'scenario',
        line: 1,
        message: `this recording is of scenario "${header.scenario}" (${played}), not of the loaded "${scenario.id}": open that scenario first, then the recording`,
      },
    ])
  if (!scenario.strategies.some((s) => s.name === header.strategy))
    return refuse(session, file.name, [
      {
        path: 'strategy',
        line: 1,
        message: `the agents played in strategy "${header.strategy}", which scenario "${scenario.id}" does not have (it has: ${scenario.strategies.map((s) => s.name).join(', ')})`,
      },
    ])
  const name = recordingName(header)
  const others = planners.getState().recordings.filter((r) => r.name !== name)
  if (others.length >= MAX_USER_RECORDINGS)
    return refuse(session, file.name, [
      {
        path: '',
        message: `at most ${MAX_USER_RECORDINGS} recordings can be open at once; remove one first`,
      },
    ])
  const recording: UserRecording = { name, file: file.name, data: parsed.recording }
  planners.setState({ recordings: [...others, recording] })
  if (app.getState().loadIssues?.file === file.name) app.setState({ loadIssues: null })
  const s = app.getState()
  const shown = s.strategies.filter((n) => n !== name)
  session.setStrategies([...shown, name].slice(-MAX_STRATEGIES), header.seed)
  if (s.seed !== header.seed)
    pushMessage(
      app,
      'note',
      `${file.name} was recorded with seed ${header.seed}: every strategy now runs on seed ${header.seed}, so “${name}” replays the run it recorded.`,
    )
}

/** Closes a recording (the worker drops its strategy from the comparison). */
export function removeRecording(planners: PlannerStore, name: string): void {
  planners.setState({ recordings: planners.getState().recordings.filter((r) => r.name !== name) })
}
