// Frame packing and pacing: one FrameMessage per send, with every strategy's positions (km,
// Float32, blended between the last two engine states while playing), status and downlink per
// satellite, written into buffers the UI gave back when it can and transferred, not copied.
// Pacing: while running, at most one frame ahead of the one the UI says it drew, so a slow
// renderer (software WebGL, 10,000 satellites) gets fewer frames instead of a queue of stale ones.

import type { Simulation } from '../core'
import { sunDirectionEci } from '../core/sun'
import { gmstRad } from '../core/time'
import { BufferPool } from './buffer-pool'
import { type FrameMessage, type StrategyFrame, TASK_CODE } from './protocol'

/** Frames at most every this many ms (≈ 30 Hz). */
export const FRAME_MS = 33
/** Without word that frames are drawn, still send one this often (a hidden page, a lost ack). */
export const STALE_ACK_MS = 1000

/** What a frame shows of one engine. */
export interface FrameSource {
  name: string
  sim: Simulation
  /** Positions (m) one step before the current state, for interpolation. */
  prev: Float64Array
}

/** Copies each engine's positions now into `prev`: the start of the next interpolation. */
export function copyPrevious(engines: readonly FrameSource[]): void {
  for (const e of engines) e.prev.set(e.sim.state().pos)
}

export interface FrameView {
  /** Displayed time, s after epoch. */
  timeS: number
  epochMs: number
  playing: boolean
  /** Blend factor between `prev` and the current positions, or null for the current positions. */
  alpha: number | null
}

export class FramePacker {
  private readonly buffers = new BufferPool()
  private seq = 0
  /** The last frame the UI reported drawn, and when a frame was last sent. */
  private shownSeq = 0
  private lastFrameAt = 0
  private drawnCount = 0

  /** A new run: numbering starts again and old buffers are forgotten. */
  reset(): void {
    this.seq = 0
    this.shownSeq = 0
    this.drawnCount = 0
    this.buffers.clear()
  }

  /** The UI drew frame `seq` and gives back `recycle` (untrusted: checked before use). */
  shown(seq: unknown, recycle: unknown): void {
    if (typeof seq === 'number' && Number.isInteger(seq) && seq > this.shownSeq && seq <= this.seq) {
      this.shownSeq = seq
      this.drawnCount++
    }
    this.buffers.give(recycle)
  }

  /** Frames the UI has reported drawn in this run (each report of a newer frame counts one). */
  get drawn(): number {
    return this.drawnCount
  }

  /** Whether a frame may go now: the UI keeps up, or it has been silent for STALE_ACK_MS. */
  due(now: number): boolean {
    return !(this.seq - this.shownSeq > 1 && now - this.lastFrameAt < STALE_ACK_MS)
  }

  /** Notes that a frame is sent at `now` (also when there is nothing to send). */
  sentAt(now: number): void {
    this.lastFrameAt = now
  }

  pack(
    engines: readonly FrameSource[],
    view: FrameView,
  ): { message: FrameMessage; transfer: Transferable[] } {
    const ms = view.epochMs + view.timeS * 1000
    const sun = new Float64Array(3)
    sunDirectionEci(ms, sun, 0)
    const a = view.alpha
    const frames: StrategyFrame[] = []
    const transfer: Transferable[] = []
    for (const e of engines) {
      const s = e.sim.state()
      const pos = s.pos
      const out = new Float32Array(this.buffers.take(4 * pos.length))
      if (a !== null) {
        const prev = e.prev
        for (let i = 0; i < pos.length; i++) out[i] = (prev[i] + (pos[i] - prev[i]) * a) / 1000
      } else {
        for (let i = 0; i < pos.length; i++) out[i] = pos[i] / 1000
      }
      const status = new Uint8Array(this.buffers.take(s.status.length))
      status.set(s.status)
      const linkStation = new Int16Array(this.buffers.take(2 * s.linkStation.length))
      linkStation.set(s.linkStation)
      const taskState = new Uint8Array(this.buffers.take(s.tasks.length))
      const taskSatellite = new Int16Array(this.buffers.take(2 * s.tasks.length))
      writeTaskOutcomes(s, taskState, taskSatellite)
      frames.push({ strategy: e.name, positionsKm: out, status, linkStation, taskState, taskSatellite })
      transfer.push(out.buffer, status.buffer, linkStation.buffer, taskState.buffer, taskSatellite.buffer)
    }
    const message: FrameMessage = {
      type: 'frame',
      seq: ++this.seq,
      timeS: view.timeS,
      gmstRad: gmstRad(ms),
      sunEci: [sun[0], sun[1], sun[2]],
      playing: view.playing,
      frames,
    }
    return { message, transfer }
  }
}

type TaskSource = Pick<ReturnType<Simulation['state']>, 'tasks' | 'knownTasks'>

/**
 * Each task's outcome in this engine (TASK_CODE) and the satellite assigned to it while the
 * assignment stands (the task is pending or open), so every pane draws its own strategy's tasks.
 */
export function writeTaskOutcomes(s: TaskSource, state: Uint8Array, satellite: Int16Array): void {
  for (let q = 0; q < state.length; q++) {
    const rec = s.tasks[q]
    let code: number = TASK_CODE.unknown
    let sat = -1
    if (rec && q < s.knownTasks) {
      const waiting = rec.state === 'pending' || rec.state === 'open'
      if (waiting && rec.assignedTo >= 0) {
        code = TASK_CODE.assigned
        sat = rec.assignedTo
      } else if (rec.state === 'expired') code = TASK_CODE.missed
      else code = TASK_CODE[rec.state]
    }
    state[q] = code
    satellite[q] = sat
  }
}
