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

const GOLDEN = 0x6d2b79f5
const TWO_PI = 2 * Math.PI

/** The uniform in [0, 1) mulberry32 outputs on reaching `state` (already advanced). */
function uniformAt(state: number): number {
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * The normal that `normal()` draws next from generator state `state`; the state after it is
 * `afterNormal(state)`. Plain functions of the integer, so a hot loop (the telemetry noise) keeps
 * the state in a local instead of calling through an Rng object.
 */
export function normalFrom(state: number): number {
  // Box–Muller; one draw pair per call keeps the state a single integer.
  const u = 1 - uniformAt((state + GOLDEN) >>> 0)
  const v = uniformAt((state + 2 * GOLDEN) >>> 0)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(TWO_PI * v)
}

/** The generator state after one normal drawn from `state` (two uniforms). */
export function afterNormal(state: number): number {
  return (state + 2 * GOLDEN) >>> 0
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0
  return {
    next() {
      s = (s + GOLDEN) >>> 0
      return uniformAt(s)
    },
    normal() {
      const z = normalFrom(s)
      s = afterNormal(s)
      return z
    },
    getState: () => s,
    setState(state: number) {
      s = state >>> 0
    },
  }
}
