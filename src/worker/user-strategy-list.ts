// The user's own strategies as the UI last said they are. Binding one for a run (its planners
// behind the isolation boundary, user-strategies.ts) is fetched the first time a run shows one
// (on-demand.ts): a page that never adds a strategy of its own never loads it.

import type { UserStrategyDef } from './protocol'

export { bindingModule } from './on-demand'
export type { BindOptions } from './user-strategies'

/** The most user strategies the worker keeps (the UI allows fewer). */
const MAX_DEFS = 16

export class UserStrategies {
  private readonly defs = new Map<string, UserStrategyDef>()

  /** Replaces the list; returns the names whose definition changed or went away. */
  set(list: readonly UserStrategyDef[]): string[] {
    const before = new Map(this.defs)
    this.defs.clear()
    for (const d of Array.isArray(list) ? list.slice(0, MAX_DEFS) : [])
      if (d && typeof d.name === 'string') this.defs.set(d.name, d)
    const changed: string[] = []
    for (const [name, old] of before) {
      const now = this.defs.get(name)
      if (!now || JSON.stringify(now) !== JSON.stringify(old)) changed.push(name)
    }
    return changed
  }

  get(name: string): UserStrategyDef | undefined {
    return this.defs.get(name)
  }
}
