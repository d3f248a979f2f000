// The scenario validator in the simulation worker, loaded on demand: the loader with zod's
// scenario schema, the cross-checks and the element-set readers is about a third of the worker's
// JavaScript, and the page's first load (the built-in default, built-in-load.ts) does not need it.
// A file the user opens, another built-in scenario or a stress run waits for it once; from then
// on it is here, and every text is validated by it exactly as before.

import { registry as builtInPlanners } from '../planners'
import type { PlannerRegistry } from '../planners/registry'
import type { ScenarioIssue } from '../scenario/issues'
import type { LoadResult, loadScenarioText } from '../scenario/loader'
import { builtInLoad } from './built-in-load'
import { validatorModule } from './on-demand'

export interface ScenarioReader {
  loadScenarioText: typeof loadScenarioText
}

/** The validator when it has been loaded, else null. */
export function scenarioReader(): ScenarioReader | null {
  return validatorModule.get()
}

/** Loads the validator (once; a failed fetch may be tried again by the next call). */
export function loadScenarioReader(): Promise<ScenarioReader> {
  return validatorModule.load()
}

/**
 * The loader's answer for a text: the built-in default's from the build (with the built-in
 * planners only: a test's registry may name others), else the validator's; null while the
 * validator has not arrived (loadScenarioReader, then ask again).
 */
export function readScenario(text: string, file: string, planners: PlannerRegistry): LoadResult | null {
  const builtIn = planners === builtInPlanners ? builtInLoad(text) : null
  if (builtIn) return builtIn
  const reader = scenarioReader()
  return reader ? reader.loadScenarioText(text, file, { knownPlanners: planners.names() }) : null
}

/** What a load says when the validator could not be fetched (the running scenario stays). */
export function validatorMissing(file: string, err: unknown): ScenarioIssue {
  const why = err instanceof Error ? err.message : String(err)
  return { file, path: '', message: `the scenario validator could not be loaded (${why}); try again` }
}

/**
 * Requests held while something they depend on loads: `waitFor` starts holding; every request
 * handed to `hold` meanwhile is kept, and when the promise settles `then` (or `failed`) runs
 * first and the kept requests follow in the order they came. A kept request that starts another
 * wait (a second load while the validator could not be fetched) holds the rest again.
 */
export class HeldRequests<M> {
  private queue: M[] | null = null

  constructor(
    private readonly handle: (msg: M) => void,
    private readonly fail: (err: unknown) => void,
  ) {}

  /** Keeps `msg` and returns true while waiting; false otherwise (handle it now). */
  hold(msg: M): boolean {
    if (!this.queue) return false
    this.queue.push(msg)
    return true
  }

  waitFor<T>(promise: Promise<T>, then: () => void, failed: (err: unknown) => void): void {
    this.queue = []
    promise.then(
      () => this.resume(then),
      (err: unknown) => this.resume(() => failed(err)),
    )
  }

  private holding(): M[] | null {
    return this.queue
  }

  private resume(first: () => void): void {
    const kept = this.queue ?? []
    this.queue = null
    try {
      first()
    } catch (err) {
      this.fail(err)
    }
    for (let k = 0; k < kept.length; k++) {
      // Read through a method: handling a request may have started another wait.
      const again = this.holding()
      if (again) {
        again.push(...kept.slice(k))
        return
      }
      this.handle(kept[k])
    }
  }
}
