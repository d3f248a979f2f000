// Generated element sets for tests and benchmarks: an illustrative constellation written as
// 3LE text (with correct checksums), as OMM JSON records and as OMM CSV. Nothing here is real
// catalogue data; the numbers follow from the index, so a file of any size is reproducible.

import { checksum } from '../../src/scenario/tle'

export interface GeneratedSet {
  name: string
  catalog: number
  /** Epoch as UTC ms (whole ms, so TLE and OMM epochs can agree to the TLE's precision). */
  epochMs: number
  inclinationDeg: number
  raanDeg: number
  eccentricity: number
  argPerigeeDeg: number
  meanAnomalyDeg: number
  revPerDay: number
  bstar: number
}

/** `count` satellites in 12 planes at about 550 km (15.05 rev/day), epochs spread over 6 h. */
export function generateSets(count: number, baseEpochMs = Date.UTC(2026, 2, 20, 0, 0, 0)): GeneratedSet[] {
  const out: GeneratedSet[] = []
  for (let i = 0; i < count; i++) {
    const plane = i % 12
    out.push({
      name: `GEN-${String(i + 1).padStart(5, '0')}`,
      catalog: 90000 + (i % 9000),
      epochMs: baseEpochMs - ((i * 7919) % 21600) * 1000,
      inclinationDeg: 53 + (plane % 3) * 0.5,
      raanDeg: Number(((plane * 30 + (i % 7) * 0.1) % 360).toFixed(4)),
      eccentricity: Number((0.0001 + (i % 50) * 0.00002).toFixed(7)),
      argPerigeeDeg: (i * 37) % 360,
      meanAnomalyDeg: (i * 137.5) % 360,
      revPerDay: Number((15.05 + (i % 11) * 0.001).toFixed(8)),
      bstar: Number((0.00002 + (i % 5) * 0.00001).toFixed(10)),
    })
  }
  return out
}

const fixed = (value: number, width: number, digits: number) => value.toFixed(digits).padStart(width, ' ')

/** TLE "assumed decimal point" exponent form: 0.28098e-4 → " 28098-4". */
function expField(value: number): string {
  if (value === 0) return ' 00000-0'
  let exp = Math.floor(Math.log10(Math.abs(value))) + 1
  let digits = Math.round((Math.abs(value) / 10 ** exp) * 1e5)
  if (digits >= 100000) {
    digits = 10000
    exp++
  }
  return `${value < 0 ? '-' : ' '}${String(digits).padStart(5, '0')}${exp < 0 ? '-' : '+'}${Math.abs(exp)}`
}

function withChecksum(body: string): string {
  if (body.length !== 68) throw new Error(`internal: TLE body of ${body.length} characters`)
  return `${body}${checksum(body)}`
}

export function tleLines(s: GeneratedSet): [string, string] {
  const date = new Date(s.epochMs)
  const year = date.getUTCFullYear()
  const day = (s.epochMs - Date.UTC(year, 0, 1)) / 86_400_000 + 1
  const cat = String(s.catalog).padStart(5, '0')
  const yy = String(year % 100).padStart(2, '0')
  const line1 = `1 ${cat}U 26001A   ${yy}${day.toFixed(8).padStart(12, '0')}  .00000000  00000-0 ${expField(s.bstar)} 0  999`
  const ecc = Math.round(s.eccentricity * 1e7)
    .toString()
    .padStart(7, '0')
  const line2 =
    `2 ${cat} ${fixed(s.inclinationDeg, 8, 4)} ${fixed(s.raanDeg, 8, 4)} ${ecc} ` +
    `${fixed(s.argPerigeeDeg, 8, 4)} ${fixed(s.meanAnomalyDeg, 8, 4)} ${fixed(s.revPerDay, 11, 8)}    1`
  return [withChecksum(line1), withChecksum(line2)]
}

/** A 3LE file: name line, line 1, line 2 per record. */
export function threeLineText(sets: readonly GeneratedSet[], eol = '\n'): string {
  return sets.map((s) => [s.name, ...tleLines(s)].join(eol)).join(eol) + eol
}

export function ommRecord(s: GeneratedSet): Record<string, string | number> {
  return {
    OBJECT_NAME: s.name,
    OBJECT_ID: '2026-001A',
    EPOCH: new Date(s.epochMs).toISOString().replace('Z', ''),
    MEAN_MOTION: s.revPerDay,
    ECCENTRICITY: s.eccentricity,
    INCLINATION: s.inclinationDeg,
    RA_OF_ASC_NODE: s.raanDeg,
    ARG_OF_PERICENTER: s.argPerigeeDeg,
    MEAN_ANOMALY: s.meanAnomalyDeg,
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: s.catalog,
    ELEMENT_SET_NO: 999,
    REV_AT_EPOCH: 1,
    BSTAR: s.bstar,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  }
}

export function ommCsvText(sets: readonly GeneratedSet[], eol = '\r\n'): string {
  const records = sets.map(ommRecord)
  const keys = Object.keys(records[0])
  const rows = records.map((r) => keys.map((k) => String(r[k])).join(','))
  return [keys.join(','), ...rows].join(eol) + eol
}
