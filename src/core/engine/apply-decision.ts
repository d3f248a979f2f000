// Applying one checked decision: the only place a planner's wish changes the world. Called
// with the plain copy that decision-check.ts read and approved.

import type { Decision } from '../decisions'
import type { Ctx, EnginePlanner } from './context'
import { STATUS_ALERT } from './state'

export function applyDecision(ctx: Ctx, d: Decision, p: Pick<EnginePlanner, 'id'>): void {
  const { world, s, log } = ctx
  if (d.kind === 'note') {
    log({ t: s.t, type: 'note', satellite: d.satellite, planner: p.id, message: d.rationale })
    return
  }
  const k = world.satIndex.get(d.satellite)!
  switch (d.kind) {
    case 'maneuver':
      s.pending.push({ ...d, dv: { ...d.dv }, planner: p.id })
      s.pending.sort(
        (a, b) => a.atS - b.atS || (a.satellite < b.satellite ? -1 : a.satellite > b.satellite ? 1 : 0),
      )
      break
    case 'assignTask':
      s.tasks[world.taskIndex.get(d.task)!].assignedTo = k
      break
    case 'downlink':
      s.bookings.push({
        satellite: k,
        station: world.stationIndex.get(d.station)!,
        startS: d.startS,
        endS: d.endS,
      })
      break
    case 'setMode':
      s.edgeMode[k] = d.mode === 'edge' ? 1 : 0
      break
    case 'alert': {
      s.alerts.push({
        satellite: d.satellite,
        component: d.component,
        atS: s.t,
        severity: d.severity,
        predictedFailureS: d.predictedFailureS ?? null,
        planner: p.id,
      })
      s.alerted[k] = 1
      if (s.failed[k] === 0) s.status[k] = STATUS_ALERT
      if (d.retire) s.retired[k] = 1
      log({
        t: s.t,
        type: 'alert',
        satellite: d.satellite,
        component: d.component,
        planner: p.id,
        message: d.rationale,
        data: {
          severity: d.severity,
          ...(d.predictedFailureS !== undefined ? { predictedFailureS: d.predictedFailureS } : {}),
        },
      })
      return
    }
  }
  log({
    t: s.t,
    type: 'decision',
    satellite: d.satellite,
    planner: p.id,
    message: d.rationale,
    data: { kind: d.kind },
  })
}
