// The engine's step grid and the numbers rationales print. A burn executes at the first engine
// step at or after its time, so planners put every burn exactly on the grid (multiples of the
// step) and know to the second when it will happen.

import type { WorldView } from '../../core'
import { R_EARTH } from '../../core/constants'

/** The nearest grid time to t. */
export function onGrid(t: number, step: number): number {
  return Math.round(t / step) * step
}

/** The first grid time strictly after now: the earliest a burn decided now can execute. */
export function earliestBurn(view: WorldView): number {
  return (Math.floor(view.timeS / view.stepS + 1e-9) + 1) * view.stepS
}

export const km = (m: number): string => (m / 1000).toFixed(1)
/** A circular orbit's altitude from its radius (m), for rationales: "550.0 km". */
export const altitude = (radiusM: number): string => `${km(radiusM - R_EARTH)} km`
export const ms = (mps: number): string => mps.toFixed(1)
/** An angle in degrees to one decimal; a value that rounds to zero reads "0.0", never "-0.0". */
export const degrees = (deg: number): string => {
  const text = deg.toFixed(1)
  return text === '-0.0' ? '0.0' : text
}
export const hours = (s: number): string => (s / 3600).toFixed(1)
export const deg = (rad: number): string => ((rad * 180) / Math.PI).toFixed(2)
/** "T+5.2 h" for a time after epoch. */
export const at = (t: number): string => `T+${hours(t)} h`
