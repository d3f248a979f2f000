// The globe's sphere meshes as three geometry (the Earth's surface and its halo), shared by the
// scene and by the bare three.js baseline of `npm run bench:browser`.

import { BufferAttribute, BufferGeometry } from 'three'
import { buildSphere } from './geo'

/**
 * Tessellation of the globe and of its halo. Software WebGL (SwiftShader) spends most of a frame
 * on these vertices: 48 × 96 halves the frame time of 96 × 192, and its facets stay below a
 * pixel (a 3.75° edge sags by 5·10⁻⁴ Earth radii, under a pixel even with the globe filling the
 * view). The halo is a soft glow fading to nothing at its edge, so coarser still.
 */
export const SURFACE_SEGMENTS: [number, number] = [48, 96]
export const HALO_SEGMENTS: [number, number] = [24, 48]

export function makeSphereGeometry(latSegments: number, lonSegments: number): BufferGeometry {
  const s = buildSphere(latSegments, lonSegments)
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(s.positions, 3))
  g.setAttribute('normal', new BufferAttribute(s.normals, 3))
  g.setAttribute('uv', new BufferAttribute(s.uvs, 2))
  g.setIndex(new BufferAttribute(s.indices, 1))
  g.computeBoundingSphere()
  return g
}
