// What every maintenance planner reads the same way: the telemetry channels still worth
// watching (working satellites, working thrusters), their finite samples, what was already
// raised on each (so nobody repeats an alert) and the words used in rationales. Reads only the
// view; keeps nothing between calls.

import type { ComponentName, SatelliteView, WorldView } from '../../core'
import { COMPONENT_NAMES } from '../../core'

export interface Channel {
  sat: SatelliteView
  component: ComponentName
  /** Sample times, s after epoch, oldest first (finite samples only). */
  t: Float64Array
  /** Measured health (noisy), same length as t. */
  v: Float64Array
}

export type Raised = 'none' | 'warning' | 'critical'

/** The highest severity already alerted on one satellite's component (by any planner). */
export function raised(view: WorldView, satellite: string, component: ComponentName): Raised {
  let out: Raised = 'none'
  for (const a of view.alerts) {
    if (a.satellite !== satellite || a.component !== component) continue
    if (a.severity === 'critical') return 'critical'
    out = 'warning'
  }
  return out
}

/**
 * Channels a planner should look at now, in satellite then component order: the satellite has
 * not failed, the component is not known to have failed (a dead thruster reads 0), and
 * nothing critical was raised on it yet. Samples that are not numbers are dropped.
 */
export function watchedChannels(view: WorldView): Channel[] {
  const out: Channel[] = []
  for (const sat of view.satellites) {
    if (sat.failed) continue
    for (const component of COMPONENT_NAMES) {
      if (component === 'thruster' && !sat.thrusterOk) continue
      if (raised(view, sat.id, component) === 'critical') continue
      const tel = view.telemetry(sat.index, component)
      let n = 0
      for (let i = 0; i < tel.v.length; i++) if (Number.isFinite(tel.v[i])) n++
      const t = new Float64Array(n)
      const v = new Float64Array(n)
      for (let i = 0, j = 0; i < tel.v.length; i++) {
        if (!Number.isFinite(tel.v[i])) continue
        t[j] = tel.t[i]
        v[j++] = tel.v[i]
      }
      out.push({ sat, component, t, v })
    }
  }
  return out
}

/** Index of the first sample at or after tS (samples sorted by time). */
export function firstAtOrAfter(t: Float64Array, tS: number): number {
  let i = 0
  while (i < t.length && t[i] < tS) i++
  return i
}

const WORDS: Record<ComponentName, string> = {
  reactionWheel: 'reaction-wheel',
  battery: 'battery',
  thruster: 'thruster',
}

/** "P1-S3 reaction-wheel" for rationales. */
export function channelName(satellite: string, component: ComponentName): string {
  return `${satellite} ${WORDS[component]}`
}

/** A health value or rate with two significant decimals, "0.62". */
export const f2 = (x: number): string => x.toFixed(2)
/** Hours with one decimal, "10.3". */
export const hours = (s: number): string => (s / 3600).toFixed(1)
