// Small shared pieces of the simulation scene: reading the current strategy's frame from the
// fast-data ref, and the size of a screen pixel in world units (for constant-size markers).

import { useRef } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  type Camera,
  DynamicDrawUsage,
  LineBasicMaterial,
  LineSegments,
} from 'three'
import type { StrategyFrame } from '../../worker/protocol'
import type { FrameRef } from '../contract'

/** The frame this view draws, or null (no frame yet, or a strategy index the frame lacks). */
export function strategyFrame(frame: FrameRef, strategyIndex: number): StrategyFrame | null {
  const f = frame.current
  if (!f) return null
  return f.frames[strategyIndex] ?? null
}

/**
 * Satellites a frame can be drawn for: the smaller of the count the scene was built for and what
 * the frame's arrays hold (a frame of the previous scenario can arrive after a new one loaded).
 */
export function drawableCount(sf: StrategyFrame, count: number): number {
  return Math.min(count, Math.floor(sf.positionsKm.length / 3), sf.status.length, sf.linkStation.length)
}

/**
 * World units per CSS pixel at unit distance in front of a perspective camera, for a view
 * `heightPx` tall: 2·tan(fov/2) / height. Multiply by a point's depth for its pixel size there.
 */
export function pixelWorld(camera: Camera, heightPx: number): number {
  const fov = (camera as Camera & { fov?: number }).fov
  if (fov === undefined || !(heightPx > 0)) return 0.001
  return (2 * Math.tan((fov * Math.PI) / 360)) / heightPx
}

/** Scene render orders, lowest first (stars −2 and the Earth's halo −1 are set by their files). */
export const ORDER = {
  orbits: 1,
  groundTrack: 2,
  footprint: 3,
  links: 4,
  markers: 5,
  rings: 6,
} as const

/**
 * Preallocated line segments (`capacity` of them) for lines rewritten per frame: a dynamic
 * position buffer drawn with a drawRange, never culled, never picked.
 */
export function segmentLines(
  capacity: number,
  colour: string,
  opacity: number,
): { lines: LineSegments; position: BufferAttribute } {
  const g = new BufferGeometry()
  const position = new BufferAttribute(new Float32Array(6 * Math.max(1, capacity)), 3)
  position.setUsage(DynamicDrawUsage)
  g.setAttribute('position', position)
  g.setDrawRange(0, 0)
  const lines = new LineSegments(
    g,
    new LineBasicMaterial({ color: colour, transparent: true, opacity, depthWrite: false }),
  )
  lines.frustumCulled = false
  lines.renderOrder = ORDER.links
  lines.raycast = () => {}
  return { lines, position }
}

/** Frees what segmentLines made. */
export function disposeLines(lines: LineSegments): void {
  lines.geometry.dispose()
  ;(lines.material as LineBasicMaterial).dispose()
}

/**
 * For work done only when something new is to be drawn: the returned check is true once per new
 * frame message from the worker (each is a new object) or new `parts` (a rebuilt scene piece).
 */
export function useFrameChange(frame: FrameRef, parts: unknown): () => boolean {
  const last = useRef<{ frame: unknown; parts: unknown }>({ frame: undefined, parts: undefined }).current
  return () => {
    if (frame.current === last.frame && parts === last.parts) return false
    last.frame = frame.current
    last.parts = parts
    return true
  }
}
