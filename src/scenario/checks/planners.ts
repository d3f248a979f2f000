// Strategy names that are reserved or too many, and strategies that name planners the caller
// does not know.

import type { KnownPlanners } from '../options'
import { preview } from '../preview'
import { RESERVED_NAMES, reservedName } from '../schema/fields'
import { MAX_STRATEGIES, PLANNER_KINDS } from '../schema/strategies'
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

/**
 * Read from the raw file because the schema never sees "__proto__": a JSON object keeps it as
 * an ordinary key, but the parsed record loses it, so the strategy would vanish without a word.
 */
export function checkStrategyNames(raw: Record<string, unknown>, report: Report) {
  const strategies = own(raw, 'strategies')
  if (!isRecord(strategies)) return
  const names = Object.keys(strategies)
  for (const name of names) {
    if (RESERVED_NAMES.has(name)) report(['strategies', name], reservedName('a strategy name', name))
  }
  if (names.length > MAX_STRATEGIES) {
    report(['strategies'], `expected at most ${MAX_STRATEGIES} strategies, got ${names.length}`)
  }
}
