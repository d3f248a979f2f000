// A synthetic scenario for stress tests and `npm run bench:browser`: N satellites in Walker
// shells of at most 2,000 (up to 15 shells at different heights and inclinations, so the picture
// is not one sheet of satellites), one ground station, no tasks, no
// events and one strategy without planners. It goes through the same loader as any file, so
// what the app draws for it is what it would draw for a real constellation of that size.

/** 30,000: about the public catalogue of tracked objects (issue 13's app target). */
export const MAX_STRESS_SATELLITES = 30_000
const PER_SHELL = 2000

/** The largest divisor of n that is at most `max` (at least 1). */
function planesFor(n: number, max: number): number {
  for (let p = Math.min(n, max); p > 1; p--) if (n % p === 0) return p
  return 1
}

export function stressScenarioText(satellites: number): string {
  const n = Math.max(1, Math.min(MAX_STRESS_SATELLITES, Math.floor(satellites)))
  const shells = Math.ceil(n / PER_SHELL)
  const walkers = []
  let left = n
  for (let k = 0; k < shells; k++) {
    const size = Math.ceil(left / (shells - k))
    left -= size
    walkers.push({
      prefix: `W${k + 1}`,
      pattern: 'delta',
      inclinationDeg: 43 + 9 * k,
      satellites: size,
      planes: planesFor(size, 40),
      phasing: 1,
      altitudeKm: 540 + 30 * k,
    })
  }
  const scenario = {
    formatVersion: 1,
    id: `stress-${n}`,
    title: `Stress test: ${n.toLocaleString('en-US')} satellites`,
    demonstrates: 'Rendering and worker throughput (synthetic, not a mission)',
    description:
      `A generated constellation of ${n} satellites in ${shells} Walker shell${shells > 1 ? 's' : ''} ` +
      'with one ground station, no tasks and no planners. It exists to measure the app, not to tell a story.',
    epoch: '2026-03-20T00:00:00Z',
    duration: '6h',
    step: '30s',
    seed: 1,
    sampleEvery: '10m',
    constellation: { walker: shells === 1 ? { ...walkers[0], prefix: undefined } : walkers },
    groundStations: [{ id: 'svalbard', name: 'Svalbard', latDeg: 78.23, lonDeg: 15.41 }],
    tasks: [],
    events: [],
    strategies: { stress: {} },
  }
  return JSON.stringify(scenario)
}
