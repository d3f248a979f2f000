// Record and replay of agent runs. An agent may not be deterministic, so a run with one is made
// reproducible by recording what each call came to: `--record FILE` writes one JSON line per
// planner call (time, planner, a digest of the view the agent saw, the outcome: decisions read,
// or the fault); `--replay FILE` runs the same scenario with those outcomes in place of the
// agents, giving a byte-identical report. The digest is checked call by call: when the scenario
// or the engine changed, the replay stops at the first call whose view differs.

import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import {
  createViewRebuilder,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  type PlannerKind,
  type PlanOutcome,
  type PortableViewData,
  type ScenarioSpec,
} from '../../core'
import { AGENT_PROTOCOL, viewJson } from '../../planners/agent'
import { clip } from '../../scenario'
import { InputError } from '../errors'
import { describeFsError } from '../files'
import type { AgentSpec } from './options'

export interface RecordingHeader {
  protocol: typeof AGENT_PROTOCOL
  recording: 1
  scenario: string
  strategy: string
  seed: number
  agents: (AgentSpec & { id: string })[]
}

export interface RecordedCall {
  planner: string
  timeS: number
  viewDigest: string
  outcome: PlanOutcome
}

/** sha256 of the view an agent is sent for this call (its JSON text, kind included). */
function digester(spec: ScenarioSpec, kind: PlannerKind): (data: PortableViewData) => string {
  const rebuild = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)
  return (data) =>
    createHash('sha256')
      .update(JSON.stringify({ kind, view: viewJson(rebuild(data)) }))
      .digest('hex')
      .slice(0, 32)
}

/** Telemetry the wrapped side holds: a replay holds its own ring, fed from call to call. */
function counter() {
  let known = 0
  return { known: () => known, saw: (d: PortableViewData) => (known = d.telemetry.count) }
}

/** Wraps an agent's planner so each call's outcome is appended to `lines` (without its timing). */
export function recordingPlanner(p: EnginePlanner, spec: ScenarioSpec, lines: RecordedCall[]): EnginePlanner {
  const inner = p.isolated
  if (!inner) throw new Error(`internal: ${p.id} is not an agent`)
  const digest = digester(spec, p.kind)
  const seen = counter()
  return {
    ...p,
    isolated: {
      // The digester keeps its own ring, so the agent's side decides what it still needs.
      telemetryKnown: () => Math.min(inner.telemetryKnown(), seen.known()),
      call: async (timeS, data) => {
        const viewDigest = digest(data)
        seen.saw(data)
        const { ms: _timing, ...outcome } = await inner.call(timeS, data)
        lines.push({ planner: p.id, timeS, viewDigest, outcome: outcome as PlanOutcome })
        return outcome as PlanOutcome
      },
    },
  }
}

export function writeRecording(file: string, header: RecordingHeader, calls: RecordedCall[]): void {
  const text = [header, ...calls].map((x) => JSON.stringify(x)).join('\n')
  try {
    writeFileSync(file, `${text}\n`)
  } catch (err) {
    throw new InputError(`--record: cannot write ${file}: ${describeFsError(err)}`)
  }
}

export function readRecording(file: string): { header: RecordingHeader; calls: RecordedCall[] } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(`--replay: cannot read ${file}: ${describeFsError(err)}`)
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const parsed = lines.map((l, i) => {
    try {
      return JSON.parse(l)
    } catch {
      throw new InputError(`--replay: ${file}:${i + 1}: not JSON ("${clip(l, 60)}")`)
    }
  })
  const header = parsed[0] as RecordingHeader | undefined
  if (header?.protocol !== AGENT_PROTOCOL || header.recording !== 1 || !Array.isArray(header.agents))
    throw new InputError(`--replay: ${file}:1: not a recording of ${AGENT_PROTOCOL} (made with --record)`)
  return { header, calls: parsed.slice(1) as RecordedCall[] }
}

/** The recorded agents as planners that give back each call's recorded outcome, checking the view. */
export function replayPlanners(
  spec: ScenarioSpec,
  file: string,
  header: RecordingHeader,
  calls: RecordedCall[],
): EnginePlanner[] {
  return header.agents.map((a) => {
    const mine = calls.filter((c) => c.planner === a.id)
    const digest = digester(spec, a.kind)
    const seen = counter()
    let next = 0
    return {
      id: a.id,
      kind: a.kind,
      triggers: [],
      isolated: {
        telemetryKnown: seen.known,
        call: async (timeS, data) => {
          const viewDigest = digest(data)
          seen.saw(data)
          const r = mine[next++]
          const at = `${file}: call ${next} of ${a.id} at t = ${timeS} s`
          if (!r) throw new InputError(`--replay: ${at}: the recording has no more calls of this agent`)
          if (r.timeS !== timeS || r.viewDigest !== viewDigest)
            throw new InputError(
              `--replay: ${at}: the view differs from the recorded one (recorded at t = ${r.timeS} s, ` +
                `digest ${r.viewDigest}, now ${viewDigest}); the scenario or the engine changed since it was recorded`,
            )
          return r.outcome
        },
      },
    }
  })
}
