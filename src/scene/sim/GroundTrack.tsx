// The selected satellite's ground track over ± one revolution, drawn in Earth-fixed coordinates
// (render it inside the group that turns with the Earth): the past half dim, the future bright.
// Recomputed from the orbit model (2·TRACK_HALF + 1 propagations, ~0.1 ms) when the satellite has
// moved on by one sample, when the selection or an orbit changes — not every frame.

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial } from 'three'
import type { FrameRef } from '../contract'
import { type FleetOrbits, sampleGroundTrack } from '../orbits'
import { hexToLinear } from '../palette'
import { ORDER } from './common'

/** Samples per revolution on each side of now. */
export const TRACK_HALF = 128
/** Radius of the track line: just above the grid (1.0015) so it is not hidden by it. */
const TRACK_RADIUS = 1.003

export interface GroundTrackProps {
  frame: FrameRef
  orbits: FleetOrbits
  selectedIndex: number
  colour: number
}

export function GroundTrack({ frame, orbits, selectedIndex, colour }: GroundTrackProps) {
  const line = useMemo(() => {
    const n = 2 * TRACK_HALF + 1
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(new Float32Array(3 * n), 3))
    // Past: dim; future: full colour; a short ramp at "now".
    const colours = new Float32Array(3 * n)
    const rgb = [0, 0, 0]
    hexToLinear(colour, rgb)
    for (let j = 0; j < n; j++) {
      const u = (j - TRACK_HALF) / 6
      const w = 0.4 + 0.6 * Math.min(1, Math.max(0, u + 0.5))
      colours[3 * j] = rgb[0] * w
      colours[3 * j + 1] = rgb[1] * w
      colours[3 * j + 2] = rgb[2] * w
    }
    g.setAttribute('color', new BufferAttribute(colours, 3))
    g.setDrawRange(0, 0)
    const material = new LineBasicMaterial({
      vertexColors: true,
      transparent: true,
      opacity: 0.95,
      depthWrite: false,
    })
    const l = new Line(g, material)
    l.frustumCulled = false
    l.renderOrder = ORDER.groundTrack
    l.visible = false
    l.raycast = () => {}
    return l
  }, [colour])
  useLayoutEffect(
    () => () => {
      line.geometry.dispose()
      ;(line.material as LineBasicMaterial).dispose()
    },
    [line],
  )

  const last = useMemo(() => ({ t: Number.NaN, k: -2, version: -1, orbits: null as FleetOrbits | null }), [])

  useFrame(() => {
    const f = frame.current
    const k = selectedIndex
    if (!f || k < 0 || !orbits.has(k)) {
      line.visible = false
      last.k = -2
      return
    }
    const period = orbits.periodS(k)
    const step = period / TRACK_HALF
    if (
      k !== last.k ||
      orbits !== last.orbits ||
      orbits.version !== last.version ||
      !(Math.abs(f.timeS - last.t) < step)
    ) {
      const pos = line.geometry.getAttribute('position') as BufferAttribute
      const n = sampleGroundTrack(
        orbits,
        k,
        f.timeS,
        period,
        TRACK_HALF,
        TRACK_RADIUS,
        pos.array as Float32Array,
      )
      line.geometry.setDrawRange(0, n)
      pos.needsUpdate = true
      line.visible = n > 0
      last.t = f.timeS
      last.k = k
      last.version = orbits.version
      last.orbits = orbits
    }
  })

  return <primitive object={line} />
}
