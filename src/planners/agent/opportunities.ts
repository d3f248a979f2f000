// The imaging opportunities sent with each plan message, so an agent need not find them with
// thousands of canImage queries: for every task that is pending or open in the horizon (from the
// call's time to the next planner call), each healthy satellite's first window over the target,
// found with the view's own canImage — the function a TypeScript planner calls — at sample times
// on the engine's step. Bounded (core/limits.ts): tasks are scanned in order of priority, then
// deadline, and those past MAX_OPPORTUNITY_CHECKS are left out with `complete: false`.

import {
  MAX_OPPORTUNITIES,
  MAX_OPPORTUNITY_CHECKS,
  MAX_OPPORTUNITY_HORIZON_S,
  MAX_OPPORTUNITY_SAMPLES,
} from '../../core/limits'
import type { WorldView } from '../../core/view'

export interface ImagingOpportunity {
  /** Task and satellite indices in the view's lists. */
  task: number
  satellite: number
  /** First and last sample time at which the target is in the satellite's footprint. */
  startS: number
  endS: number
}

export interface Opportunities {
  fromS: number
  toS: number
  sampleS: number
  /** False when a bound left tasks (or windows) out; `tasksScanned` tasks were looked at. */
  complete: boolean
  tasksScanned: number
  /** Sorted by start, then task, then satellite. */
  imaging: ImagingOpportunity[]
}

export function imagingOpportunities(view: WorldView): Opportunities {
  const fromS = view.timeS
  const toS = Math.max(
    fromS,
    Math.min(view.durationS, fromS + Math.min(view.plannerCadenceS, MAX_OPPORTUNITY_HORIZON_S)),
  )
  const sampleS = Math.max(view.stepS, (toS - fromS) / (MAX_OPPORTUNITY_SAMPLES - 1))
  const sats = view.satellites.filter((s) => !s.failed && !s.retired).map((s) => s.index)
  const tasks = view.tasks
    .filter(
      (t) => (t.state === 'pending' || t.state === 'open') && t.windowEndS >= fromS && t.windowStartS <= toS,
    )
    .sort((a, b) => b.priority - a.priority || a.windowEndS - b.windowEndS || a.index - b.index)
  const imaging: ImagingOpportunity[] = []
  let checks = 0
  let scanned = 0
  let complete = true
  for (const t of tasks) {
    // Sample times on the call's grid, inside both the horizon and the task's window.
    const first = Math.max(0, Math.ceil((Math.max(fromS, t.windowStartS) - fromS) / sampleS - 1e-9))
    const last = Math.floor((Math.min(toS, t.windowEndS) - fromS) / sampleS + 1e-9)
    const n = Math.max(0, last - first + 1)
    if (checks + n * sats.length > MAX_OPPORTUNITY_CHECKS || imaging.length >= MAX_OPPORTUNITIES) {
      complete = false
      break
    }
    checks += n * sats.length
    scanned++
    for (const k of sats) {
      let start = Number.NaN
      let end = Number.NaN
      for (let i = first; i <= last; i++) {
        const tS = fromS + i * sampleS
        if (view.canImage(k, t.index, tS)) {
          if (Number.isNaN(start)) start = tS
          end = tS
        } else if (!Number.isNaN(start)) break
      }
      if (Number.isNaN(start)) continue
      if (imaging.length >= MAX_OPPORTUNITIES) {
        complete = false
        break
      }
      imaging.push({ task: t.index, satellite: k, startS: start, endS: end })
    }
  }
  imaging.sort((a, b) => a.startS - b.startS || a.task - b.task || a.satellite - b.satellite)
  return { fromS, toS, sampleS, complete, tasksScanned: scanned, imaging }
}
