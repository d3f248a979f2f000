// What a run records besides its state proper, as plain data inside SimState (so snapshots copy
// it and a restore rewinds it): the access log (contact windows, eclipse intervals; access.ts
// fills it) and the optional per-satellite series (sat-series.ts). A leaf module: the state and
// the code that fills these records both import it, never the other way round.

/** Numbers per closed contact window in AccessState.windows. */
export const WINDOW_FIELDS = 7
/** Numbers per closed eclipse interval in AccessState.eclipses. */
export const ECLIPSE_FIELDS = 4
export const CLIPPED_START = 1
export const CLIPPED_END = 2

export interface AccessState {
  /** Per pair k*ns+j: start of the open window (s), NaN when the pair is not in view. */
  openStart: Float64Array
  /**
   * Per pair: the open window's highest elevation (rad), or NaN while it is still to be computed
   * as asin(openMaxSin) (access.ts defers the arcsine while a pass is rising; maxElevationOf).
   */
  openMaxEl: Float64Array
  /** Per pair: sin(elevation) at the open window's highest sample, the arcsine's argument. */
  openMaxSin: Float64Array
  openMaxT: Float64Array
  openFlags: Uint8Array
  /** Per satellite, the stations' bitmask (stationWords words) of its open windows. */
  openBits: Uint32Array
  /** Closed windows: k, j, start, end, max elevation (rad), its time, flags. */
  windows: number[]
  /** Per satellite: start of the current eclipse (s), NaN when sunlit. */
  eclipseStart: Float64Array
  eclipseFlags: Uint8Array
  /** Closed eclipses: k, start, end, flags. */
  eclipses: number[]
  /** Time of the previous observation (the end of anything that closes now); NaN before the first. */
  lastT: number
}

export function initialAccess(satellites: number, stations: number, words: number): AccessState {
  const pairs = satellites * stations
  return {
    openStart: new Float64Array(pairs).fill(Number.NaN),
    openMaxEl: new Float64Array(pairs),
    openMaxSin: new Float64Array(pairs),
    openMaxT: new Float64Array(pairs),
    openFlags: new Uint8Array(pairs),
    openBits: new Uint32Array(satellites * words),
    windows: [],
    eclipseStart: new Float64Array(satellites).fill(Number.NaN),
    eclipseFlags: new Uint8Array(satellites),
    eclipses: [],
    lastT: Number.NaN,
  }
}

export interface SatelliteSeries {
  /** n values per sample: state of charge 0..1. */
  soc: number[]
  /** n values per sample: propellant left, kg. */
  propellantKg: number[]
  /** n values per sample: index into STATUS_NAMES. */
  status: number[]
}

export function emptySatelliteSeries(): SatelliteSeries {
  return { soc: [], propellantKg: [], status: [] }
}
