// Two-line element sets as listed in a scenario: an array of lines holding 2-line records
// ("1 …", "2 …") or 3-line records (a name line first). This checks what a typo or a bad paste
// breaks — record structure, line length, checksums, matching catalog numbers, the numeric
// fields SGP4 reads — so that propagation never starts from garbage — and then asks SGP4 itself
// whether it can fly the orbit (tle-orbit.ts).

import { expectGot, preview } from './preview'
import { RESERVED_NAMES, reservedName } from './schema/fields'
import { tleOrbitProblem } from './tle-orbit'

export interface TleRecord {
  /** The satellite id: the name line, or "NORAD-<catalog number>" without one. */
  id: string
  name: string
  line1: string
  line2: string
  /** Index of the record's first line (name or line 1) in the file's array. */
  index: number
}

export interface TleProblem {
  /** Index of the offending line in the file's array. */
  index: number
  message: string
}

export interface TleReading {
  records: TleRecord[]
  problems: TleProblem[]
}

const LINE_LENGTH = 69

/** Numeric fields by line: [first column (1-based), last column, what it is]. */
const FIELDS: Record<1 | 2, [number, number, string][]> = {
  1: [[19, 32, 'epoch, year and day of year']],
  2: [
    [9, 16, 'inclination, degrees'],
    [18, 25, 'right ascension of the node, degrees'],
    [27, 33, 'eccentricity, decimal point assumed'],
    [35, 42, 'argument of perigee, degrees'],
    [44, 51, 'mean anomaly, degrees'],
    [53, 63, 'mean motion, revolutions per day'],
  ],
}

// One load reads the same list up to three times (the schema's check and transform, the
// cross-checks), and each reading starts SGP4 once per record: the reading of a list is kept
// while the list lives. Lists are parsed JSON that nothing edits; a copy is read afresh.
const readings = new WeakMap<readonly unknown[], TleReading>()

export function readTle(lines: readonly unknown[]): TleReading {
  const known = readings.get(lines)
  if (known !== undefined) return known
  const reading = readTleOnce(lines)
  readings.set(lines, reading)
  return reading
}

function readTleOnce(lines: readonly unknown[]): TleReading {
  const records: TleRecord[] = []
  const problems: TleProblem[] = []
  const reported = new Set<number>()
  const report = (index: number, message: string) => {
    // Resynchronising after a broken record can revisit a line; one message per line is enough.
    if (reported.has(index)) return
    reported.add(index)
    problems.push({ index, message })
  }
  const at = (index: number) =>
    typeof lines[index] === 'string' ? (lines[index] as string).trimEnd() : undefined

  let i = 0
  while (i < lines.length) {
    const first = at(i)
    if (first === undefined) {
      // Not a string: the schema reports the type; skip the line.
      i++
      continue
    }
    if (first.startsWith('2 ')) {
      report(i, expectGot('a name line or TLE line 1 (this line 2 has no line 1 before it)', first))
      i++
      continue
    }
    const named = !first.startsWith('1 ')
    const name = named ? first.replace(/^0 /, '').trim() : ''
    if (named && (name === '' || name.length > 64)) {
      report(i, expectGot('a satellite name line (1–64 characters) or TLE line 1', first))
    }
    const line1Index = named ? i + 1 : i
    const line1 = at(line1Index)
    if (line1 === undefined || !line1.startsWith('1 ')) {
      report(
        line1Index,
        expectGot(`TLE line 1${named ? ` of ${JSON.stringify(name)}` : ''} (starting "1 ")`, line1),
      )
      i = afterBadLine1(line1Index, line1, at(line1Index + 1))
      continue
    }
    const line2Index = line1Index + 1
    const line2 = at(line2Index)
    if (line2 === undefined || !line2.startsWith('2 ')) {
      report(line2Index, expectGot('TLE line 2 (starting "2 ") after line 1', line2))
      i = afterBadLine2(line2Index, line2, at(line2Index + 1))
      continue
    }
    const before = problems.length
    checkLine(line1, 1, line1Index, report)
    checkLine(line2, 2, line2Index, report)
    const catalog1 = line1.slice(2, 7).trim()
    const catalog2 = line2.slice(2, 7).trim()
    if (catalog1 !== catalog2) {
      report(line2Index, `expected catalog number ${catalog1} (as in line 1), got ${preview(catalog2)}`)
    }
    const id = named ? name : `NORAD-${catalog1.replace(/^0+(?=.)/, '')}`
    if (RESERVED_NAMES.has(id)) report(i, reservedName('a satellite name', id))
    if (problems.length === before) {
      const orbit = tleOrbitProblem(line1, line2)
      if (orbit !== undefined) report(line2Index, orbit)
    }
    if (problems.length === before) records.push({ id, name: id, line1, line2, index: i })
    i = line2Index + 1
  }
  return { records, problems }
}

// Where to read on after a broken record, guessing what the offending line was so that one
// mistake gives one message rather than a cascade.

/** Line 1 was expected at `index` but `line` is there. */
function afterBadLine1(index: number, line: string | undefined, next: string | undefined): number {
  if (line?.startsWith('2 ')) return index + 1 // line 1 is missing: skip the orphaned line 2
  if (next?.startsWith('2 ')) return index + 2 // line 1 is garbled: skip it and its line 2
  return index // a name line with nothing after it: read on from the new name
}

/** Line 2 was expected at `index` but `line` is there. */
function afterBadLine2(index: number, line: string | undefined, next: string | undefined): number {
  if (line?.startsWith('1 ') || next?.startsWith('1 ')) return index // line 2 is missing: a new record starts
  return index + 1 // line 2 is garbled: skip it
}

function checkLine(line: string, n: 1 | 2, index: number, report: (index: number, message: string) => void) {
  if (line.length !== LINE_LENGTH) {
    report(
      index,
      `expected TLE line ${n} of ${LINE_LENGTH} characters, got ${preview(line)} (${line.length})`,
    )
    return
  }
  const expected = checksum(line)
  if (line[68] !== String(expected)) {
    report(index, `expected checksum digit ${expected} at the end of TLE line ${n}, got ${preview(line[68])}`)
    return
  }
  for (const [from, to, what] of FIELDS[n]) {
    const field = line.slice(from - 1, to).trim()
    const value = Number(n === 2 && from === 27 ? `0.${field}` : field)
    const sane = field !== '' && Number.isFinite(value) && (from !== 53 || value > 0)
    if (!sane) {
      report(
        index,
        `expected a number in columns ${from}–${to} of TLE line ${n} (${what}), got ${preview(field)}`,
      )
      return
    }
  }
}

/** TLE checksum: the digits of the first 68 characters summed, each '-' counting 1, modulo 10. */
export function checksum(line: string): number {
  let sum = 0
  for (let i = 0; i < Math.min(line.length, 68); i++) {
    const ch = line[i]
    if (ch >= '0' && ch <= '9') sum += ch.charCodeAt(0) - 48
    else if (ch === '-') sum += 1
  }
  return sum % 10
}
