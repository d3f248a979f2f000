// A module the simulation worker fetches the first time it is needed rather than with the
// worker itself: the scenario validator (scenario-reader.ts), the Export menu's formatters and
// the binding of a user's strategies. The default scenario's first frame needs none of them, so
// none is in the JavaScript fetched before it.

export interface OnDemand<T> {
  /** The module once it has arrived, else null (then call `load`). */
  get(): T | null
  /** Fetches it (once; after a failed fetch the next call tries again). */
  load(): Promise<T>
}

export function onDemand<T>(fetch: () => Promise<T>): OnDemand<T> {
  let value: T | null = null
  let loading: Promise<T> | null = null
  return {
    get: () => value,
    load() {
      loading ??= fetch().then(
        (m) => (value = m),
        (err: unknown) => {
          loading = null
          throw err
        },
      )
      return loading
    },
  }
}

/** Calls `use` with the module: at once when it is here, else once it has arrived (or `failed`). */
export function withModule<T>(m: OnDemand<T>, use: (value: T) => void, failed: (err: unknown) => void): void {
  const value = m.get()
  if (value) use(value)
  else m.load().then(use, failed)
}

/** The scenario validator: the loader, zod's scenario schema, the element-set readers. */
export const validatorModule = onDemand(() => import('../scenario/loader'))
/** The Export menu's files (core/export's formatters). */
export const exportsModule = onDemand(() => import('./exports'))
/** Binding a user's strategy: the isolation host, recorded runs. */
export const bindingModule = onDemand(() => import('./user-strategies'))
