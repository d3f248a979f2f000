// The contract between the app (src/ui, src/store, src/worker) and the 3D scene (src/scene).
// The app owns the Canvas, the layout and the worker; the scene draws one strategy's world.
// Fast data arrives through a mutable ref that the worker's messages overwrite (read it in
// useFrame, never through React state); slow data (scenario, selection) arrives as props.

import type { ScenarioSpec } from '../core'
import type { FrameMessage, OrbitFact } from '../worker/protocol'

/** Scene units: 1 unit = one Earth equatorial radius (6378.137 km). ECI axes, z = north. */
export const KM_PER_UNIT = 6378.137

export interface FrameRef {
  current: FrameMessage | null
}

/**
 * The orbits of the strategy a view draws, as the worker last sent them (OrbitsMessage): updated
 * in place by the session; `version` moves whenever an orbit changed (a burn, a restore).
 */
export interface OrbitsRef {
  version: number
  orbits: readonly (OrbitFact | undefined)[]
}

export interface HoverInfo {
  satellite: string
  /** Pointer position in CSS pixels relative to the canvas, for a tooltip. */
  x: number
  y: number
}

export interface SimSceneProps {
  /** The latest frame from the worker (all strategies); overwritten in place, read per frame. */
  frame: FrameRef
  /** Which of frame.current.frames this view draws. */
  strategyIndex: number
  /** That strategy's orbits: loops and the ground track are drawn from them. */
  orbits: OrbitsRef
  scenario: ScenarioSpec
  /** Satellite ids in frame order (LoadedMessage.satelliteIds). */
  satelliteIds: readonly string[]
  selected: string | null
  onSelect: (satellite: string | null) => void
  onHover?: (info: HoverInfo | null) => void
  /** Increments when the user asks to focus the camera on the selection. */
  focusRequest?: number
  /** Increments when the user asks to reset the camera. */
  resetRequest?: number
}
