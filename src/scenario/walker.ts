// Walker constellations i:t/p/f (Walker 1984): t satellites in p equally spaced planes of s = t/p
// circular orbits each. Plane k's ascending node sits at k·360°/p for a delta pattern (planes all
// round the equator) or k·180°/p for a star pattern (planes over one hemisphere of nodes); slot
// j is at mean anomaly j·360°/s, and plane k is shifted by k·f·360°/t so neighbouring planes do
// not pass the equator together. Pure geometry: no schema, no units beyond the file's.

import { DEG, R_EARTH } from '../core/constants'
import type { KeplerElements } from '../core/spec'

export interface WalkerParams {
  pattern: 'delta' | 'star'
  inclinationDeg: number
  /** t, the total number of satellites; a multiple of planes. */
  satellites: number
  /** p */
  planes: number
  /** f, 0 ≤ f < p */
  phasing: number
  altitudeKm: number
  raanOffsetDeg: number
  /** Set when the file lists several walkers: ids become "A-P1-S1". */
  prefix?: string
}

export interface WalkerSlot {
  id: string
  /** 0-based */
  plane: number
  /** 0-based */
  slot: number
  elements: KeplerElements
}

/** "P2-S5" for plane 1, slot 4 (0-based in, 1-based out, as people count planes). */
export function walkerId(prefix: string | undefined, plane: number, slot: number): string {
  const local = `P${plane + 1}-S${slot + 1}`
  return prefix === undefined ? local : `${prefix}-${local}`
}

/** Ids in the walker's satellite order: plane by plane, slot by slot. */
export function walkerIds(walker: Pick<WalkerParams, 'satellites' | 'planes' | 'prefix'>): string[] {
  const perPlane = walker.satellites / walker.planes
  const ids: string[] = []
  for (let k = 0; k < walker.planes; k++) {
    for (let j = 0; j < perPlane; j++) ids.push(walkerId(walker.prefix, k, j))
  }
  return ids
}

export function expandWalker(walker: WalkerParams): WalkerSlot[] {
  const { satellites: t, planes: p, phasing: f } = walker
  const perPlane = t / p
  const nodeSpacing = (walker.pattern === 'delta' ? 360 : 180) / p
  const a = R_EARTH + walker.altitudeKm * 1000
  const slots: WalkerSlot[] = []
  for (let k = 0; k < p; k++) {
    const raanDeg = walker.raanOffsetDeg + k * nodeSpacing
    for (let j = 0; j < perPlane; j++) {
      const meanAnomalyDeg = (j * 360) / perPlane + (k * f * 360) / t
      slots.push({
        id: walkerId(walker.prefix, k, j),
        plane: k,
        slot: j,
        elements: {
          a,
          e: 0,
          i: walker.inclinationDeg * DEG,
          raan: wrapDegToRad(raanDeg),
          argp: 0,
          m0: wrapDegToRad(meanAnomalyDeg),
        },
      })
    }
  }
  return slots
}

/** An angle in degrees, any sign, as radians in [0, 2π). */
export function wrapDegToRad(degrees: number): number {
  const wrapped = ((degrees % 360) + 360) % 360
  return wrapped * DEG
}
