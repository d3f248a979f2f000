// Tasks and events: unique task ids (burst tasks included), times inside the run, and events
// that name satellites and stations which exist.

import { formatPath, type PathSegment } from '../issues'
import { preview } from '../preview'
import { eventSchema } from '../schema/events'
import { taskSchema } from '../schema/ground'
import { didYouMean } from '../suggest'
import { list, own, parsed, type Report } from './context'
import { type SatelliteIndex, summarise } from './satellites'
import type { StationIndex } from './stations'
import { checkWithinRun, type RunTimes } from './times'

const taskId = taskSchema.in.shape.id
const SATELLITE_EVENTS = new Set<unknown>(['degradation', 'failure', 'conjunction'])

export function checkTasks(raw: Record<string, unknown>, run: RunTimes, report: Report) {
  const owners = new Map<string, PathSegment[]>()
  const check = (task: unknown, path: PathSegment[]) => {
    const id = parsed(taskId, own(task, 'id'))
    if (id !== undefined) {
      const owner = owners.get(id)
      if (owner === undefined) owners.set(id, [...path, 'id'])
      else
        report(
          [...path, 'id'],
          `expected a unique task id, got ${JSON.stringify(id)} (already used at ${formatPath(owner)})`,
        )
    }
    const spec = parsed(taskSchema, task)
    if (spec !== undefined) {
      checkWithinRun(run, spec.windowEndS, list(own(task, 'window'))[1], [...path, 'window', 1], report)
    }
  }
  list(own(raw, 'tasks')).forEach((task, i) => {
    check(task, ['tasks', i])
  })
  list(own(raw, 'events')).forEach((event, i) => {
    if (own(event, 'type') !== 'taskBurst') return
    list(own(event, 'tasks')).forEach((task, j) => {
      check(task, ['events', i, 'tasks', j])
    })
  })
}

export function checkEvents(
  raw: Record<string, unknown>,
  run: RunTimes,
  satellites: SatelliteIndex,
  stations: StationIndex,
  report: Report,
) {
  list(own(raw, 'events')).forEach((event, i) => {
    const path: PathSegment[] = ['events', i]
    const spec = parsed(eventSchema, event)
    if (spec !== undefined) {
      checkWithinRun(run, spec.atS, own(event, 'at'), [...path, 'at'], report)
      if (spec.type === 'conjunction')
        checkWithinRun(run, spec.tcaS, own(event, 'tca'), [...path, 'tca'], report)
    }
    // References are judged even when the rest of the event is broken: they are separate mistakes.
    const type = own(event, 'type')
    const satellite = own(event, 'satellite')
    if (SATELLITE_EVENTS.has(type) && typeof satellite === 'string' && satellites.complete) {
      if (!satellites.owners.has(satellite)) {
        const known = summarise(satellites.summary)
        const hint = didYouMean(satellite, [...satellites.owners.keys()])
        report(
          [...path, 'satellite'],
          `expected the id of a satellite (${known}), got ${preview(satellite)}${hint}`,
        )
      }
    }
    const station = own(event, 'station')
    if (type === 'stationOutage' && typeof station === 'string' && stations.complete) {
      if (!stations.owners.has(station)) {
        const ids = [...stations.owners.keys()]
        const hint = didYouMean(station, ids)
        report(
          [...path, 'station'],
          `expected the id of a ground station (${summarise(ids)}), got ${preview(station)}${hint}`,
        )
      }
    }
  })
}
