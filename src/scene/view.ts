// Where the camera starts: looking at the Earth from `distance` Earth radii, from a direction
// 60° of longitude west of the subsolar point (local time about 08:00) and 22° above the
// equator, so the view is mostly daylit with the dawn terminator near the western limb — or,
// when the scenario names an area of interest, straight above that area. Pure, ECI, z = north.

import { latLonToUnitVector } from './geo'

export type Vec3 = [number, number, number]

/** A scenario's area of interest (ScenarioSpec.view). */
export interface AreaOfInterest {
  latRad: number
  lonRad: number
}

/**
 * The home camera position: above the area of interest at Earth rotation angle `gmst` (the area
 * turns with the Earth), or the sun-relative default without one.
 */
export function homeCameraPosition(
  sunDirEci: ArrayLike<number>,
  distance: number,
  area: AreaOfInterest | null | undefined,
  gmst: number,
): Vec3 {
  if (!area) return initialCameraPosition(sunDirEci, distance)
  const v: Vec3 = [0, 0, 0]
  latLonToUnitVector(area.latRad, area.lonRad, v)
  const c = Math.cos(gmst)
  const s = Math.sin(gmst)
  return [distance * (c * v[0] - s * v[1]), distance * (s * v[0] + c * v[1]), distance * v[2]]
}

export function initialCameraPosition(sunDirEci: ArrayLike<number>, distance = 4): Vec3 {
  const sunLon = Math.atan2(sunDirEci[1], sunDirEci[0])
  const lon = sunLon - (60 * Math.PI) / 180
  const lat = (22 * Math.PI) / 180
  return [
    distance * Math.cos(lat) * Math.cos(lon),
    distance * Math.cos(lat) * Math.sin(lon),
    distance * Math.sin(lat),
  ]
}

/** What the home view shows whole: the Earth and a low orbit shell, in Earth radii. */
const HOME_SHELL_RADII = 1.3

/**
 * Distance of the home view: `base` Earth radii, or farther when the view is narrower than it is
 * tall (compare panes side by side), so the Earth and a low orbit shell fit its width too.
 */
export function homeDistance(aspect: number, fovDeg: number, base = 4): number {
  if (!(aspect > 0) || !(fovDeg > 0)) return base
  const halfWidth = Math.atan(Math.tan((fovDeg * Math.PI) / 360) * Math.min(1, aspect))
  return Math.max(base, HOME_SHELL_RADII / Math.sin(halfWidth))
}
