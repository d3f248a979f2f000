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
