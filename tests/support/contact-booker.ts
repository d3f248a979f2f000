// A small allocation planner for engine tests that makes the decisions no built-in planner
// makes: downlink bookings. On every call it assigns each open, unassigned task to the first
// satellite predicted to see it, and books each satellite's predicted passes over one chosen
// station (those not booked already) up to two planner cadences ahead.

import type { Decision, EnginePlanner, WorldView } from '../../src/core'

export function contactBooker(station: string | null, id = 'allocation/contact-booker'): EnginePlanner {
  return {
    id,
    kind: 'allocation',
    triggers: ['taskCaptured'],
    plan: (view) => [...assignFirstPass(view), ...(station === null ? [] : bookPasses(view, station))],
  }
}

function assignFirstPass(view: WorldView): Decision[] {
  const out: Decision[] = []
  for (const task of view.tasks) {
    if (task.state !== 'open' || task.assignedTo !== null) continue
    for (let t = view.timeS; t <= Math.min(task.windowEndS, view.durationS); t += view.stepS) {
      const sat = view.satellites.find((s) => !s.failed && view.canImage(s.index, task.index, t))
      if (!sat) continue
      out.push({
        kind: 'assignTask',
        satellite: sat.id,
        task: task.id,
        rationale: `${sat.id} sees ${task.id} first`,
      })
      break
    }
  }
  return out
}

function bookPasses(view: WorldView, station: string): Decision[] {
  const j = view.stations.findIndex((s) => s.id === station)
  const until = Math.min(view.durationS, view.timeS + 2 * view.plannerCadenceS)
  const out: Decision[] = []
  for (const sat of view.satellites) {
    for (const [startS, endS] of view.visibilityWindows(sat.index, j, view.timeS, until)) {
      const booked = view.bookings.some(
        (b) => b.satellite === sat.id && b.station === station && b.startS <= endS && b.endS >= startS,
      )
      if (booked) continue
      out.push({
        kind: 'downlink',
        satellite: sat.id,
        station,
        startS,
        endS,
        rationale: `${sat.id} books ${station} for its pass`,
      })
    }
  }
  return out
}
