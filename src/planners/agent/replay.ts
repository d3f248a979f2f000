// Replay (and recording) of agent runs, shared by the CLI (`--record`, `--replay`, `compare
// --replay`) and the app ("Open recording…"), so a recording replays the same way in both. A
// replay gives back each call's recorded outcome in place of the agent and checks the call's view
// digest: when the scenario or the engine changed, it stops at the first call whose view differs.
// Calls are found by time (a planner is called at most once per step), so a replay survives the
// app's step back and scrubbing, which call planners again.
// Pure: no file system (the CLI reads and writes files), SHA-256 from Web Crypto (Node and browsers).

import {
  createViewRebuilder,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  type PlannerKind,
  type PlanOutcome,
  type PortableViewData,
  type ScenarioSpec,
} from '../../core'
import type { RecordedCall, Recording } from './recording-format'
import { viewJson } from './view-json'

/**
 * Numbers as the digest sees them: to six significant digits, and those under 1e-9 (SI units) as
 * 0. The engine's numbers differ in their last bits between JavaScript engines (V8 in Node 20 and
 * in a current Chromium disagree in the last bit of Math.sin, exp or atan2 for a few inputs in a
 * hundred): a semi-major axis is 6928137 in one and 6928136.999999999 in the other, a circular
 * orbit's eccentricity 5e-18 or 1e-16. A recording made by the CLI must replay in the app, and
 * six digits still tell a position to about 10 m, so a changed scenario or engine shows. (A whole
 * day of resource-allocation's views, 145 calls, rounds to the same text in both.)
 */
function digestNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value
  return Math.abs(value) < 1e-9 ? 0 : Number(value.toPrecision(6))
}

/** The first 32 hex digits of the SHA-256 of `text` (UTF-8). */
async function sha256Hex32(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle)
    throw new Error('SHA-256 (Web Crypto) is not available here, so a view digest cannot be checked')
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const b of bytes.subarray(0, 16)) hex += b.toString(16).padStart(2, '0')
  return hex
}

/**
 * The text whose digest is checked: the view an agent is sent for a call, as JSON, kind included.
 * Calls in order: the view is rebuilt at once (its telemetry ring follows the calls), hashed after.
 */
function digester(spec: ScenarioSpec, kind: PlannerKind, telemetryWindow: number) {
  const rebuild = createViewRebuilder(spec, telemetryWindow)
  let known = 0
  return {
    /** Telemetry samples the digester's ring holds (the engine sends only what is new). */
    known: () => known,
    text(data: PortableViewData): string {
      const text = JSON.stringify({ kind, view: viewJson(rebuild(data)) }, digestNumber)
      known = data.telemetry.count
      return text
    },
  }
}

/** Wraps an agent's planner so each call's outcome is appended to `calls` (without its timing). */
export function recordingPlanner(
  p: EnginePlanner,
  spec: ScenarioSpec,
  calls: RecordedCall[],
  telemetryWindow = DEFAULT_TELEMETRY_WINDOW,
): EnginePlanner {
  const inner = p.isolated
  if (!inner) throw new Error(`internal: ${p.id} is not an agent`)
  const d = digester(spec, p.kind, telemetryWindow)
  return {
    ...p,
    isolated: {
      // The digester keeps its own ring, so the agent's side decides what it still needs.
      telemetryKnown: () => Math.min(inner.telemetryKnown(), d.known()),
      call: async (timeS, data) => {
        const text = d.text(data)
        const { ms: _timing, ...outcome } = await inner.call(timeS, data)
        calls.push({
          planner: p.id,
          timeS,
          viewDigest: await sha256Hex32(text),
          outcome: outcome as PlanOutcome,
        })
        return outcome as PlanOutcome
      },
    },
  }
}

export interface ReplayOptions {
  /** How messages name the recording: "--replay: calls.jsonl" in the CLI, "recording calls.jsonl" in the app. */
  where: string
  /** The error a mismatch is thrown as (the CLI's InputError); a plain Error by default. */
  fail?: (message: string) => Error
  telemetryWindow?: number
}

/** The recorded agents as planners that give back each call's recorded outcome, checking the view. */
export function replayPlanners(spec: ScenarioSpec, rec: Recording, o: ReplayOptions): EnginePlanner[] {
  const fail = o.fail ?? ((m: string) => new Error(m))
  return rec.header.agents.map((a) => {
    const mine = rec.calls.filter((c) => c.planner === a.id)
    const byTime = new Map(mine.map((c, k) => [c.timeS, k]))
    const d = digester(spec, a.kind, o.telemetryWindow ?? DEFAULT_TELEMETRY_WINDOW)
    return {
      id: a.id,
      kind: a.kind,
      triggers: [],
      isolated: {
        telemetryKnown: d.known,
        call: async (timeS, data) => {
          const text = d.text(data)
          const k = byTime.get(timeS)
          if (k === undefined) {
            const span = mine.length
              ? `from t = ${mine[0].timeS} s to t = ${mine[mine.length - 1].timeS} s`
              : 'none'
            throw fail(
              `${o.where}: ${a.id} is called at t = ${timeS} s, and the recording has no call of it then ` +
                `(its ${mine.length} calls: ${span}); was it recorded with another --until, seed or scenario?`,
            )
          }
          const r = mine[k]
          const now = await sha256Hex32(text)
          if (r.viewDigest !== now)
            throw fail(
              `${o.where}: call ${k + 1} of ${a.id} at t = ${timeS} s: the view differs from the recorded one ` +
                `(digest ${r.viewDigest}, now ${now}); the scenario or the engine changed since it was recorded`,
            )
          return r.outcome
        },
      },
    }
  })
}
