// The size of the run the file asks for, checked before any work starts: the work estimate and
// the number of samples kept (see core/limits.ts for the limits and why they are what they are).

import { workProblems } from '../../core/limits'
import { list, own, type Report } from './context'
import type { SatelliteIndex } from './satellites'
import type { RunTimes } from './times'

export function checkWork(
  raw: Record<string, unknown>,
  run: RunTimes,
  satellites: SatelliteIndex,
  report: Report,
) {
  const { durationS, stepS, sampleEveryS } = run
  if (durationS === undefined || stepS === undefined || sampleEveryS === undefined) return
  // Broken satellites still count when their ids are known; a broken walker is reported itself.
  const size = {
    durationS,
    stepS,
    sampleEveryS,
    satellites: Math.max(1, satellites.owners.size),
    stations: list(own(raw, 'groundStations')).length,
  }
  for (const problem of workProblems(size)) {
    report(problem.key === 'samples' ? ['sampleEvery'] : ['step'], problem.message)
  }
}
