// Dev harness only (scene-demo.html): runs the real engine in a Web Worker and posts the same
// FrameMessage the app's worker will, so SimScene can be looked at before the app wiring lands.
// The default scenario, or a synthetic Walker constellation of any size for performance checks.

import defaultText from '../../../scenarios/default.json?raw'
import { createSimulation, type ScenarioSpec, type Simulation } from '../../core'
import { sunDirectionEci } from '../../core/sun'
import { gmstRad } from '../../core/time'
import { registry } from '../../planners'
import { loadScenarioText } from '../../scenario'
import type { FrameMessage } from '../../worker/protocol'
import { syntheticScenario } from './synthetic'

export type DemoRequest =
  | {
      type: 'init'
      /** Synthetic Walker constellation of this many satellites; 0 for the default scenario. */
      satellites: number
      strategies: number
      speed: number
      startS: number
      paused: boolean
      /** Cycle statuses through all five codes, to see the colours (synthetic runs only). */
      fakeStatus: boolean
    }
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  | { type: 'seek'; timeS: number }

export type DemoReply =
  | { type: 'loaded'; scenario: ScenarioSpec; satelliteIds: string[]; strategies: string[] }
  | FrameMessage
  | { type: 'error'; message: string }

const post = (m: DemoReply, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer)

let sims: Simulation[] = []
/** Per engine, positions (m) one step before its current state, for interpolation. */
let prev: Float64Array[] = []
/** Displayed time, s: engines run until they reach it; frames blend the last two steps. */
let showS = 0
let prevValid = false
let spec: ScenarioSpec | null = null
let speed = 60
let playing = false
let fakeStatus = false
let lastWall = 0
let timer: ReturnType<typeof setTimeout> | null = null
let requested = { satellites: 0, strategies: 1 }
let seq = 0
const sun = new Float64Array(3)

function build(satellites: number, strategies: number): void {
  if (satellites > 0) spec = syntheticScenario(satellites)
  else {
    const r = loadScenarioText(defaultText, 'scenarios/default.json', { knownPlanners: registry.names() })
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '))
    spec = r.scenario
  }
  const s = spec
  const names = s.strategies.slice(0, Math.max(1, strategies)).map((x) => x.name)
  sims = names.map((name) => {
    const strategy = s.strategies.find((x) => x.name === name)!
    return createSimulation(s, name, { planners: registry.bind(strategy).planners })
  })
  prev = sims.map((sim) => new Float64Array(sim.state().pos.length))
  prevValid = false
  showS = 0
  const ids = sims[0].world.sats.map((x) => x.id)
  post({ type: 'loaded', scenario: s, satelliteIds: ids, strategies: names })
}

function sendFrame(): void {
  if (!spec || sims.length === 0) return
  const engineT = sims[0].time()
  const stepS = spec.stepS
  // Like the app's worker: while playing, show the satellites between the last two steps.
  const alpha = playing && prevValid ? 1 - (engineT - showS) / stepS : 1
  const interpolate = alpha > 0 && alpha < 1
  const t = interpolate ? showS : engineT
  const ms = spec.epochMs + t * 1000
  sunDirectionEci(ms, sun, 0)
  const transfer: Transferable[] = []
  const frames = sims.map((sim, j) => {
    const st = sim.state()
    const n = st.status.length
    const positionsKm = new Float32Array(3 * n)
    const p0 = prev[j]
    if (interpolate)
      for (let i = 0; i < 3 * n; i++) positionsKm[i] = (p0[i] + (st.pos[i] - p0[i]) * alpha) / 1000
    else for (let i = 0; i < 3 * n; i++) positionsKm[i] = st.pos[i] / 1000
    const status = Uint8Array.from(st.status)
    if (fakeStatus) for (let k = 0; k < n; k++) status[k] = k % 23 === 0 ? 1 + (k % 4) : status[k]
    const linkStation = Int16Array.from(st.linkStation)
    transfer.push(positionsKm.buffer, status.buffer, linkStation.buffer)
    return { strategy: sim.strategy.name, positionsKm, status, linkStation }
  })
  post(
    {
      type: 'frame',
      seq: ++seq,
      timeS: t,
      gmstRad: gmstRad(ms),
      sunEci: [sun[0], sun[1], sun[2]],
      playing,
      frames,
    },
    transfer,
  )
}

function tick(): void {
  timer = null
  const now = performance.now()
  const dt = Math.min(0.25, (now - lastWall) / 1000)
  lastWall = now
  if (playing && sims.length > 0) {
    showS += dt * speed
    while (sims[0].time() < showS && !sims[0].done()) {
      sims.forEach((sim, j) => {
        prev[j].set(sim.state().pos)
        sim.step()
      })
      prevValid = true
    }
    if (sims[0].done()) playing = false
  }
  sendFrame()
  timer = setTimeout(tick, 33)
}

self.onmessage = (e: MessageEvent<DemoRequest>) => {
  const m = e.data
  try {
    if (m.type === 'init') {
      fakeStatus = m.fakeStatus
      requested = { satellites: m.satellites, strategies: m.strategies }
      build(m.satellites, m.strategies)
      for (const sim of sims) sim.runUntil(m.startS)
      showS = sims[0].time()
      speed = m.speed
      playing = !m.paused
      lastWall = performance.now()
      if (timer === null) tick()
    } else if (m.type === 'play') {
      speed = m.speed
      if (!playing) showS = sims[0]?.time() ?? 0
      prevValid = false
      playing = true
    } else if (m.type === 'pause') {
      playing = false
      prevValid = false
    } else if (m.type === 'seek') {
      // Backwards: start again from the epoch (a demo needs no snapshots).
      if (m.timeS < (sims[0]?.time() ?? 0)) build(requested.satellites, requested.strategies)
      for (const sim of sims) sim.runUntil(m.timeS)
      showS = sims[0]?.time() ?? 0
      prevValid = false
    }
  } catch (err) {
    post({ type: 'error', message: String((err as Error)?.stack ?? err) })
  }
}
