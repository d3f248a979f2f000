// The WorldView an agent reads: the same data a TypeScript planner's view holds, as one JSON
// object (the view's functions — telemetry, predictions, canImage, visibilityWindows — are not
// data: canImage and visibilityWindows are answered as queries, see query.ts). Text is made
// once per call; its digest is what a recording checks on replay.

import type { WorldView } from '../../core'

/** The view's data fields, in a fixed order, so the same view gives the same text. */
export function viewJson(view: WorldView): Record<string, unknown> {
  return {
    timeS: view.timeS,
    trigger: view.trigger,
    epochMs: view.epochMs,
    stepS: view.stepS,
    durationS: view.durationS,
    plannerCadenceS: view.plannerCadenceS,
    failureHealth: view.failureHealth,
    satellites: view.satellites,
    stations: view.stations,
    tasks: view.tasks,
    conjunctions: view.conjunctions,
    bookings: view.bookings,
    alerts: view.alerts,
    recentEvents: view.recentEvents,
  }
}
