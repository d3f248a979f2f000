// The example agents of examples/agents (issue 14) against a built-in scenario through the real
// `sim` command: each plans (its decisions, with their rationales, are in the report), its run
// is recorded, and the recording replays to a byte-identical report. A scenario changed after
// recording stops the replay at the first call, with a message that says so.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withFirstPriorityChanged } from '../support/changed-scenario'
import { simChild } from './child'

const ROOT = join(import.meta.dirname, '..', '..')
const SCENARIO = join(ROOT, 'scenarios', 'resource-allocation.json')
const STACK = /\n\s+at \S/

const EXAMPLES = [
  [
    'Python greedy',
    'python3 examples/agents/greedy_agent.py',
    /: (first free satellite over the target, (now|in \d+ min), until t = \d+ s|nearest free satellite, \d+ km from the target, no pass before the next call)\.$/,
    // It chooses from the imaging opportunities the plan message carries.
    /: first free satellite over the target, /,
  ],
  [
    'Node earliest-deadline',
    'node examples/agents/deadline_agent.mjs',
    /closes in [\d.]+ h, the soonest open task/,
    /closes in/,
  ],
  [
    'explaining stub',
    'python3 examples/agents/explaining_agent.py',
    /^I gave \S+ \(priority \d\) to \S+ because/,
    /because it can image the target right now/,
  ],
] as const

async function sim(name: string, ...args: string[]) {
  const r = await simChild(`issue 14: ${name}`, args)
  expect(r.err).not.toMatch(STACK)
  return r
}

describe('the example agents', () => {
  it.each(EXAMPLES)(
    '%s plans, and its recording replays byte for byte',
    async (name, command, rationale, some) => {
      const dir = mkdtempSync(join(tmpdir(), 'sim-agent-'))
      const common = ['run', SCENARIO, '--json', '--until', '6h']
      const live = await sim(
        name,
        ...common,
        '--out',
        join(dir, 'a.json'),
        '--record',
        join(dir, 'rec.jsonl'),
        '--agent',
        `allocation=${command}`,
      )
      expect(live.code).toBe(0)
      const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))
      const id = `agent:${command}`
      expect(report.planners.allocation).toBe(id)
      expect(report.counts.plannerFaults).toBe(0)
      const mine = report.events.filter(
        (e: { type: string; planner?: string }) => e.type === 'decision' && e.planner === id,
      )
      expect(mine.length).toBeGreaterThan(0)
      for (const e of mine) expect(e.message).toMatch(rationale)
      expect(mine.some((e: { message: string }) => some.test(e.message))).toBe(true)
      const replay = await sim(
        `${name} replay`,
        ...common,
        '--out',
        join(dir, 'b.json'),
        '--replay',
        join(dir, 'rec.jsonl'),
      )
      expect(replay.code).toBe(0)
      expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'))
    },
    180_000,
  )

  it('a replay against a changed scenario stops at the first call whose view differs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-agent-'))
    const rec = join(dir, 'rec.jsonl')
    const command = 'node examples/agents/deadline_agent.mjs'
    const live = await sim(
      'record',
      'run',
      SCENARIO,
      '--json',
      '--until',
      '2h',
      '--record',
      rec,
      '--agent',
      `allocation=${command}`,
    )
    expect(live.code).toBe(0)
    const changed = join(dir, 'changed.json')
    writeFileSync(changed, withFirstPriorityChanged(readFileSync(SCENARIO, 'utf8')))
    const replay = await sim('replay changed', 'run', changed, '--json', '--until', '2h', '--replay', rec)
    expect(replay.code).toBe(2)
    expect(replay.out).toBe('')
    expect(replay.err).toContain(`--replay: ${rec}: call 1 of agent:${command}`)
    expect(replay.err).toContain('the view differs from the recorded one')
  }, 180_000)
})

describe('compare --replay', () => {
  it('puts a recorded agent run beside the built-in strategies, with the recorded run’s numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-agent-'))
    const rec = join(dir, 'rec.jsonl')
    const live = await sim(
      'record full day',
      'run',
      SCENARIO,
      '--json',
      '--out',
      join(dir, 'a.json'),
      '--record',
      rec,
      '--agent',
      'allocation=node examples/agents/deadline_agent.mjs',
    )
    expect(live.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))
    const c = await sim(
      'compare replay',
      'compare',
      SCENARIO,
      '--strategies',
      'greedy',
      '--json',
      '--replay',
      rec,
    )
    expect(c.code).toBe(0)
    const comparison = JSON.parse(c.out)
    expect(comparison.strategies.map((s: { name: string }) => s.name)).toEqual(['greedy', 'recorded:greedy'])
    const recorded = comparison.strategies[1].metrics
    for (const key of ['tasksCompleted', 'priorityValue', 'tasksCaptured'])
      expect(recorded[key].perSeed).toEqual([{ seed: report.seed, value: report.metrics[key].value }])
    expect(recorded.tasksCompleted.perSeed[0].value).not.toBe(
      comparison.strategies[0].metrics.tasksCompleted.perSeed[0].value,
    )
  }, 240_000)
})
