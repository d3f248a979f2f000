// Keeps the simulation worker told of the user's strategies: whenever the planner store's
// strategies or modules change, the worker gets each strategy with the text of the modules it
// uses (it runs their planners in Web Workers of their own), and each recorded agent run the
// user opened (with its recording), and setStrategies may name them.

import { manifestOf } from '../planners/manifest'
import type { UserStrategyDef } from '../worker/protocol'
import type { PlannerState, PlannerStore } from './plannerStore'
import type { Session } from './session'

/** The worker's picture of the user's strategies. */
export function userStrategyDefs(
  s: Pick<PlannerState, 'modules' | 'strategies'> & Partial<Pick<PlannerState, 'recordings'>>,
): UserStrategyDef[] {
  const built = s.strategies.map((x) => {
    const ids = new Set(Object.values(x.planners))
    const modules = s.modules
      .filter((m) => m.planners.some((p) => ids.has(p.id)))
      .map((m) => ({ file: m.file, text: m.text, planners: m.planners.map(manifestOf) }))
    return { name: x.name, planners: x.planners, params: x.params, modules }
  })
  const recorded = (s.recordings ?? []).map((r) => ({
    name: r.name,
    planners: {},
    params: {},
    modules: [],
    recording: { file: r.file, data: r.data },
  }))
  return [...built, ...recorded]
}

/** Starts telling the worker; returns the unsubscribe. */
export function syncUserStrategies(session: Session, planners: PlannerStore): () => void {
  return planners.subscribe((s, p) => {
    if (s.strategies !== p.strategies || s.modules !== p.modules || s.recordings !== p.recordings)
      session.setUserStrategies(userStrategyDefs(s))
  })
}
