// The lowest orbit the sandbox accepts. There is no atmosphere model: an orbit whose perigee
// dips into the dense atmosphere would fly for ever here, while a real one re-enters within
// hours to days (below about 150 km a satellite does not complete many more revolutions), so
// such an orbit is refused rather than simulated wrongly.

/** Lowest perigee accepted, km above the equatorial radius. */
export const MIN_PERIGEE_KM = 150

const NO_DRAG = 'the sandbox has no atmosphere model, and a real orbit this low re-enters within hours'

/** Why a perigee height (km above the surface) is refused, or undefined when it is fine. */
export function perigeeProblem(perigeeKm: number): string | undefined {
  if (!(perigeeKm < MIN_PERIGEE_KM)) return undefined
  if (perigeeKm <= 0) {
    return (
      `expected an orbit whose perigee is at least ${MIN_PERIGEE_KM} km above the Earth, ` +
      `got a perigee ${Math.abs(perigeeKm).toFixed(1)} km below the surface (the orbit passes inside the Earth)`
    )
  }
  return (
    `expected a perigee at least ${MIN_PERIGEE_KM} km above the Earth, got ${perigeeKm.toFixed(1)} km: ` +
    NO_DRAG
  )
}
