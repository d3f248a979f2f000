// Recordings of agent runs (issue 14), the code the CLI's --replay and the app's "Open
// recording…" share: a recording is checked line by line with its bounds, and its replay gives
// the recorded run's report byte for byte — also after a step back, which calls planners again —
// and stops at the first call whose view differs when the scenario changed.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation, MAX_RECORDED_CALLS, MAX_RECORDING_BYTES, type ScenarioSpec } from '../../src/core'
import { registry } from '../../src/planners'
import { parseRecording, type Recording, replayPlanners } from '../../src/planners/agent'
import { loadScenarioText } from '../../src/scenario'
import { withFirstPriorityChanged } from '../support/changed-scenario'
import { FAKE_AGENT_ID, recordFakeAgent } from '../support/fake-agent'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'
import { jsonl } from './recording-lines'

const ROOT = join(import.meta.dirname, '..', '..')
const UNTIL_S = 6 * 3600
const AGENT = FAKE_AGENT_ID

function scenario(text: string): ScenarioSpec {
  const r = loadScenarioText(text, 'resource-allocation.json', { knownPlanners: registry.names() })
  if (!r.ok) throw new Error('the scenario does not load')
  return r.scenario
}

const text = readFileSync(join(ROOT, 'scenarios/resource-allocation.json'), 'utf8')
const spec = scenario(text)
// The recorded run is made by the first test that needs it, then shared. Not in a beforeAll hook:
// mutation testing credits code run in a hook to no test at all, and must then rerun every test
// of the file for each mutant in the engine it reaches.
let made: Promise<{ recording: Recording; recordedReport: string }> | undefined
const recorded = () =>
  (made ??= recordFakeAgent(spec, 'greedy', UNTIL_S).then((r) => ({
    recording: r.recording,
    recordedReport: JSON.stringify(r.report),
  })))

describe('a recording', () => {
  it(
    'reads back what was recorded, without its timing',
    async () => {
      const { recording } = await recorded()
      const parsed = parseRecording(jsonl(recording))
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
      // The first step's call, then one per cadence.
      const cadence = spec.plannerCadenceS
      const times = Array.from({ length: UNTIL_S / cadence }, (_, k) => (k + 1) * cadence)
      expect(parsed.recording.calls.map((c) => c.timeS)).toEqual([spec.stepS, ...times])
      expect(
        parsed.recording.calls.some((c) => c.outcome.ok && c.outcome.read.ok && c.outcome.read.total > 0),
      ).toBe(true)
      expect(JSON.stringify(parsed.recording.calls)).not.toContain('"ms"')
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'names each bad line, all at once',
    async () => {
      const { recording } = await recorded()
      const lines = jsonl(recording).split('\n')
      lines[2] = 'nope'
      lines[3] = lines[3].replace(/"viewDigest":"[0-9a-f]+"/, '"viewDigest":"XYZ"')
      lines[4] = lines[4].replace(`"planner":"${AGENT}"`, '"planner":"agent:other"')
      lines[5] = lines[5].replace(/"timeS":\d+/, '"timeS":1')
      const r = parseRecording(lines.join('\n'))
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issues).toEqual([
        { line: 3, message: 'not JSON ("nope")' },
        { line: 4, message: 'viewDigest: expected 32 lower-case hex digits' },
        { line: 5, message: 'planner "agent:other" is not one of the recording\'s agents' },
        {
          line: 6,
          message: expect.stringMatching(
            /^calls of agent:test out of time order \(t = 1 s after t = \d+ s\)$/,
          ),
        },
      ])
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'refuses what is not a recording, an empty text and one over its bounds',
    async () => {
      const { recording } = await recorded()
      const no = (t: string) => {
        const r = parseRecording(t)
        return r.ok ? [] : r.issues
      }
      expect(no('{"hello":1}')).toEqual([
        { line: 1, message: 'not a recording of mission-sandbox/1 (made with --record)' },
      ])
      expect(no('{"protocol":"mission-sandbox/1","recording":1,"scenario":"x"}')[0].message).toBe(
        'a recording of format 1, made by an earlier version whose view digests differ between JavaScript engines: record it again (format 2)',
      )
      expect(no('{"protocol":"mission-sandbox/1","recording":2,"scenario":"x"}')[0].message).toMatch(
        /^not a recording of mission-sandbox\/1 \(made with --record\): strategy: /,
      )
      expect(no('\n\n')).toEqual([{ line: 1, message: 'empty: expected the header line --record writes' }])
      expect(no(' '.repeat(MAX_RECORDING_BYTES + 1))[0].message).toBe(
        `expected a recording of at most ${MAX_RECORDING_BYTES / 1e6} MB`,
      )
      // The shortest call line there is, so the count bound is reached before the size bound.
      const head = JSON.stringify({
        ...recording.header,
        agents: [{ kind: 'allocation', command: 'a', id: 'a' }],
      })
      const digest = '0'.repeat(32)
      const calls = Array.from(
        { length: MAX_RECORDED_CALLS + 1 },
        (_, k) =>
          `{"planner":"a","timeS":${k},"viewDigest":"${digest}","outcome":{"ok":false,"fault":"","disable":true}}`,
      )
      const many = [head, ...calls].join('\n')
      expect(many.length).toBeLessThan(MAX_RECORDING_BYTES)
      expect(no(many)).toEqual([
        { line: MAX_RECORDED_CALLS + 2, message: `expected at most ${MAX_RECORDED_CALLS} recorded calls` },
      ])
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )
})

describe('its replay', () => {
  const replay = (s: ScenarioSpec, r: Recording) =>
    createSimulation(s, 'greedy', { planners: replayPlanners(s, r, { where: 'rec.jsonl' }) })

  it(
    'gives the recorded report byte for byte',
    async () => {
      const { recording, recordedReport } = await recorded()
      const sim = replay(spec, recording)
      await sim.runUntilAsync(UNTIL_S)
      expect(JSON.stringify(sim.report())).toBe(recordedReport)
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'gives the same run again after going back to an earlier snapshot (calls found by time)',
    async () => {
      const { recording, recordedReport } = await recorded()
      const sim = replay(spec, recording)
      await sim.runUntilAsync(UNTIL_S / 3)
      const early = sim.snapshot()
      await sim.runUntilAsync(UNTIL_S / 2)
      sim.restore(early)
      await sim.runUntilAsync(UNTIL_S)
      expect(JSON.stringify(sim.report())).toBe(recordedReport)
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'stops at the first call whose view differs, naming it',
    async () => {
      const { recording } = await recorded()
      const other = scenario(withFirstPriorityChanged(text))
      const sim = replay(other, recording)
      await expect(sim.runUntilAsync(UNTIL_S)).rejects.toThrow(
        /^rec\.jsonl: call 1 of agent:test at t = 30 s: the view differs from the recorded one \(digest [0-9a-f]{32}, now [0-9a-f]{32}\)/,
      )
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'stops when called at a time the recording has no call for',
    async () => {
      const { recording } = await recorded()
      const cut = { ...recording, calls: recording.calls.slice(0, 3) }
      const sim = replay(spec, cut)
      await expect(sim.runUntilAsync(UNTIL_S)).rejects.toThrow(
        `rec.jsonl: ${AGENT} is called at t = ${recording.calls[3].timeS} s, and the recording has no call of it then (its 3 calls: from t = 30 s to t = ${recording.calls[2].timeS} s)`,
      )
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )
})
