import { Group, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  buildGraticule,
  buildSphere,
  latLonToUnitVector,
  latLonToUv,
  lonLatToPixel,
  unitVectorToLatLon,
  unwrapRing,
} from '../../src/scene/geo'
import { buildStarfield, seededRandom } from '../../src/scene/starfield'
import { homeDistance, initialCameraPosition } from '../../src/scene/view'

const D = Math.PI / 180

describe('Earth-fixed mapping', () => {
  it('puts Greenwich on +x, 90°E on +y and the north pole on +z', () => {
    const close = (v: number[], w: number[]) => {
      for (let i = 0; i < 3; i++) expect(v[i]).toBeCloseTo(w[i], 12)
    }
    close(latLonToUnitVector(0, 0), [1, 0, 0])
    close(latLonToUnitVector(0, 90 * D), [0, 1, 0])
    close(latLonToUnitVector(0, 180 * D), [-1, 0, 0])
    close(latLonToUnitVector(0, -90 * D), [0, -1, 0])
    close(latLonToUnitVector(90 * D, 123 * D), [0, 0, 1])
    close(latLonToUnitVector(-90 * D, 0), [0, 0, -1])
  })

  it('inverts with unitVectorToLatLon', () => {
    const rand = seededRandom(1)
    for (let i = 0; i < 200; i++) {
      const lat = (rand() * 178 - 89) * D
      const lon = (rand() * 358 - 179) * D
      const [x, y, z] = latLonToUnitVector(lat, lon)
      const back = unitVectorToLatLon(x, y, z)
      expect(back.latRad).toBeCloseTo(lat, 12)
      expect(back.lonRad).toBeCloseTo(lon, 12)
    }
  })

  it('maps the texture with Greenwich in the middle column and north at v = 1', () => {
    expect(latLonToUv(0, 0)).toEqual([0.5, 0.5])
    expect(latLonToUv(0, 90 * D)[0]).toBeCloseTo(0.75, 12)
    expect(latLonToUv(0, -180 * D)[0]).toBeCloseTo(0, 12)
    expect(latLonToUv(90 * D, 0)[1]).toBeCloseTo(1, 12)
    expect(latLonToUv(-90 * D, 0)[1]).toBeCloseTo(0, 12)
  })

  it('paints canvas pixels where the sphere samples them (flipY: canvas row 0 is v = 1)', () => {
    const w = 2048
    const h = 1024
    for (const [lat, lon] of [
      [0, 0],
      [51.48, -0.0015],
      [-33.9, 18.4],
      [35.7, 139.7],
      [64.1, -21.9],
    ]) {
      const [x, y] = lonLatToPixel(lon, lat, w, h)
      const [u, v] = latLonToUv(lat * D, lon * D)
      expect(x / w).toBeCloseTo(u, 12)
      expect(1 - y / h).toBeCloseTo(v, 12)
    }
  })
})

describe('buildSphere', () => {
  const s = buildSphere(24, 48)
  const count = s.positions.length / 3

  it('places every vertex where its texture coordinate says', () => {
    for (let k = 0; k < count; k++) {
      const u = s.uvs[k * 2]
      const v = s.uvs[k * 2 + 1]
      const [x, y, z] = latLonToUnitVector(v * Math.PI - Math.PI / 2, u * 2 * Math.PI - Math.PI)
      expect(s.positions[k * 3]).toBeCloseTo(x, 6)
      expect(s.positions[k * 3 + 1]).toBeCloseTo(y, 6)
      expect(s.positions[k * 3 + 2]).toBeCloseTo(z, 6)
    }
  })

  it('has the texture centre (Greenwich, equator) at +x', () => {
    const k = [...Array(count).keys()].find((i) => s.uvs[i * 2] === 0.5 && s.uvs[i * 2 + 1] === 0.5)
    expect(k).toBeDefined()
    expect(s.positions[k! * 3]).toBeCloseTo(1, 6)
  })

  it('winds every triangle counter-clockwise seen from outside', () => {
    const p = (i: number) => new Vector3(s.positions[i * 3], s.positions[i * 3 + 1], s.positions[i * 3 + 2])
    for (let t = 0; t < s.indices.length; t += 3) {
      const a = p(s.indices[t])
      const b = p(s.indices[t + 1])
      const c = p(s.indices[t + 2])
      const n = b.clone().sub(a).cross(c.clone().sub(a))
      const centroid = a.add(b).add(c)
      expect(n.dot(centroid)).toBeGreaterThan(0)
    }
  })
})

describe('buildGraticule', () => {
  it('draws parallels and meridians every 30° on the requested radius', () => {
    const g = buildGraticule(30, 1.5, 64)
    // 5 parallels (−60…60) × 64 segments + 12 meridians × 32 segments, 2 points each.
    expect(g.length / 6).toBe(5 * 64 + 12 * 32)
    for (let i = 0; i < g.length; i += 3) {
      expect(Math.hypot(g[i], g[i + 1], g[i + 2])).toBeCloseTo(1.5, 5)
    }
  })
})

describe('unwrapRing', () => {
  it('makes a ring that crosses the antimeridian continuous', () => {
    const r = unwrapRing([
      [170, 60],
      [-170, 60],
      [-170, 70],
      [170, 70],
      [170, 60],
    ])
    expect(r.pole).toBe(0)
    expect(r.points.map((p) => p[0])).toEqual([170, 190, 190, 170, 170])
  })

  it('closes a ring around the south pole through the pole', () => {
    const ring = [-180, -120, -60, 0, 60, 120, 180].map((lon) => [lon, -70])
    const r = unwrapRing(ring)
    expect(r.pole).toBe(-1)
    expect(r.points.slice(-2)).toEqual([
      [180, -90],
      [-180, -90],
    ])
  })
})

describe('ECEF → ECI by GMST', () => {
  it('rotates Greenwich to right ascension GMST (rotation about +z by +GMST)', () => {
    const g = 1.234
    const earth = new Group()
    earth.rotation.z = g
    earth.updateMatrixWorld()
    const greenwich = earth.localToWorld(new Vector3(1, 0, 0))
    expect(greenwich.x).toBeCloseTo(Math.cos(g), 12)
    expect(greenwich.y).toBeCloseTo(Math.sin(g), 12)
    expect(greenwich.z).toBeCloseTo(0, 12)
  })
})

describe('starfield and camera', () => {
  it('is the same sky for the same seed, on the requested sphere', () => {
    const a = buildStarfield(500, 300, 42)
    const b = buildStarfield(500, 300, 42)
    const c = buildStarfield(500, 300, 43)
    expect(a.positions).toEqual(b.positions)
    expect(a.positions).not.toEqual(c.positions)
    for (let i = 0; i < 500; i++) {
      expect(Math.hypot(a.positions[i * 3], a.positions[i * 3 + 1], a.positions[i * 3 + 2])).toBeCloseTo(
        300,
        3,
      )
    }
  })

  it('starts the camera 4 Rₑ out, north of the equator, on the sunlit side', () => {
    const sun = [0.3, -0.9, 0.3]
    const p = initialCameraPosition(sun, 4)
    expect(Math.hypot(...p)).toBeCloseTo(4, 12)
    expect(p[2]).toBeGreaterThan(0)
    expect(p[0] * sun[0] + p[1] * sun[1] + p[2] * sun[2]).toBeGreaterThan(0)
  })

  it('backs the home view off in a narrow pane so a 1.3 Rₑ shell fits its width', () => {
    // A wide view (the single viewport) keeps the base distance.
    expect(homeDistance(994 / 712, 40)).toBe(4)
    // A compare pane 0.7 as wide as tall: the shell's angular radius equals the half-width angle.
    const d = homeDistance(0.7, 40)
    const halfWidth = Math.atan(Math.tan((20 * Math.PI) / 180) * 0.7)
    expect(d).toBeGreaterThan(4)
    expect(Math.asin(1.3 / d)).toBeCloseTo(halfWidth, 12)
    // Nonsense sizes (a pane not laid out yet) fall back to the base.
    expect(homeDistance(0, 40)).toBe(4)
  })
})
