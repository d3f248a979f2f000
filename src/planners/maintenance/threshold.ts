// maintenance/threshold — the static limit check a ground operator would set up first: alert
// when the median of the last few health samples is below a fixed threshold a little above the
// failure limit. Simple and hard to fool with noise, but it only speaks when the component is
// nearly worn out, so its warnings come late. Stateless: everything comes from the view.

import { z } from 'zod'
import type { AlertDecision, WorldView } from '../../core'
import { formatElapsed } from '../../core'
import type { Planner } from '../planner'
import { channelName, f2, raised, watchedChannels } from './channels'
import { median } from './stats'

export const thresholdParams = z.strictObject({
  /** Alert below this health; default: the scenario's failure limit + 0.1. */
  threshold: z.number().gt(0).lt(1).optional(),
  /** How many of the latest samples the median takes (1 = the raw latest sample). */
  samples: z.int().min(1).max(50).default(3),
  /** Ask the strategy to stop relying on the satellite when the alert is raised. */
  retire: z.boolean().default(true),
})
export type ThresholdParams = z.infer<typeof thresholdParams>

export function planThreshold(view: WorldView, p: ThresholdParams): AlertDecision[] {
  const limit = p.threshold ?? view.failureHealth + 0.1
  const out: AlertDecision[] = []
  for (const ch of watchedChannels(view)) {
    if (raised(view, ch.sat.id, ch.component) !== 'none') continue
    if (ch.v.length < p.samples) continue
    const level = median(ch.v.subarray(ch.v.length - p.samples))
    if (!(level < limit)) continue
    const what = p.samples === 1 ? 'latest sample' : `median of last ${p.samples} samples`
    out.push({
      kind: 'alert',
      satellite: ch.sat.id,
      component: ch.component,
      severity: 'critical',
      retire: p.retire,
      rationale:
        `${channelName(ch.sat.id, ch.component)} health ${f2(level)} (${what}) is below the ` +
        `${f2(limit)} threshold at ${formatElapsed(view.timeS)}; failure limit ${f2(view.failureHealth)}` +
        (p.retire ? '; retire it' : ''),
    })
  }
  return out
}

export const thresholdPlanner: Planner<ThresholdParams> = {
  id: 'maintenance/threshold',
  kind: 'maintenance',
  label: 'Static threshold',
  description:
    'Raises a critical alert (and retires the satellite) when the median of the last few health ' +
    'samples falls below a fixed threshold just above the failure limit. Robust to noise, but ' +
    'it only notices wear when the component is nearly worn out, so the warning comes late.',
  params: thresholdParams,
  plan: planThreshold,
}
