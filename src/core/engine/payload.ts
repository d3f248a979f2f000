// Imaging, downlink and the power balance for one step. Imaging fills storage; downlink drains
// it first-in first-out during contacts; loads and sunlight move the battery's energy. A
// satellite below its minimum state of charge sheds payload loads until it recovers.

import type { SimEvent } from '../events'
import { targetInFootprint } from '../geometry'
import { COMPONENT_NAMES } from '../spec'
import { isVisible } from './geometry-pass'
import { NC, type SimState } from './state'
import type { World } from './world'

/** Edge mode: an image processed on board keeps this fraction of its raw size. */
export const EDGE_COMPRESSION = 0.1
/** Edge mode: onboard processing throughput, bit/s of raw data. */
export const EDGE_PROCESSING_BPS = 20e6
/** Leave safe mode only above the minimum plus this margin (hysteresis, so it does not chatter). */
const SAFE_EXIT_MARGIN = 0.1

const BATTERY = COMPONENT_NAMES.indexOf('battery')

export interface PayloadScratch {
  imaging: Uint8Array
  transmitting: Uint8Array
  /** Which satellite each station serves this step, -1 for none. */
  stationSat: Int32Array
}

export function makePayloadScratch(world: World): PayloadScratch {
  return {
    imaging: new Uint8Array(world.satCount),
    transmitting: new Uint8Array(world.satCount),
    stationSat: new Int32Array(world.stations.length),
  }
}

/** Open, expire and capture tasks. `needAssignment`: only planner-assigned tasks are imaged. */
export function imagingPass(
  world: World,
  s: SimState,
  scratch: PayloadScratch,
  needAssignment: boolean,
  log: (e: SimEvent) => void,
): void {
  scratch.imaging.fill(0)
  const t = s.t
  for (let q = 0; q < s.knownTasks; q++) {
    const task = world.tasks[q]
    const rec = s.tasks[q]
    if (rec.state === 'pending' && t >= task.windowStartS) rec.state = 'open'
    if (rec.state !== 'open') continue
    if (t > task.windowEndS) {
      rec.state = 'expired'
      log({ t, type: 'taskExpired', task: task.id, message: `Task ${task.id} expired uncaptured.` })
      continue
    }
    const first = rec.assignedTo >= 0 ? rec.assignedTo : needAssignment ? world.satCount : 0
    const last = rec.assignedTo >= 0 ? rec.assignedTo + 1 : world.satCount
    for (let k = first; k < last; k++) {
      if (!canCapture(world, s, k, task.dataBits, scratch)) continue
      const o = 3 * k
      const g = 3 * q
      const inView = targetInFootprint(
        s.ecef[o],
        s.ecef[o + 1],
        s.ecef[o + 2],
        world.targetEcef[g],
        world.targetEcef[g + 1],
        world.targetEcef[g + 2],
        world.cosOffNadir[k],
      )
      if (!inView) continue
      const edge = s.edgeMode[k] === 1
      const stored = edge ? task.dataBits * EDGE_COMPRESSION : task.dataBits
      s.storageBits[k] += stored
      if (edge) s.processingS[k] += task.dataBits / EDGE_PROCESSING_BPS
      rec.state = 'captured'
      rec.capturedBy = k
      rec.capturedAtS = t
      rec.bitsOnBoard = stored
      scratch.imaging[k] = 1
      const sat = world.sats[k].id
      log({
        t,
        type: 'taskCaptured',
        satellite: sat,
        task: task.id,
        message: `${sat} imaged ${task.id} (priority ${task.priority}, ${(stored / 1e6).toFixed(0)} Mb stored${edge ? ' after onboard processing' : ''}).`,
      })
      break
    }
  }
}

function canCapture(world: World, s: SimState, k: number, bits: number, scratch: PayloadScratch): boolean {
  // A failed reaction wheel (no pointing) fails the whole satellite (health.ts): `failed` covers it.
  if (s.failed[k] !== 0 || s.safe[k] !== 0 || scratch.imaging[k] !== 0) return false
  const room = world.sats[k].bus.storageBits - s.storageBits[k]
  const need = s.edgeMode[k] === 1 ? bits * EDGE_COMPRESSION : bits
  return room >= need
}

/**
 * Chooses who transmits to whom this step: booked contacts first, then each idle station
 * serves the visible satellite with the most data (`bestSat` from the geometry pass).
 * Returns the number of links.
 */
export function downlinkPass(
  world: World,
  s: SimState,
  scratch: PayloadScratch,
  bestSat: Int32Array,
  dt: number,
  log: (e: SimEvent) => void,
): number {
  const ns = world.stations.length
  scratch.transmitting.fill(0)
  scratch.stationSat.fill(-1)
  s.linkStation.fill(-1)
  const t = s.t
  // Contacts that ended are done with: keep the list to the bookings still ahead.
  if (s.bookings.some((b) => b.endS < t)) s.bookings = s.bookings.filter((b) => b.endS >= t)
  for (const b of s.bookings) {
    if (t < b.startS || t > b.endS) continue
    tryLink(world, s, scratch, b.satellite, b.station, ns)
  }
  for (let j = 0; j < ns; j++) {
    const k = bestSat[j]
    if (k >= 0 && scratch.stationSat[j] < 0) tryLink(world, s, scratch, k, j, ns)
  }
  let sent = 0
  let links = 0
  for (let j = 0; j < ns; j++) {
    const k = scratch.stationSat[j]
    if (k < 0) continue
    links++
    const bits = Math.min(s.storageBits[k], world.sats[k].bus.downlinkRateBps * dt)
    s.storageBits[k] -= bits
    sent += bits
    drainTasks(world, s, k, bits, log)
  }
  s.acc.deliveredBits += sent
  return links
}

function tryLink(
  _world: World,
  s: SimState,
  scratch: PayloadScratch,
  k: number,
  j: number,
  ns: number,
): void {
  if (scratch.transmitting[k] !== 0 || scratch.stationSat[j] >= 0) return
  if (!isVisible(s.visible, ns, k, j) || s.failed[k] !== 0 || s.safe[k] !== 0 || s.storageBits[k] <= 0) return
  scratch.transmitting[k] = 1
  scratch.stationSat[j] = k
  s.linkStation[k] = j
}

/** Downlinked bits leave the oldest captured task first; a task whose last bit lands is done. */
function drainTasks(world: World, s: SimState, k: number, bits: number, log: (e: SimEvent) => void): void {
  while (bits > 0) {
    let oldest = -1
    for (let q = 0; q < s.knownTasks; q++) {
      const rec = s.tasks[q]
      if (rec.capturedBy !== k || rec.bitsOnBoard <= 0) continue
      if (oldest < 0 || rec.capturedAtS < s.tasks[oldest].capturedAtS) oldest = q
    }
    if (oldest < 0) return
    const rec = s.tasks[oldest]
    const take = Math.min(bits, rec.bitsOnBoard)
    rec.bitsOnBoard -= take
    bits -= take
    if (rec.bitsOnBoard <= 1e-6) {
      rec.bitsOnBoard = 0
      rec.state = 'delivered'
      const task = world.tasks[oldest]
      const station = world.stations[s.linkStation[k]].id
      const latencyS = s.t - task.windowStartS
      log({
        t: s.t,
        type: 'taskDelivered',
        satellite: world.sats[k].id,
        station,
        task: task.id,
        message: `${task.id} delivered through ${station}, ${(latencyS / 60).toFixed(0)} min after its window opened.`,
        data: { latencyS, priority: task.priority },
      })
    }
  }
}

/** Battery energy for one step; enters or leaves safe mode. Returns the fleet's lowest SoC. */
export function powerPass(
  world: World,
  s: SimState,
  scratch: PayloadScratch,
  dt: number,
  log: (e: SimEvent) => void,
): number {
  const stormLoss = !Number.isNaN(s.stormEndS) ? s.stormPowerLoss : 0
  const b = world.bus
  const { energyJ, health, sunlit, processingS, failed, safe } = s
  const imaging = scratch.imaging
  const transmitting = scratch.transmitting
  const nc = NC // read once (an imported name is a getter call per use under tsx's CommonJS)
  let minSoc = 1
  for (let k = 0; k < world.satCount; k++) {
    if (failed[k] !== 0) continue
    const capacity = b.batteryCapacityJ[k] * health[k * nc + BATTERY]
    let load = b.baseLoadW[k]
    if (imaging[k] !== 0) load += b.imagingLoadW[k]
    if (transmitting[k] !== 0) load += b.downlinkLoadW[k]
    if (processingS[k] > 0) {
      load += b.processingLoadW[k] * Math.min(1, processingS[k] / dt)
      processingS[k] = Math.max(0, processingS[k] - dt)
    }
    // Times the 0/1 flag rather than a branch (sunlit or not is a coin toss across a scattered fleet).
    const input = b.solarPowerW[k] * (1 - stormLoss) * sunlit[k]
    let e = energyJ[k] + (input - load) * dt
    if (e > capacity) e = capacity
    if (e < 0) e = 0
    energyJ[k] = e
    const soc = capacity > 0 ? e / capacity : 0
    if (soc < minSoc) minSoc = soc
    const floor = b.minSoc[k]
    if (safe[k] === 0 && soc < floor) {
      safe[k] = 1
      const id = world.sats[k].id
      log({
        t: s.t,
        type: 'lowPower',
        satellite: id,
        message: `${id} battery at ${(soc * 100).toFixed(0)}%, below its ${(floor * 100).toFixed(0)}% minimum: payload off.`,
      })
    } else if (safe[k] !== 0 && soc >= floor + SAFE_EXIT_MARGIN) safe[k] = 0
  }
  return minSoc
}
