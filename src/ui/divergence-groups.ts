// Divergence that reads: the moments where two strategies' planners did different things, grouped
// by strategy pair and by kind of action (task assignment, manoeuvre, alert…), each group with its
// count, its first moment and one example per side — instead of one line per moment listing every
// decision of every strategy.

import type { SimEvent } from '../core'
import { divergences, EVENT_LABEL } from './events'

export interface DivergenceGroup {
  /** Strategy indices of the pair, a < b. */
  a: number
  b: number
  /** What kind of action: the decision kind (assignTask, maneuver…) or the event type. */
  kind: string
  label: string
  /** Moments (s after epoch) where the pair differed in this kind, ascending. */
  times: number[]
  /** The first moment's action of each side of this kind, or null when that side did nothing. */
  first: { a: SimEvent | null; b: SimEvent | null }
}

const DECISION_LABEL: Record<string, string> = {
  assignTask: 'task assignments',
  maneuver: 'manoeuvres planned',
  setMode: 'payload modes',
  downlink: 'downlink choices',
  note: 'notes',
}

export function kindOf(e: SimEvent): string {
  const sub = e.type === 'decision' ? e.data?.kind : undefined
  return sub === undefined ? e.type : `decision:${sub}`
}

export function kindLabel(kind: string): string {
  if (kind.startsWith('decision:')) {
    const sub = kind.slice('decision:'.length)
    return DECISION_LABEL[sub] ?? `${sub} decisions`
  }
  return EVENT_LABEL[kind as SimEvent['type']] ?? kind
}

/** Groups, ordered by their first moment (then by pair). */
export function divergenceGroups(logs: readonly (readonly SimEvent[])[]): DivergenceGroup[] {
  const groups: DivergenceGroup[] = []
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const byKind = new Map<string, DivergenceGroup>()
      for (const m of divergences([logs[a], logs[b]]).moments) {
        const kinds = new Set([...m.actions[0], ...m.actions[1]].map(kindOf))
        for (const kind of kinds) {
          let g = byKind.get(kind)
          if (!g) {
            g = {
              a,
              b,
              kind,
              label: kindLabel(kind),
              times: [],
              first: {
                a: m.actions[0].find((e) => kindOf(e) === kind) ?? null,
                b: m.actions[1].find((e) => kindOf(e) === kind) ?? null,
              },
            }
            byKind.set(kind, g)
          }
          g.times.push(m.t)
        }
      }
      groups.push(...byKind.values())
    }
  }
  return groups.sort((x, y) => x.times[0] - y.times[0] || x.a - y.a || x.b - y.b)
}
