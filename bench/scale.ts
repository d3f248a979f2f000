// Benchmark: the engine at 100,000 satellites beside the same at 10,000 (Walker shell, 20
// stations, the whole step): ns per satellite-step, and the engine's memory per satellite —
// heap and typed-array bytes held after createSimulation and a few steps, less what the spec
// already held, after a full garbage collection. Snapshots are not taken, so not counted. The
// telemetry ring buffer (window × satellites × 3 channels × 4 bytes) is shown on its own row:
// its size is a modelling choice (up to a day of samples), not a cost of the step. Target: ≤ 1 KB
// per satellite with the ring, at both sizes (README, "Benchmarks", says what the rest holds).

import { createSimulation } from '../src/core'
import { fleetSpec, walkerFleet } from './engine'
import { type BenchRow, fullGc, row } from './row'

const STEPS = 10
const ROUNDS = 5
/** Untimed steps first (JIT warm-up, and every lazily touched page in use). */
const WARMUP = 20

const held = (): number => {
  fullGc()
  fullGc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

interface Scale {
  ns: number
  bytes: number
  telemetryBytes: number
}

function measure(n: number): Scale {
  const spec = fleetSpec(walkerFleet(n), WARMUP + ROUNDS * STEPS)
  const before = held()
  const sim = createSimulation(spec)
  for (let k = 0; k < WARMUP; k++) sim.step()
  const bytes = (held() - before) / n
  const times: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint()
    for (let k = 0; k < STEPS; k++) sim.step()
    times.push(Number(process.hrtime.bigint() - t0))
  }
  times.sort((a, b) => a - b)
  const telemetryBytes = sim.state().telemetryV.byteLength / n
  return { ns: times[ROUNDS >> 1] / (STEPS * n), bytes, telemetryBytes }
}

export async function scaleRows(): Promise<BenchRow[]> {
  const small = measure(10_000)
  const big = measure(100_000)
  const p = { satellites: 100_000, fleet: 'walker', stations: 20 }
  return [
    row('engine step at scale', p, big.ns, 'ns/sat-step', small.ns, 'same at 10,000'),
    row('engine memory', p, big.bytes, 'bytes/sat', small.bytes, 'same at 10,000'),
    row(
      'engine memory without telemetry ring',
      p,
      big.bytes - big.telemetryBytes,
      'bytes/sat',
      small.bytes - small.telemetryBytes,
      'same at 10,000',
    ),
  ]
}
