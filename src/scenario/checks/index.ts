// Rules that relate one part of a file to another, which no single field's schema can see.
// Each rule reads the raw file defensively; see context.ts.

import type { RawIssue } from '../issues'
import type { LoadOptions } from '../options'
import { checkEvents, checkTasks } from './activity'
import { collector, isRecord } from './context'
import { checkPlanners, checkStrategyNames } from './planners'
import { indexSatellites } from './satellites'
import { indexStations } from './stations'
import { checkRunTimes } from './times'
import { checkWork } from './work'

export function crossCheck(raw: unknown, options: LoadOptions = {}): RawIssue[] {
  if (!isRecord(raw)) return []
  const { issues, report } = collector()
  const run = checkRunTimes(raw, report)
  const satellites = indexSatellites(raw, report)
  const stations = indexStations(raw, report)
  checkWork(raw, run, satellites, report)
  checkTasks(raw, run, report)
  checkEvents(raw, run, satellites, stations, report)
  checkStrategyNames(raw, report)
  checkPlanners(raw, options.knownPlanners, report)
  return issues
}
