// Pure geometry for the globe: no three, no DOM, so it can be unit-tested in Node.
//
// Frames and the one mapping everything here agrees on:
//   Earth-fixed (ECEF) axes: +x through (lat 0°, lon 0°) = Greenwich on the equator,
//                            +y through (lat 0°, lon 90°E), +z through the north pole.
//   Unit vector:  (cos φ cos λ, cos φ sin λ, sin φ)   for latitude φ, east longitude λ.
//   Texture (equirectangular, three's default flipY): u = (λ + π) / 2π, v = (φ + π/2) / π,
//     so u = 0.5 is Greenwich, u = 0 / 1 the antimeridian, v = 1 the north pole.
//   Canvas pixels of that texture (row 0 at the top, i.e. north):
//     x = (λ° + 180) / 360 · width,  y = (90 − φ°) / 180 · height.
// The scene places the Earth-fixed frame in ECI by rotating it about +z by GMST.

export type Vec3 = [number, number, number]

const HALF_PI = Math.PI / 2
const TWO_PI = Math.PI * 2

/** Unit vector in the Earth-fixed frame for geodetic-ish (spherical) latitude and east longitude, rad. */
export function latLonToUnitVector(latRad: number, lonRad: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const c = Math.cos(latRad)
  out[0] = c * Math.cos(lonRad)
  out[1] = c * Math.sin(lonRad)
  out[2] = Math.sin(latRad)
  return out
}

/** Latitude and east longitude (rad, longitude in (−π, π]) of a non-zero Earth-fixed vector. */
export function unitVectorToLatLon(x: number, y: number, z: number): { latRad: number; lonRad: number } {
  return { latRad: Math.atan2(z, Math.hypot(x, y)), lonRad: Math.atan2(y, x) }
}

/** Texture coordinates of a point on the equirectangular Earth texture. */
export function latLonToUv(latRad: number, lonRad: number): [number, number] {
  return [(lonRad + Math.PI) / TWO_PI, (latRad + HALF_PI) / Math.PI]
}

/** Canvas pixel (x right, y down) of a point given in degrees, on a width × height equirectangular map. */
export function lonLatToPixel(
  lonDeg: number,
  latDeg: number,
  width: number,
  height: number,
): [number, number] {
  return [((lonDeg + 180) / 360) * width, ((90 - latDeg) / 180) * height]
}

export interface SphereArrays {
  positions: Float32Array
  normals: Float32Array
  uvs: Float32Array
  indices: Uint32Array
}

/**
 * A unit UV sphere built from {@link latLonToUnitVector} and {@link latLonToUv}, so the texture
 * mapping is the one stated at the top of this file by construction (three's SphereGeometry is
 * y-up and would need a rotation that is easy to get wrong). Rows run from the north pole down;
 * the seam column is duplicated so u runs 0 → 1 without wrapping.
 */
export function buildSphere(latSegments: number, lonSegments: number): SphereArrays {
  const rows = latSegments + 1
  const cols = lonSegments + 1
  const positions = new Float32Array(rows * cols * 3)
  const uvs = new Float32Array(rows * cols * 2)
  const v: Vec3 = [0, 0, 0]
  for (let r = 0; r < rows; r++) {
    const lat = HALF_PI - (r / latSegments) * Math.PI
    for (let c = 0; c < cols; c++) {
      const lon = -Math.PI + (c / lonSegments) * TWO_PI
      latLonToUnitVector(lat, lon, v)
      const k = r * cols + c
      positions[k * 3] = v[0]
      positions[k * 3 + 1] = v[1]
      positions[k * 3 + 2] = v[2]
      const [u, w] = latLonToUv(lat, lon)
      uvs[k * 2] = u
      uvs[k * 2 + 1] = w
    }
  }
  const indices: number[] = []
  for (let r = 0; r < latSegments; r++) {
    for (let c = 0; c < lonSegments; c++) {
      const a = r * cols + c
      const b = a + cols
      // Counter-clockwise seen from outside: a (north-west), b (south-west), a+1 (north-east).
      if (r > 0) indices.push(a, b, a + 1)
      if (r < latSegments - 1) indices.push(a + 1, b, b + 1)
    }
  }
  return { positions, normals: positions.slice(), uvs, indices: Uint32Array.from(indices) }
}

/**
 * Line-segment pairs (x0,y0,z0, x1,y1,z1, …) for a latitude/longitude grid every `stepDeg`
 * degrees on a sphere of the given radius. Parallels skip the poles; meridians run pole to pole.
 */
export function buildGraticule(stepDeg: number, radius: number, segmentsPerCircle = 128): Float32Array {
  const out: number[] = []
  const v: Vec3 = [0, 0, 0]
  const push = (lat: number, lon: number) => {
    latLonToUnitVector(lat, lon, v)
    out.push(v[0] * radius, v[1] * radius, v[2] * radius)
  }
  const d = Math.PI / 180
  for (let lat = -90 + stepDeg; lat < 90 - 1e-9; lat += stepDeg) {
    for (let i = 0; i < segmentsPerCircle; i++) {
      push(lat * d, (i / segmentsPerCircle) * TWO_PI)
      push(lat * d, ((i + 1) / segmentsPerCircle) * TWO_PI)
    }
  }
  const half = segmentsPerCircle / 2
  for (let lon = -180; lon < 180 - 1e-9; lon += stepDeg) {
    for (let i = 0; i < half; i++) {
      push(-HALF_PI + (i / half) * Math.PI, lon * d)
      push(-HALF_PI + ((i + 1) / half) * Math.PI, lon * d)
    }
  }
  return Float32Array.from(out)
}

export interface UnwrappedRing {
  /** [lon°, lat°] with longitudes made continuous (they may leave [−180, 180]). */
  points: [number, number][]
  /**
   * 0 for an ordinary ring; −1 or +1 when the ring goes once around the south or north pole
   * (Antarctica): it is then closed through that pole so a planar fill covers the polar cap.
   */
  pole: -1 | 0 | 1
}

/**
 * Prepares a GeoJSON ring (lon°, lat°) for filling on a flat equirectangular map: removes the
 * ±360° jumps where it crosses the antimeridian and closes pole-encircling rings via the pole.
 * Draw the result at x offsets of −360°, 0 and +360° to cover everything that wraps.
 */
export function unwrapRing(ring: readonly (readonly number[])[]): UnwrappedRing {
  const points: [number, number][] = []
  let shift = 0
  let prev = Number.NaN
  let latSum = 0
  for (const p of ring) {
    const lon = p[0]
    if (!Number.isNaN(prev)) {
      const d = lon - prev
      if (d > 180) shift -= 360
      else if (d < -180) shift += 360
    }
    prev = lon
    points.push([lon + shift, p[1]])
    latSum += p[1]
  }
  if (points.length === 0) return { points, pole: 0 }
  const span = points[points.length - 1][0] - points[0][0]
  if (Math.abs(span) < 180) return { points, pole: 0 }
  const pole = latSum < 0 ? -1 : 1
  const first = points[0]
  const last = points[points.length - 1]
  points.push([last[0], pole * 90], [first[0], pole * 90])
  return { points, pole }
}
