// A small scene for payload tests whose timing comes from the scenario itself: satellite P1-S1
// passes over an image target ('img', 800 Mb) at T+600 s and, later in the same orbit, between
// two ground stations ('north' and 'south', 1° of latitude either side of its track at
// T+1500 s), which both see the same pass. The downlink is slowed to 1 Mbit/s (30 Mb a 30 s
// step), so one pass never empties the image and a link shows in every step of a contact.
// Optionally a second satellite, P1-S2, flies 3° behind P1-S1 in the same orbit.

import {
  type BusSpec,
  createSimulation,
  DEG,
  type Decision,
  type ScenarioSpec,
  type Simulation,
  type TaskSpec,
} from '../../src/core'
import { makeSpec, TEST_BUS, walker } from './spec-fixture'

export const PASS_BUS: BusSpec = { ...TEST_BUS, downlinkRateBps: 1e6 }
export const IMAGE_BITS = 800e6
export const TARGET_AT_S = 600
const STATIONS_AT_S = 1500

export interface PassOptions {
  /** Changes to P1-S1's bus (P1-S2 keeps PASS_BUS). */
  bus?: Partial<BusSpec>
  /** Adds P1-S2, 3° behind P1-S1. */
  trailer?: boolean
  /** Replaces the default task list (one 800 Mb image of the target). */
  tasks?: (target: TaskSpec['target']) => TaskSpec[]
  events?: ScenarioSpec['events']
}

export function passSpec(options: PassOptions = {}): ScenarioSpec {
  const [lead] = walker(1, 1, 0, 550, 53)
  const base = makeSpec({ satellites: [lead], groundStations: [], tasks: [], durationS: 3 * 3600 })
  // Where P1-S1 is at the two moments, from a run of the same orbit with nothing else in it.
  const probe = createSimulation(base)
  probe.runUntil(TARGET_AT_S)
  const under = probe.view().satellites[0]
  const target = { latRad: under.latRad, lonRad: under.lonRad }
  probe.runUntil(STATIONS_AT_S)
  const over = probe.view().satellites[0]
  const station = (id: string, dLatDeg: number) => ({
    id,
    name: id,
    latRad: over.latRad + dLatDeg * DEG,
    lonRad: over.lonRad,
    altM: 0,
    minElevationRad: 5 * DEG,
  })
  const satellites = [{ ...lead, bus: { ...PASS_BUS, ...options.bus } }]
  if (options.trailer && lead.orbit.kind === 'kepler') {
    const { elements } = lead.orbit
    satellites.push({
      ...lead,
      id: 'P1-S2',
      slot: 1,
      bus: PASS_BUS,
      orbit: { kind: 'kepler', elements: { ...elements, m0: elements.m0 - 3 * DEG } },
    })
  }
  return {
    ...base,
    satellites,
    groundStations: [station('north', 1), station('south', -1)],
    tasks: options.tasks?.(target) ?? [imageTask('img', target)],
    events: options.events ?? [],
  }
}

/** An image of `target` open all through the fixture's three hours (by default 800 Mb). */
export function imageTask(id: string, target: TaskSpec['target'], dataBits = IMAGE_BITS): TaskSpec {
  return { id, kind: 'image', target, windowStartS: 0, windowEndS: 3 * 3600, priority: 1, dataBits }
}

/** An allocation decision: `satellite` images `task` (by default P1-S1, the fixture's image). */
export function assign(task = 'img', satellite = 'P1-S1'): Decision {
  return { kind: 'assignTask', satellite, task, rationale: `${satellite} images ${task}` }
}

/** A booked contact of `satellite` (by default P1-S1) with `station` over [startS, endS]. */
export function booking(station: string, startS: number, endS: number, satellite = 'P1-S1'): Decision {
  return { kind: 'downlink', satellite, station, startS, endS, rationale: `${satellite} books ${station}` }
}

export interface StepRecord {
  t: number
  /** linkStation of each satellite: the station index it transmits to, -1 for none. */
  link: number[]
  storageBits: number[]
  status: string[]
}

/** Steps to `untilS`, recording each step's links, storage and status. */
export function trace(sim: Simulation, untilS: number): StepRecord[] {
  const out: StepRecord[] = []
  while (sim.time() < untilS && sim.step()) {
    const s = sim.state()
    out.push({
      t: sim.time(),
      link: Array.from(s.linkStation),
      storageBits: Array.from(s.storageBits),
      status: sim.view().satellites.map((x) => x.status),
    })
  }
  return out
}
