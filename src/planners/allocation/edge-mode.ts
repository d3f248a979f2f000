// Onboard processing ("edge AI") policy for the allocation planners: which satellites should store
// processed images (10 % of the raw size, at the cost of processing power) instead of raw data.
//
// - never: no mode decisions.
// - always: every working satellite in raw mode is switched to edge.
// - auto: a satellite switches to edge when storage or downlink is its bottleneck in this horizon
//   (room for fewer raw images than it could take, or more data on board plus those images than
//   its share of station time can send, when that time is not nil) and its battery allows it
//   (it has charge above EDGE_ENTER_MARGIN over its minimum, and processing one image costs at
//   most half of that charge);
//   it switches back to raw when its charge falls within EDGE_EXIT_MARGIN of the minimum.
//
// Pure: a function of the view and the problem; returns decisions and the modes they lead to.

import type { ModeDecision } from '../../core/decisions'
import { EDGE_COMPRESSION, EDGE_PROCESSING_BPS } from '../../core/engine/payload'
import type { WorldView } from '../../core/view'
import type { EdgePolicy } from './params'
import { type AllocationProblem, largestImage, satSlotTotals } from './problem'

export const EDGE_ENTER_MARGIN = 0.3
export const EDGE_EXIT_MARGIN = 0.15

const pct = (x: number) => `${Math.round(x * 100)} %`
const gb = (bits: number) => `${(bits / 1e9).toFixed(1)} Gb`
const wh = (j: number) => `${(j / 3600).toFixed(0)} Wh`

export function edgeDecisions(
  view: WorldView,
  p: AllocationProblem,
  policy: EdgePolicy,
): { decisions: ModeDecision[]; edge: Uint8Array } {
  const edge = p.edge.slice()
  const decisions: ModeDecision[] = []
  if (policy === 'never') return { decisions, edge }
  if (policy === 'always') {
    for (const sat of view.satellites) {
      if (sat.failed || sat.mode === 'edge') continue
      const c = p.sats.indexOf(sat)
      if (c >= 0) edge[c] = 1
      decisions.push({
        kind: 'setMode',
        satellite: sat.id,
        mode: 'edge',
        rationale: `${sat.id}: edge policy "always": process images on board and store 10 % of the raw size.`,
      })
    }
    return { decisions, edge }
  }
  // auto: leave edge mode on a low battery (any working satellite, tasked or not).
  for (const sat of view.satellites) {
    if (sat.failed || sat.mode !== 'edge' || sat.soc >= sat.bus.minSoc + EDGE_EXIT_MARGIN) continue
    const c = p.sats.indexOf(sat)
    if (c >= 0) edge[c] = 0
    decisions.push({
      kind: 'setMode',
      satellite: sat.id,
      mode: 'raw',
      rationale:
        `${sat.id}: battery at ${pct(sat.soc)}, within ${pct(EDGE_EXIT_MARGIN)} of its ` +
        `${pct(sat.bus.minSoc)} minimum: stop onboard processing.`,
    })
  }
  p.sats.forEach((sat, c) => {
    if (sat.mode === 'edge') return
    const raw = satSlotTotals(p, c, false)
    if (raw.budget === 0) return
    const big = largestImage(p, c, false)
    // Storage-bound: room for fewer raw images than it could take. Downlink-bound: what is on
    // board plus those images is more than its share of station time can send in the horizon,
    // and that time could carry at least one processed image (with no contact, edge gains nothing).
    const backlog = sat.storageUsedBits + raw.budget * big
    const storageBound = raw.slots < raw.budget
    const downlinkBound = backlog > p.downlinkBits[c] && p.downlinkBits[c] >= big * EDGE_COMPRESSION
    if (!storageBound && !downlinkBound) return
    const spareJ = (sat.soc - sat.bus.minSoc - EDGE_ENTER_MARGIN) * sat.bus.batteryCapacityJ
    const perImageJ = (big * sat.bus.processingLoadW) / EDGE_PROCESSING_BPS
    if (spareJ <= 0 || perImageJ > 0.5 * spareJ) return
    edge[c] = 1
    const why = storageBound
      ? `storage and downlink hold ${raw.slots} of the ${raw.budget} raw images it could take`
      : `${gb(backlog)} to send against ${gb(p.downlinkBits[c])} of expected station time`
    decisions.push({
      kind: 'setMode',
      satellite: sat.id,
      mode: 'edge',
      rationale:
        `${sat.id}: ${why}; processing an image on board costs ${wh(perImageJ)} of the ` +
        `${wh(spareJ)} above its reserve: edge mode.`,
    })
  })
  return { decisions, edge }
}
