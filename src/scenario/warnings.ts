// Things a valid file may say but its author should hear about. One so far: an element set far
// from the scenario epoch. SGP4 propagates mean elements fitted to observations around the TLE
// epoch; its error grows by kilometres a day in low orbit, so a month away positions are off by
// tens of kilometres or more, and years away they mean little.

import { parseTle, tleEpochMs } from '../core/sgp4'
import { formatPath } from './issues'
import type { TleRecord } from './tle'

/** A TLE this many days or more from the scenario epoch gets a warning. */
export const TLE_AGE_WARNING_DAYS = 30

const DAY_MS = 86_400_000

export function tleAgeWarnings(records: readonly TleRecord[], epochMs: number): string[] {
  const out: string[] = []
  for (const record of records) {
    const tleMs = tleEpochMs(parseTle(record.line1, record.line2))
    const days = (epochMs - tleMs) / DAY_MS
    if (!(Math.abs(days) > TLE_AGE_WARNING_DAYS)) continue
    const when = new Date(tleMs).toISOString().slice(0, 10)
    const span = `${Math.round(Math.abs(days)).toLocaleString('en-US')} days ${days > 0 ? 'before' : 'after'}`
    out.push(
      `${formatPath(['constellation', 'tle', record.index])}: the element set of ${JSON.stringify(record.id)} ` +
        `dates from ${when}, ${span} the scenario epoch; SGP4's error grows with that gap (a few km a day ` +
        `in low orbit), so its positions are rough. Use elements within ${TLE_AGE_WARNING_DAYS} days of the epoch.`,
    )
  }
  return out
}
