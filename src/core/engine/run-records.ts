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

/** Numbers per slot of AccessState.slots: start (s), highest elevation, its sine, its time (s). */
export const SLOT_FIELDS = 4

export interface AccessState {
  /** Per satellite, the stations' bitmask (stationWords words) of its open windows. */
  openBits: Uint32Array
  /** Per pair k*ns+j with its bit set in openBits: the slot holding its open window. */
  slotOf: Int32Array
  /**
   * Open windows, SLOT_FIELDS numbers per slot: start, highest elevation (rad; NaN while it is
   * still to be taken as the arcsine of the next field, access.ts defers it), sin(highest
   * elevation), its time. Only as many slots as windows are open at once, not one per pair.
   */
  slots: Float64Array
  slotFlags: Uint8Array
  /** Free slots, a stack: free[0 .. freeCount). */
  free: Int32Array
  freeCount: number
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

/** Slots to start with; the pool doubles when they run out. */
const FIRST_SLOTS = 64

export function initialAccess(satellites: number, stations: number, words: number): AccessState {
  return {
    openBits: new Uint32Array(satellites * words),
    slotOf: new Int32Array(satellites * stations),
    slots: new Float64Array(FIRST_SLOTS * SLOT_FIELDS),
    slotFlags: new Uint8Array(FIRST_SLOTS),
    // Slot 0 on top of the stack, so slots are taken in order.
    free: Int32Array.from({ length: FIRST_SLOTS }, (_, i) => FIRST_SLOTS - 1 - i),
    freeCount: FIRST_SLOTS,
    windows: [],
    eclipseStart: new Float64Array(satellites).fill(Number.NaN),
    eclipseFlags: new Uint8Array(satellites),
    eclipses: [],
    lastT: Number.NaN,
  }
}

/**
 * Doubles the slot pool once every slot is taken (its arrays are replaced: re-read them after a
 * call). Its one caller (access.ts) grows the pool only when the free stack is empty
 * (freeCount 0), so there are no free slots to carry over: the new stack holds just the new
 * slots, the lowest on top so they are taken in order.
 */
export function growSlots(a: AccessState): void {
  const had = a.slotFlags.length
  const slots = new Float64Array(2 * had * SLOT_FIELDS)
  slots.set(a.slots)
  const flags = new Uint8Array(2 * had)
  flags.set(a.slotFlags)
  const free = new Int32Array(2 * had)
  for (let s = 2 * had - 1; s >= had; s--) free[a.freeCount++] = s
  a.slots = slots
  a.slotFlags = flags
  a.free = free
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
