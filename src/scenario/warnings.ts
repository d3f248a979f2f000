// Things a valid file may say but its author should hear about. One so far: an element set far
// from the scenario epoch. SGP4 propagates mean elements fitted to observations around the TLE
// epoch; its error grows by kilometres a day in low orbit, so a month away positions are off by
// tens of kilometres or more, and years away they mean little.

import { parseTle, tleEpochMs } from '../core/sgp4'
import type { OmmElements } from '../core/spec'
import { formatPath, type PathSegment } from './issues'
import { ommEpochMs, ommId } from './schema/omm'
import type { TleRecord } from './tle'

/** A TLE this many days or more from the scenario epoch gets a warning. */
export const TLE_AGE_WARNING_DAYS = 30

const DAY_MS = 86_400_000

export function tleAgeWarnings(records: readonly TleRecord[], epochMs: number): string[] {
  return ageWarnings(
    records.map((r) => ({
      path: ['constellation', 'tle', r.index],
      id: r.id,
      setMs: tleEpochMs(parseTle(r.line1, r.line2)),
    })),
    epochMs,
  )
}

/** The same for OMM records (their EPOCH), at constellation.omm[i]. */
export function ommAgeWarnings(records: readonly OmmElements[], epochMs: number): string[] {
  return ageWarnings(
    records.map((r, i) => ({ path: ['constellation', 'omm', i], id: ommId(r), setMs: ommEpochMs(r.EPOCH) })),
    epochMs,
  )
}

function ageWarnings(sets: { path: PathSegment[]; id: string; setMs: number }[], epochMs: number): string[] {
  const out: string[] = []
  for (const { path, id, setMs: tleMs } of sets) {
    const days = (epochMs - tleMs) / DAY_MS
    if (!(Math.abs(days) > TLE_AGE_WARNING_DAYS)) continue
    const when = new Date(tleMs).toISOString().slice(0, 10)
    const span = `${Math.round(Math.abs(days)).toLocaleString('en-US')} days ${days > 0 ? 'before' : 'after'}`
    out.push(
      `${formatPath(path)}: the element set of ${JSON.stringify(id)} ` +
        `dates from ${when}, ${span} the scenario epoch; SGP4's error grows with that gap (a few km a day ` +
        `in low orbit), so its positions are rough. Use elements within ${TLE_AGE_WARNING_DAYS} days of the epoch.`,
    )
  }
  return out
}
