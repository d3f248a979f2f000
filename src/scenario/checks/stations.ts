// Ground-station ids and their duplicates.

import { formatPath, type PathSegment } from '../issues'
import { stationSchema } from '../schema/ground'
import { list, own, parsed, type Report } from './context'

export interface StationIndex {
  owners: Map<string, PathSegment[]>
  complete: boolean
}

// The station schema ends in a transform; its id field is reached through the pipe's input.
const stationId = stationSchema.in.shape.id

export function indexStations(raw: Record<string, unknown>, report: Report): StationIndex {
  const index: StationIndex = { owners: new Map(), complete: true }
  const stations = own(raw, 'groundStations')
  if (stations !== undefined && !Array.isArray(stations)) index.complete = false
  list(stations).forEach((station, i) => {
    const id = parsed(stationId, own(station, 'id'))
    if (id === undefined) {
      index.complete = false
      return
    }
    const owner = index.owners.get(id)
    if (owner === undefined) index.owners.set(id, ['groundStations', i, 'id'])
    else {
      const used = `already used at ${formatPath(owner)}`
      report(
        ['groundStations', i, 'id'],
        `expected a unique ground-station id, got ${JSON.stringify(id)} (${used})`,
      )
    }
  })
  return index
}
