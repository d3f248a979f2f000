// The allocation planners' shared model: imaging opportunities agree with the engine's own
// prediction (canImage) at every step, and the optimal solver reaches the brute-force optimum of
// the model while greedy and EDF never beat it, on synthetic and on extracted problems.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type SatelliteView, type TaskView, type WorldView } from '../../src/core'
import { registry } from '../../src/planners'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { allocationParams } from '../../src/planners/allocation/params'
import {
  type AllocationProblem,
  buildProblem,
  committedServed,
  planIsFeasible,
  planValue,
} from '../../src/planners/allocation/problem'
import { byDeadline, byPriority, solveOptimal, solveOrdered } from '../../src/planners/allocation/solvers'
import { lazy } from '../support/lazy'
import { makeSpec, walker } from '../support/spec-fixture'

/** Tiny local PRNG (mulberry32) so the instances are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function targets(n: number, rand: () => number, windowH = 6, maxLatDeg = 60) {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    kind: 'image' as const,
    target: { latRad: (rand() * 2 - 1) * maxLatDeg * DEG, lonRad: (rand() * 360 - 180) * DEG },
    windowStartS: Math.floor(rand() * 3) * 1800,
    windowEndS: windowH * 3600,
    priority: 1 + Math.floor(rand() * 10),
    dataBits: 1e9,
  }))
}

/** A view some way into a fixture run with many targets, optionally with a greedy planner running. */
function viewAt(tS: number, n = 40, seed = 5, planned = false): WorldView {
  const spec = makeSpec({
    tasks: targets(n, prng(seed)),
    strategies: [{ name: 'greedy', allocation: 'greedy-priority', params: { allocation: { capacity: 1 } } }],
  })
  const sim = createSimulation(
    spec,
    undefined,
    planned ? { planners: registry.bind(spec.strategies[0]).planners } : {},
  )
  sim.runUntil(tS)
  return sim.view()
}

/** The first step in [from, to] (and in the task's window) at which canImage holds, or NaN. */
function firstByCanImage(view: WorldView, c: number, i: number, from: number, to: number): number {
  const t = view.tasks[i]
  for (let ts = from; ts <= Math.min(to, t.windowEndS); ts += view.stepS) {
    if (ts >= t.windowStartS && view.canImage(c, i, ts)) return ts
  }
  return Number.NaN
}

describe('imaging opportunities', () => {
  it('match canImage for a polar constellation and targets up to the poles', () => {
    const spec = makeSpec({ satellites: walker(8, 2, 1, 700, 97.5), tasks: targets(60, prng(11), 6, 89) })
    const sim = createSimulation(spec)
    sim.runUntil(600)
    const v = sim.view()
    const from = v.timeS + v.stepS
    const to = v.timeS + 5 * 3600
    const o = predictOpportunities(v, v.tasks, v.satellites, from, to, 600)
    const cols = v.satellites.length
    let found = 0
    for (let i = 0; i < v.tasks.length; i++) {
      for (let c = 0; c < cols; c++) {
        const want = firstByCanImage(v, c, i, from, to)
        expect(o.firstS[i * cols + c], `task ${i} satellite ${c}`).toBe(want)
        if (!Number.isNaN(want) && Math.abs(v.tasks[i].target.latRad) > 75 * DEG) found++
      }
    }
    // Passes over high-latitude targets, where the ground track turns, are among them.
    expect(found).toBeGreaterThan(5)
  })

  // A view 20 min into a run and a 4 h horizon, made by the first test that needs them
  // (tests/support/lazy.ts).
  const made = lazy(() => {
    const view = viewAt(1200)
    return { view, from: view.timeS + view.stepS, to: view.timeS + 4 * 3600 }
  })

  it.each([30, 120, 600])('match canImage at every step with %i s coarse samples', (sampleS) => {
    const { view, from, to } = made()
    const o = predictOpportunities(view, view.tasks, view.satellites, from, to, sampleS)
    const cols = view.satellites.length
    expect(o.blocks).toBe(1)
    let found = 0
    for (let i = 0; i < view.tasks.length; i++) {
      for (let c = 0; c < cols; c++) {
        const want = firstByCanImage(view, c, i, from, to)
        expect(o.firstS[i * cols + c], `task ${i} satellite ${c}`).toBe(want)
        if (!Number.isNaN(want)) found++
      }
    }
    // The instance is not trivial: plenty of pairs have a pass, plenty have none.
    expect(found).toBeGreaterThan(20)
    expect(found).toBeLessThan(view.tasks.length * cols - 20)
  })

  it('finds the first pass of each block separately', () => {
    const { view, from, to } = made()
    const blockS = 3600
    const o = predictOpportunities(view, view.tasks, view.satellites, from, to, 120, blockS)
    const cols = view.satellites.length
    expect(o.firstBlock).toBe(Math.floor(from / blockS))
    expect(o.blocks).toBe(Math.floor(to / blockS) - o.firstBlock + 1)
    let later = 0
    for (let i = 0; i < view.tasks.length; i++) {
      for (let c = 0; c < cols; c++) {
        for (let b = 0; b < o.blocks; b++) {
          const start = Math.max(from, (o.firstBlock + b) * blockS)
          const end = Math.min(to, (o.firstBlock + b + 1) * blockS - view.stepS)
          const want = firstByCanImage(view, c, i, start, end)
          expect(o.firstS[(i * cols + c) * o.blocks + b]).toBe(want)
          if (b > 0 && !Number.isNaN(want)) later++
        }
      }
    }
    expect(later).toBeGreaterThan(0)
  })

  it('shares each station equally among the satellites it sees, sample by sample', () => {
    const { view, from, to } = made()
    const sampleS = 120
    const o = predictOpportunities(view, [], view.satellites, from, to, sampleS)
    // The same sum written out from the engine's own visibility prediction at each sample time.
    const step = view.stepS
    const first = Math.ceil(from / step) * step
    const t0 = Math.ceil(first / sampleS) * sampleS
    const want = new Float64Array(view.satellites.length)
    for (let t = t0; t - sampleS < to; t += sampleS) {
      const steps = Math.floor((Math.min(t, to) - Math.max(t - sampleS + step, first)) / step) + 1
      if (steps <= 0) continue
      const sees = view.stations.map((_, j) =>
        view.satellites.map((_, c) => view.visibilityWindows(c, j, t, t, step).length > 0),
      )
      view.satellites.forEach((_, c) => {
        let share = 0
        for (const row of sees) if (row[c]) share += 1 / row.filter(Boolean).length
        want[c] += Math.min(1, share) * steps * step
      })
    }
    expect(want.some((x) => x > 0)).toBe(true)
    for (let c = 0; c < want.length; c++) expect(o.contactS[c]).toBeCloseTo(want[c], 6)
  })

  it('shares station time: each satellite at most its own passes, all together at most the stations', () => {
    const { view, from, to } = made()
    const o = predictOpportunities(view, [], view.satellites, from, to, 60)
    const total = o.contactS.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(view.stations.length * (to - from + 60))
    for (let c = 0; c < view.satellites.length; c++) {
      let steps = 0
      for (let j = 0; j < view.stations.length; j++) {
        for (const [a, b] of view.visibilityWindows(c, j, from, to, view.stepS))
          steps += (b - a) / view.stepS + 1
      }
      // Overlapping stations make the step count an upper bound; sampling errs by a few samples.
      expect(o.contactS[c]).toBeLessThanOrEqual(steps * view.stepS + 8 * 60)
      if (steps > 0) expect(o.contactS[c]).toBeGreaterThan(0)
    }
  })
})

/** A synthetic problem: random feasibility, times, priorities, slots and commitments. */
function synthetic(rand: () => number, rows: number, sats: number, blocks: number): AllocationProblem {
  const width = sats * blocks
  const tasks = Array.from(
    { length: rows },
    (_, i) =>
      ({
        id: `r${i}`,
        index: i,
        priority: 1 + Math.floor(rand() * 10),
        windowEndS: 3600 * (1 + Math.floor(rand() * 6)),
      }) as TaskView,
  )
  const optS = new Float64Array(rows * width).fill(Number.NaN)
  const firstS = new Float64Array(rows * sats).fill(Number.NaN)
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < sats; c++) {
      for (let b = 0; b < blocks; b++) {
        if (rand() < 0.45) continue
        const t = (b + rand()) * 3600
        optS[i * width + c * blocks + b] = t
        if (Number.isNaN(firstS[i * sats + c])) firstS[i * sats + c] = t
      }
    }
  }
  const committed = new Int32Array(rows).fill(-1)
  for (let i = 0; i < rows; i++) {
    if (rand() > 0.2) continue
    for (let col = 0; col < width; col++) if (!Number.isNaN(optS[i * width + col])) committed[i] = col
  }
  return {
    nowS: 0,
    endS: blocks * 3600,
    static: false,
    blockS: 3600,
    firstBlock: 0,
    blocks,
    tasks,
    sats: Array.from({ length: sats }, (_, c) => ({ id: `s${c}`, index: c }) as SatelliteView),
    optS,
    firstS,
    downlinkBits: new Float64Array(sats),
    roomBits: new Float64Array(sats),
    edge: new Uint8Array(sats),
    capacity: 2,
    used: new Int32Array(width),
    slots: Int32Array.from({ length: width }, () => Math.floor(rand() * 3)),
    committed,
  }
}

/** Best (committed rows served, total priority) over every feasible plan, by exhaustive search. */
function bruteForce(p: AllocationProblem): { committed: number; value: number } {
  const width = p.sats.length * p.blocks
  const left = p.slots.slice()
  let best = { committed: -1, value: -1 }
  const visit = (i: number, committed: number, value: number): void => {
    if (i === p.tasks.length) {
      if (committed > best.committed || (committed === best.committed && value > best.value))
        best = { committed, value }
      return
    }
    visit(i + 1, committed, value)
    for (let col = 0; col < width; col++) {
      if (left[col] === 0 || Number.isNaN(p.optS[i * width + col])) continue
      left[col]--
      visit(i + 1, committed + (p.committed[i] >= 0 ? 1 : 0), value + p.tasks[i].priority)
      left[col]++
    }
  }
  visit(0, 0, 0)
  return best
}

function checkAgainstBruteForce(p: AllocationProblem): { optimal: number; greedy: number; edf: number } {
  const want = bruteForce(p)
  const opt = solveOptimal(p)
  const greedy = solveOrdered(p, byPriority)
  const edf = solveOrdered(p, byDeadline)
  for (const plan of [opt, greedy, edf]) expect(planIsFeasible(p, plan)).toBe(true)
  expect(committedServed(p, opt)).toBe(want.committed)
  expect(planValue(p, opt)).toBe(want.value)
  for (const plan of [greedy, edf]) {
    const c = committedServed(p, plan)
    expect(c).toBeLessThanOrEqual(want.committed)
    if (c === want.committed) expect(planValue(p, plan)).toBeLessThanOrEqual(want.value)
  }
  return { optimal: planValue(p, opt), greedy: planValue(p, greedy), edf: planValue(p, edf) }
}

describe('solvers against brute force', () => {
  it('optimal equals the brute-force optimum on random problems; greedy and EDF never exceed it', () => {
    const rand = prng(2024)
    let greedyBelow = 0
    let edfBelow = 0
    for (let rep = 0; rep < 150; rep++) {
      const rows = 1 + Math.floor(rand() * 7)
      const sats = 1 + Math.floor(rand() * 3)
      const blocks = 1 + Math.floor(rand() * 2)
      const v = checkAgainstBruteForce(synthetic(rand, rows, sats, blocks))
      if (v.greedy < v.optimal) greedyBelow++
      if (v.edf < v.optimal) edfBelow++
    }
    // The instances are hard enough that the heuristics do fall short sometimes.
    expect(greedyBelow).toBeGreaterThan(0)
    expect(edfBelow).toBeGreaterThan(0)
  })

  it('optimal equals the brute-force optimum on problems extracted from a run', () => {
    const params = allocationParams.parse({ capacity: 1, horizonH: 3 })
    let solved = 0
    let committed = 0
    for (const [tS, seed] of [
      [600, 1],
      [3000, 2],
      [5400, 3],
      [2400, 4],
    ]) {
      const view = viewAt(tS, 8, seed, true)
      const p = buildProblem(view, params, false)
      expect(p.tasks.length).toBeGreaterThan(0)
      const v = checkAgainstBruteForce(p)
      if (v.optimal > 0) solved++
      committed += p.committed.filter((c) => c >= 0).length
    }
    expect(solved).toBeGreaterThan(0)
    // Some rows were already assigned by the running planner: the commitment rule is exercised.
    expect(committed).toBeGreaterThan(0)
  })

  it('is deterministic: the same problem gives the same plans', () => {
    const p = synthetic(prng(9), 7, 3, 2)
    expect(Array.from(solveOptimal(p))).toEqual(Array.from(solveOptimal(p)))
    expect(Array.from(solveOrdered(p, byPriority))).toEqual(Array.from(solveOrdered(p, byPriority)))
  })
})
