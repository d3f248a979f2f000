// Satellite ids: every id the constellation makes, where it comes from, and duplicates.

import { z } from 'zod'
import { formatPath, type PathSegment } from '../issues'
import { preview } from '../preview'
import { satelliteSchema } from '../schema/constellation'
import { ommId } from '../schema/omm'
import { walkerItemSchema, walkerSchema } from '../schema/orbit'
import { readTle } from '../tle'
import { walkerIds } from '../walker'
import { isRecord, list, own, parsed, type Report } from './context'

// A walker's ids depend on these fields alone; a bad inclination must not hide its ids.
const idFields = (schema: typeof walkerSchema | typeof walkerItemSchema) =>
  z.object({ satellites: schema.shape.satellites, planes: schema.shape.planes, prefix: schema.shape.prefix })
const walkerNaming = idFields(walkerSchema)
const walkerItemNaming = idFields(walkerItemSchema)
type WalkerNaming = z.output<typeof walkerNaming>

export interface SatelliteIndex {
  /** Each id with the path of what made it first. */
  owners: Map<string, PathSegment[]>
  /** False when some piece is too broken to know its ids; references are then not judged. */
  complete: boolean
  /** Short list for messages: "P1-S1 … P3-S8", "SPARE-1". */
  summary: string[]
}

export function indexSatellites(raw: Record<string, unknown>, report: Report): SatelliteIndex {
  const index: SatelliteIndex = { owners: new Map(), complete: true, summary: [] }
  const constellation = own(raw, 'constellation')
  if (!isRecord(constellation)) return { ...index, complete: false }

  for (const [walker, path] of walkers(own(constellation, 'walker'), index)) {
    const ids = walkerIds(walker)
    index.summary.push(ids.length === 1 ? ids[0] : `${ids[0]} … ${ids[ids.length - 1]}`)
    const clash = ids.find((id) => index.owners.has(id))
    if (clash !== undefined) {
      const owner = `${formatPath(index.owners.get(clash) ?? [])} also makes ${JSON.stringify(clash)}`
      report(
        [...path, 'prefix'],
        `expected a prefix no other walker uses, got ${preview(walker.prefix)} (${owner})`,
      )
    }
    for (const id of ids) if (!index.owners.has(id)) index.owners.set(id, path)
  }

  const explicit = own(constellation, 'satellites')
  if (explicit !== undefined && !Array.isArray(explicit)) index.complete = false
  list(explicit).forEach((satellite, i) => {
    const id = parsed(satelliteSchema.shape.id, own(satellite, 'id'))
    if (id === undefined) index.complete = false
    else claim(index, id, ['constellation', 'satellites', i, 'id'], report)
  })

  const tle = own(constellation, 'tle')
  if (tle !== undefined) {
    const reading = readTle(list(tle))
    if (!Array.isArray(tle) || reading.problems.length > 0 || tle.some((line) => typeof line !== 'string')) {
      index.complete = false
    }
    for (const record of reading.records)
      claim(index, record.id, ['constellation', 'tle', record.index], report)
  }

  const omm = own(constellation, 'omm')
  if (omm !== undefined && !Array.isArray(omm)) index.complete = false
  list(omm).forEach((record, i) => {
    if (!isRecord(record)) index.complete = false
    else claim(index, ommId(record), ['constellation', 'omm', i, 'OBJECT_NAME'], report)
  })
  return index
}

function walkers(value: unknown, index: SatelliteIndex): [WalkerNaming, PathSegment[]][] {
  if (value === undefined) return []
  const found: [WalkerNaming, PathSegment[]][] = []
  const add = (walker: WalkerNaming | undefined, path: PathSegment[]) => {
    if (walker === undefined || walker.satellites % walker.planes !== 0) index.complete = false
    else found.push([walker, path])
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      add(parsed(walkerItemNaming, item), ['constellation', 'walker', i])
    })
  } else {
    add(parsed(walkerNaming, value), ['constellation', 'walker'])
  }
  return found
}

function claim(index: SatelliteIndex, id: string, path: PathSegment[], report: Report) {
  const owner = index.owners.get(id)
  if (owner !== undefined) {
    report(
      path,
      `expected a unique satellite id, got ${JSON.stringify(id)} (already used at ${formatPath(owner)})`,
    )
    return
  }
  index.owners.set(id, path)
  index.summary.push(id)
}

/** "P1-S1 … P3-S8, SPARE-1", shortened when long. */
export function summarise(ids: readonly string[], max = 8): string {
  if (ids.length === 0) return 'there are none'
  const shown = ids.length > max ? [...ids.slice(0, max - 1), '…'] : ids
  return shown.join(', ')
}
