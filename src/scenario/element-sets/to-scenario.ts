// Element sets → a scenario file value, so that the one loader checks and normalises it like any
// scenario. What the file does not say is filled with stated defaults, and the notice says so.

import type { OmmElements } from '../../core/spec'
import { ommEpochMs, ommId } from '../schema/omm'
import type { TleRecord } from '../tle'
import { baseNameOf } from './detect'

export const IMPORT_DURATION = '24h'
export const IMPORT_STEP = '30s'
export const IMPORT_STRATEGY = 'fly'

export type ElementSets = { kind: 'tle'; records: TleRecord[] } | { kind: 'omm'; records: OmmElements[] }

export interface Imported {
  value: Record<string, unknown>
  notice: string
}

const MINUTE_MS = 60_000

export function toScenarioValue(sets: ElementSets, file: string): Imported {
  const epochMs = Math.round(newestEpochMs(sets) / MINUTE_MS) * MINUTE_MS
  const epoch = new Date(epochMs).toISOString().replace('.000Z', 'Z')
  const n = sets.records.length
  const what = sets.kind === 'tle' ? 'two-line element set' : 'OMM record'
  const notice =
    `${file}: read ${n} ${what}${n === 1 ? '' : 's'} as a scenario with the default bus, epoch ${epoch} ` +
    `(the newest element set's, rounded to the minute), ${IMPORT_DURATION}, no ground stations and no tasks`
  const base = baseNameOf(file)
  const id =
    base
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 64) || 'element-sets'
  return {
    notice,
    value: {
      formatVersion: 1,
      id,
      title: `Element sets from ${base}`.slice(0, 200),
      demonstrates: 'Standard formats in: element sets from a tracker or a catalogue, propagated with SGP4',
      description:
        `${n} ${what}${n === 1 ? '' : 's'} read from ${base}, with the default bus, ${IMPORT_DURATION} from the ` +
        "newest element set's epoch (rounded to the minute), no ground stations and no tasks: add them to make it a mission.",
      epoch,
      duration: IMPORT_DURATION,
      step: IMPORT_STEP,
      seed: 1,
      constellation: constellationOf(sets),
      // No planners: with no stations and no tasks there is nothing to plan; the satellites fly.
      strategies: { [IMPORT_STRATEGY]: {} },
    },
  }
}

/** The constellation block, ids made unique (catalogues repeat names such as "… DEB"). */
export function constellationOf(sets: ElementSets, taken: Set<string> = new Set()): Record<string, unknown> {
  const unique = (id: string, catalog: string) => {
    let out = taken.has(id) ? `${id} [${catalog}]` : id
    for (let k = 2; taken.has(out); k++) out = `${id} [${catalog}] #${k}`
    taken.add(out)
    return out
  }
  if (sets.kind === 'tle') {
    const lines: string[] = []
    for (const r of sets.records) lines.push(unique(r.id, r.line1.slice(2, 7).trim()), r.line1, r.line2)
    return { tle: lines }
  }
  return {
    omm: sets.records.map((r) => {
      const id = unique(ommId(r), String(r.NORAD_CAT_ID))
      return id === ommId(r) ? r : { ...r, OBJECT_NAME: id }
    }),
  }
}

function newestEpochMs(sets: ElementSets): number {
  const epochs =
    sets.kind === 'tle'
      ? sets.records.map((r) => tleLineEpochMs(r.line1))
      : sets.records.map((r) => ommEpochMs(r.EPOCH))
  let newest = Number.NEGATIVE_INFINITY
  for (const ms of epochs) if (ms > newest) newest = ms
  return newest
}

/** UTC ms of a TLE line 1's epoch (two-digit year: 57–99 → 19xx, else 20xx; day of year from 1). */
export function tleLineEpochMs(line1: string): number {
  const yy = Number(line1.slice(18, 20))
  const day = Number(line1.slice(20, 32))
  return Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (day - 1) * 86_400_000
}
