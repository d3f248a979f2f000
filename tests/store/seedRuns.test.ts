// The browser's multi-seed compare: jobs dealt to several workers, results gathered in any order
// into the statistics `sim compare` prints; a failed job or a bad seed count says so.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { aggregate } from '../../src/cli/compare/aggregate'
import { createSeedRuns, type SeedPortLike } from '../../src/store/seedRuns'
import { runSeedJob } from '../../src/worker/seed-job'
import type { FromSeedWorker, ToSeedWorker } from '../../src/worker/seed-protocol'

const FILE = 'scenarios/default.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')

/** A worker that runs its jobs in-process, in reverse order, when told to flush. */
function fakePorts() {
  const ports: { posted: ToSeedWorker[]; fn: (m: FromSeedWorker) => void; terminated: boolean }[] = []
  const start = (): SeedPortLike => {
    const p = { posted: [] as ToSeedWorker[], fn: (_m: FromSeedWorker) => {}, terminated: false }
    ports.push(p)
    return {
      post: (m) => p.posted.push(m),
      listen: (fn) => {
        p.fn = fn
      },
      terminate: () => {
        p.terminated = true
      },
    }
  }
  const flush = () => {
    for (const p of [...ports].reverse()) {
      for (const m of p.posted) {
        for (const job of [...m.jobs].reverse()) {
          try {
            p.fn({ type: 'result', id: m.id, result: runSeedJob(m.text, m.file, job) })
          } catch (err) {
            p.fn({ type: 'failed', id: m.id, message: (err as Error).message })
          }
        }
      }
    }
  }
  return { ports, start, flush }
}

describe('multi-seed runs', () => {
  it('equal what sim compare aggregates for the same seeds, whatever order results arrive in', () => {
    const fake = fakePorts()
    const runs = createSeedRuns(fake.start, 2)
    runs.run({ scenario: 'default', text: TEXT, file: FILE }, ['baseline', 'predictive'], 3)
    expect(fake.ports).toHaveLength(2)
    expect(fake.ports.map((p) => p.posted[0].jobs.length)).toEqual([3, 3])
    fake.flush()
    const s = runs.store.getState()
    expect(s.status).toBe('done')
    expect(fake.ports.every((p) => p.terminated)).toBe(true)
    const results = ['baseline', 'predictive'].flatMap((strategy, k) =>
      [1, 2, 3].map((seed, i) => ({
        index: 3 * k + i,
        strategy,
        seed,
        metrics: runSeedJob(TEXT, FILE, { strategy, seed }).metrics,
        trace: [],
      })),
    )
    const cli = aggregate({ id: 'default', title: '' }, ['baseline', 'predictive'], [1, 2, 3], results)
    for (const [k, strategy] of cli.strategies.entries()) {
      for (const [key, m] of Object.entries(strategy.metrics)) {
        const mine = s.table!.stats[k][key as keyof typeof strategy.metrics]!
        expect([mine.mean, mine.sd], `${strategy.name} ${key}`).toEqual([m!.mean, m!.sd])
      }
    }
  }, 120_000)

  it('reports a failed job and refuses a seed count out of range, naming it', () => {
    const fake = fakePorts()
    const runs = createSeedRuns(fake.start, 1)
    runs.run({ scenario: 'default', text: TEXT, file: FILE }, ['no-such-strategy'], 1)
    fake.flush()
    expect(runs.store.getState().status).toBe('failed')
    expect(runs.store.getState().error).toContain('no-such-strategy')
    runs.run({ scenario: 'default', text: TEXT, file: FILE }, ['baseline'], 0)
    expect(runs.store.getState().error).toMatch(/1 to 50 seeds/)
  })
})
