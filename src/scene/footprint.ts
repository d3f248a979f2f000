// Pure geometry of an imager's footprint on a spherical Earth: no three, no DOM.
//
// A satellite at distance r from the Earth's centre sees the Earth as a disc of angular radius ρ,
// sin ρ = Rₑ / r. Looking off nadir by η (η ≤ ρ), the line of sight meets the surface at elevation
// ε given by sin η = sin ρ · cos ε, and the Earth central angle between the sub-satellite point and
// that ground point is λ = 90° − η − ε (Wertz & Larson, "Space Mission Analysis and Design",
// §5.2). η = 0 gives λ = 0; η ≥ ρ is limited by the horizon, λ = 90° − ρ. The engine's
// `targetInFootprint` uses the same cone, capped by the target's horizon.

/** Earth central angle (rad) from the sub-satellite point to the edge of the footprint. */
export function footprintCentralAngle(radius: number, maxOffNadirRad: number, earthRadius = 1): number {
  if (!(radius > earthRadius) || !(maxOffNadirRad > 0)) return 0
  const sinRho = earthRadius / radius
  const rho = Math.asin(sinRho)
  const eta = Math.min(maxOffNadirRad, rho)
  const cosEps = Math.min(1, Math.sin(eta) / sinRho)
  return Math.PI / 2 - eta - Math.acos(cosEps)
}

/** Earth central angle (rad) of the horizon seen from distance r: 90° − ρ, i.e. acos(Rₑ / r). */
export function horizonCentralAngle(radius: number, earthRadius = 1): number {
  return radius > earthRadius ? Math.acos(earthRadius / radius) : 0
}
