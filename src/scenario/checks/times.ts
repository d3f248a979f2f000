// Times that must fit the run: the step inside the duration, cadences on the step grid, and
// task windows and event times inside the run.

import type { PathSegment } from '../issues'
import { preview } from '../preview'
import { DEFAULT_PLANNER_CADENCE, DEFAULT_SAMPLE_EVERY, scenarioShape } from '../schema/scenario'
import { own, parsed, type Report } from './context'

export interface RunTimes {
  /** Undefined when the file's duration is itself invalid: nothing is judged against it. */
  durationS: number | undefined
  /** As written, for messages. */
  durationText: unknown
  /** Undefined when invalid, like durationS. */
  stepS: number | undefined
  sampleEveryS: number | undefined
}

export function checkRunTimes(raw: Record<string, unknown>, report: Report): RunTimes {
  const durationText = own(raw, 'duration')
  const durationS = parsed(scenarioShape.duration, durationText)
  const stepText = own(raw, 'step')
  const stepS = parsed(scenarioShape.step, stepText)
  if (durationS !== undefined && stepS !== undefined && stepS > durationS) {
    report(
      ['step'],
      `expected a step no longer than the duration (${preview(durationText)}), got ${preview(stepText)}`,
    )
    // The step is the likely mistake; cadences measured against it would only echo it.
    return { durationS, durationText, stepS: undefined, sampleEveryS: undefined }
  }
  // The engine runs planners and samples on whole steps; a cadence off that grid would drift.
  const cadences = [
    ['plannerCadence', DEFAULT_PLANNER_CADENCE],
    ['sampleEvery', DEFAULT_SAMPLE_EVERY],
  ] as const
  for (const [key, fallback] of cadences) {
    const written = Object.hasOwn(raw, key)
    const seconds = parsed(scenarioShape[key], own(raw, key))
    if (seconds === undefined || stepS === undefined) continue
    const ratio = seconds / stepS
    const whole = Math.round(ratio)
    if (whole < 1 || Math.abs(ratio - whole) > 1e-9 * whole) {
      const got = written ? preview(raw[key]) : `the default ${JSON.stringify(fallback)}`
      report([key], `expected a whole multiple of step (${preview(stepText)}), got ${got}`)
    }
  }
  const sampleEveryS = parsed(scenarioShape.sampleEvery, own(raw, 'sampleEvery'))
  return { durationS, durationText, stepS, sampleEveryS }
}

/** Reports a time (seconds after epoch) that falls after the end of the run. */
export function checkWithinRun(
  run: RunTimes,
  seconds: number,
  written: unknown,
  path: PathSegment[],
  report: Report,
) {
  if (run.durationS !== undefined && seconds > run.durationS) {
    report(
      path,
      `expected a time within the run's duration (${preview(run.durationText)}), got ${preview(written)}`,
    )
  }
}
