// The "better value" rule written from its contract, independently of core's bestIndex, for the
// tests that check bestIndex and the tables that use it: missing and non-finite values do not
// count; the first of the extreme values wins; no mark when every value is the same or none is
// usable.

import type { MetricDef } from '../../src/core'

export function referenceBest(def: Pick<MetricDef, 'better'>, values: readonly (number | null)[]): number {
  const usable = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (usable.length === 0) return -1
  const extreme = def.better === 'higher' ? Math.max(...usable) : Math.min(...usable)
  if (values.every((v) => v === extreme)) return -1
  return values.indexOf(extreme)
}
