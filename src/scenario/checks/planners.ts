// Strategies that name planners the caller does not know.

import type { KnownPlanners } from '../options'
import { preview } from '../preview'
import { PLANNER_KINDS } from '../schema/strategies'
import { didYouMean } from '../suggest'
import { isRecord, own, type Report } from './context'

export function checkPlanners(
  raw: Record<string, unknown>,
  known: KnownPlanners | undefined,
  report: Report,
) {
  const strategies = own(raw, 'strategies')
  if (known === undefined || !isRecord(strategies)) return
  for (const [name, strategy] of Object.entries(strategies)) {
    for (const kind of PLANNER_KINDS) {
      const id = own(strategy, kind)
      if (typeof id !== 'string' || known[kind].includes(id)) continue
      const listed =
        known[kind].length === 0
          ? 'none are registered'
          : known[kind].map((k) => JSON.stringify(k)).join(', ')
      report(
        ['strategies', name, kind],
        `expected a known ${kind} planner (${listed}), got ${preview(id)}${didYouMean(id, known[kind])}`,
      )
    }
  }
}
