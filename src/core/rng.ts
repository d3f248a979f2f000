// Seeded pseudo-random numbers for the engine. Its whole state is one 32-bit integer, so a
// snapshot can store it and a restore brings the exact sequence back. Algorithm: mulberry32
// (public-domain construction by Tommy Ettinger), with a Box–Muller normal on top.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number
  getState(): number
  setState(state: number): void
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    normal() {
      // Box–Muller; one draw pair per call keeps the state a single integer.
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    getState: () => s,
    setState(state: number) {
      s = state >>> 0
    },
  }
}
