// Divergence grouped by strategy pair and kind: many moments of one kind read as one group with a
// count, its first moment and one example per side; shared actions are no divergence at all.

import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../../src/core'
import { divergenceGroups } from '../../src/ui/divergence-groups'

const assign = (t: number, sat: string): SimEvent =>
  ({
    t,
    type: 'decision',
    satellite: sat,
    message: `assign ${sat} at ${t}`,
    data: { kind: 'assignTask' },
  }) as SimEvent
const burn = (t: number): SimEvent =>
  ({ t, type: 'maneuverExecuted', satellite: 'S1', message: `burn at ${t}` }) as SimEvent

describe('divergenceGroups', () => {
  it('groups per pair and kind, with counts, the first moment and an example of each side', () => {
    const a = [assign(0, 'S1'), assign(600, 'S2'), assign(1200, 'S3'), burn(1800)]
    const b = [assign(0, 'S1'), assign(600, 'S4'), assign(1200, 'S5')]
    const c = [assign(0, 'S1'), assign(600, 'S2'), assign(1200, 'S3'), burn(1800)]
    const groups = divergenceGroups([a, b, c])
    const summary = groups.map((g) => `${g.a}-${g.b} ${g.kind} ${g.times.join(',')}`)
    expect(summary).toEqual([
      '0-1 decision:assignTask 600,1200',
      '1-2 decision:assignTask 600,1200',
      '0-1 maneuverExecuted 1800',
      '1-2 maneuverExecuted 1800',
    ])
    expect(groups[0].label).toBe('task assignments')
    expect(groups[0].first.a?.message).toBe('assign S2 at 600')
    expect(groups[0].first.b?.message).toBe('assign S4 at 600')
    expect(groups[2].first.b).toBeNull()
  })

  it('finds no group between strategies that did the same things', () => {
    const a = [assign(0, 'S1'), burn(60)]
    expect(divergenceGroups([a, [...a]])).toEqual([])
  })
})
