// How satellites look: the instanced shape and its size on screen. Pure three geometry, no DOM.

import { type BufferGeometry, IcosahedronGeometry, OctahedronGeometry } from 'three'
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

/** The selected satellite is drawn this much larger. */
export const SELECTED_SCALE = 1.75

/** Radius of a satellite on screen, CSS pixels: smaller as the constellation grows. */
export function satelliteSizePx(count: number): number {
  if (count <= 100) return 4.5
  if (count <= 1000) return 3.4
  if (count <= 5000) return 2.6
  return 2.1
}

/**
 * A unit sphere, indexed (shared vertices: 42 instead of 240 for an icosphere of detail 1) and
 * position-only — the satellites' shader needs nothing else. Software WebGL pays per vertex and
 * per triangle, times the instance count, so the shape coarsens as the constellation grows and
 * each satellite shrinks on screen: 80 faces up to 2,000 satellites, 20 up to 5,000, then an
 * octahedron (8 faces), which at 2 px across is a dot like any other.
 */
export function satelliteGeometry(count: number): BufferGeometry {
  const g = count > 5000 ? new OctahedronGeometry(1, 0) : new IcosahedronGeometry(1, count > 2000 ? 0 : 1)
  g.deleteAttribute('normal')
  g.deleteAttribute('uv')
  const indexed = mergeVertices(g)
  g.dispose()
  return indexed
}
