// How satellites look: the instanced shape and its size on screen. Pure three geometry, no DOM.

import { type BufferGeometry, IcosahedronGeometry } from 'three'
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
 * A unit icosphere, indexed (shared vertices: 42 instead of 240 for detail 1) and position-only —
 * the satellites' shader needs nothing else. 80 faces up to 2,000 satellites, 20 beyond, where
 * each is only a few pixels across. Software WebGL pays per vertex, times the instance count.
 */
export function satelliteGeometry(count: number): BufferGeometry {
  const g = new IcosahedronGeometry(1, count > 2000 ? 0 : 1)
  g.deleteAttribute('normal')
  g.deleteAttribute('uv')
  const indexed = mergeVertices(g)
  g.dispose()
  return indexed
}
