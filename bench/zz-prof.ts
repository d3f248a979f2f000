import { createSimulation, DEG, R_EARTH } from '../src/core'
import { createRng } from '../src/core/rng'
import { TEST_BUS } from '../tests/support/spec-fixture'
import { fleetSpec, walkerFleet } from './engine'
const n = Number(process.argv[2] ?? 10000)
const kind = process.argv[3] ?? 'walker'
function randomFleet(n: number) {
  const rng = createRng(42)
  return Array.from({ length: n }, (_, k) => ({ id: `R${k}`, role: 'active' as const, bus: TEST_BUS, orbit: { kind: 'kepler' as const, elements: { a: R_EARTH + (400 + 1000 * rng.next()) * 1e3, e: 0.02 * rng.next(), i: (30 + 70 * rng.next()) * DEG, raan: 2 * Math.PI * rng.next(), argp: 2 * Math.PI * rng.next(), m0: 2 * Math.PI * rng.next() } } }))
}
const steps = Math.round(4e6 / n)
const sim = createSimulation(fleetSpec(kind === 'walker' ? walkerFleet(n) : randomFleet(n), steps + 50))
for (let k=0;k<40;k++) sim.step()
const t0 = process.hrtime.bigint()
for (let k=0;k<steps;k++) sim.step()
console.log(Number(process.hrtime.bigint()-t0)/(steps*n), 'ns/sat-step')
