// A deterministic starfield: the same seed draws the same sky in every browser and test run.
// Pure (no three, no DOM). Stars are fixed in the inertial frame, so they sit on a sphere
// centred on the Earth and never rotate with it.

import { createRng } from '../core/rng'

/** The engine's seeded generator, uniform in [0, 1): decoration uses the same one as the physics. */
export function seededRandom(seed: number): () => number {
  const rng = createRng(seed)
  return () => rng.next()
}

export interface Starfield {
  positions: Float32Array
  /** Linear RGB, already scaled by brightness. */
  colors: Float32Array
  /** Point size in CSS pixels. */
  sizes: Float32Array
}

/** `count` stars uniformly distributed over a sphere of `radius`, with a few bright ones. */
export function buildStarfield(count: number, radius: number, seed = 20260320): Starfield {
  const rand = seededRandom(seed)
  const positions = new Float32Array(count * 3)
  const colors = new Float32Array(count * 3)
  const sizes = new Float32Array(count)
  for (let i = 0; i < count; i++) {
    // Uniform on the sphere: z uniform in [−1, 1], azimuth uniform.
    const z = rand() * 2 - 1
    const a = rand() * Math.PI * 2
    const r = Math.sqrt(1 - z * z)
    positions[i * 3] = radius * r * Math.cos(a)
    positions[i * 3 + 1] = radius * r * Math.sin(a)
    positions[i * 3 + 2] = radius * z
    // Many faint stars, few bright ones.
    const m = rand() ** 3
    const brightness = 0.25 + 0.75 * m
    // Colour temperature: mostly white, some bluish, some warm.
    const t = rand()
    const tint = t < 0.2 ? [0.75, 0.85, 1] : t > 0.85 ? [1, 0.88, 0.72] : [1, 1, 1]
    colors[i * 3] = tint[0] * brightness
    colors[i * 3 + 1] = tint[1] * brightness
    colors[i * 3 + 2] = tint[2] * brightness
    sizes[i] = 1 + 2.2 * m
  }
  return { positions, colors, sizes }
}
