// Colours of the scene, in one place. Status colours follow the worker's status codes
// (STATUS_NAMES: 0 nominal, 1 alert, 2 failed, 3 manoeuvring, 4 safe, 5 decayed); `statusColour` writes
// linear RGB (what three's instance colours and shaders expect before the output transform).

/** sRGB hex per status code; unknown codes are drawn as nominal. */
export const STATUS_HEX: readonly number[] = [
  0x7ee8ff, // nominal: cyan
  0xffb02e, // alert: amber
  0xff4a4a, // failed: red
  0xc08cff, // manoeuvring: violet
  0x6f8296, // safe mode: dim slate
  0x4a3a30, // decayed (re-entered): dark ember
]

/** How far the selected satellite's colour is pushed towards white (0 = status colour, 1 = white). */
export const SELECTED_WHITENING = 0.35

export const COLOURS = {
  background: '#03060d',
  orbit: '#5ab4dc',
  orbitSelected: '#c9f3ff',
  groundTrack: '#ffe08a',
  footprint: '#9fe8ff',
  station: '#6dfc9c',
  stationActive: '#d4ffe3',
  link: '#6dfc9c',
  target: '#ff7ac3',
  selectedRing: '#ffffff',
  hoverRing: '#bfefff',
} as const

/** sRGB channel (0..1) → linear, the IEC 61966-2-1 transfer function three uses. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c * 0.0773993808 : (c * 0.9478672986 + 0.0521327014) ** 2.4
}

/** Linear RGB of an sRGB hex colour into out[offset..offset+2]. */
export function hexToLinear(hex: number, out: Float32Array | number[], offset = 0): void {
  out[offset] = srgbToLinear(((hex >> 16) & 255) / 255)
  out[offset + 1] = srgbToLinear(((hex >> 8) & 255) / 255)
  out[offset + 2] = srgbToLinear((hex & 255) / 255)
}

/** Linear RGB per status code, then the same for the selected look: 3 × 2 × STATUS_HEX.length. */
const TABLE = (() => {
  const n = STATUS_HEX.length
  const t = new Float32Array(6 * n)
  for (let s = 0; s < n; s++) {
    hexToLinear(STATUS_HEX[s], t, 3 * s)
    for (let c = 0; c < 3; c++) {
      const v = t[3 * s + c]
      t[3 * (n + s) + c] = v + (1 - v) * SELECTED_WHITENING
    }
  }
  return t
})()

/** Writes the linear RGB for a status code (and selection) into out[offset..offset+2]. */
export function statusColour(status: number, selected: boolean, out: Float32Array, offset: number): void {
  const n = STATUS_HEX.length
  const s = status >= 0 && status < n ? status : 0
  const o = 3 * (selected ? n + s : s)
  out[offset] = TABLE[o]
  out[offset + 1] = TABLE[o + 1]
  out[offset + 2] = TABLE[o + 2]
}
