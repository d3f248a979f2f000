// Picking points with a ray, for the satellites, stations and targets the scene draws at a
// constant size on screen. Pure and allocation-free: O(count) arithmetic on a typed array, in
// place of three's per-instance triangle tests (10,000 satellites × a sphere's triangles on every
// pointer move would be far too slow).
//
// A point is a hit when the angle between the ray and the direction to it is within the limit
// (tan θ ≤ tanMax, i.e. a fixed number of pixels around it) and the straight line from the ray's
// origin to it does not pass through the occluding sphere centred at the origin (the Earth). Of
// all hits, the one closest to the ray in angle wins.

export interface PickResult {
  /** Index of the picked point, −1 for none. */
  index: number
  /** Distance along the ray to the point's foot, in the points' (scaled) units. */
  distance: number
}

/**
 * points: x, y, z per point (times `scale` gives the ray's units). (ox, oy, oz): ray origin;
 * (dx, dy, dz): unit ray direction. Writes the result into `out` and returns whether anything was hit.
 */
export function pickPoint(
  points: ArrayLike<number>,
  count: number,
  scale: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
  tanMax: number,
  occluderRadius: number,
  out: PickResult,
): boolean {
  let best = -1
  let bestTan = tanMax
  let bestT = 0
  const r2 = occluderRadius * occluderRadius
  for (let k = 0, o = 0; k < count; k++, o += 3) {
    const wx = points[o] * scale - ox
    const wy = points[o + 1] * scale - oy
    const wz = points[o + 2] * scale - oz
    const t = wx * dx + wy * dy + wz * dz
    if (!(t > 0)) continue
    const w2 = wx * wx + wy * wy + wz * wz
    const perp2 = Math.max(0, w2 - t * t)
    // tan² of the angle off the ray, compared without a square root first.
    if (perp2 > bestTan * bestTan * t * t) continue
    if (r2 > 0 && segmentHitsSphere(ox, oy, oz, wx, wy, wz, w2, r2)) continue
    bestTan = Math.sqrt(perp2) / t
    best = k
    bestT = t
  }
  out.index = best
  out.distance = best >= 0 ? bestT : 0
  return best >= 0
}

/**
 * Whether the segment from o to o + w passes strictly inside the sphere |x|² < r2. The closest
 * point of the segment to the centre is o + s·w with s = clamp(−o·w / |w|², 0, 1).
 */
function segmentHitsSphere(
  ox: number,
  oy: number,
  oz: number,
  wx: number,
  wy: number,
  wz: number,
  w2: number,
  r2: number,
): boolean {
  let s = -(ox * wx + oy * wy + oz * wz) / w2
  if (s <= 0) s = 0
  else if (s >= 1) s = 1
  const qx = ox + s * wx
  const qy = oy + s * wy
  const qz = oz + s * wz
  return qx * qx + qy * qy + qz * qz < r2
}
