// Where the camera starts: looking at the Earth from `distance` Earth radii, from a direction
// 60° of longitude west of the subsolar point (local time about 08:00) and 22° above the
// equator, so the view is mostly daylit with the dawn terminator near the western limb.
// Pure, ECI, z = north.

export type Vec3 = [number, number, number]

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
