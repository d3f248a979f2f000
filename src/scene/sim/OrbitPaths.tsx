// Orbit loops: one faint closed loop per satellite (or, beyond ORBIT_LOOP_CAP satellites, one per
// Walker plane), all in ONE indexed LineSegments, plus the selected satellite's loop, brighter.
// Loops are recomputed lazily — when the selection or an orbit changes (a burn or a restore: the
// models' version moves, see orbits.ts), and every RECOMPUTE_S simulated seconds as J2 turns the
// planes — never per satellite per frame.

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineLoop, LineSegments } from 'three'
import type { FrameRef } from '../contract'
import { type FleetOrbits, ORBIT_SAMPLES, SELECTED_ORBIT_SAMPLES, writeOrbitLoop } from '../orbits'
import { COLOURS } from '../palette'
import { ORDER } from './common'

/** Above this many satellites, faint loops are drawn per Walker plane only. */
export const ORBIT_LOOP_CAP = 200
/** Simulated seconds between recomputations of the loops (J2 turns a LEO plane ~0.1° in 30 min). */
export const RECOMPUTE_S = 1800

export interface OrbitPathsProps {
  frame: FrameRef
  orbits: FleetOrbits
  /** Satellites whose faint loops are drawn (orbitSubset). */
  subset: Int32Array
  selectedIndex: number
}

export function OrbitPaths({ frame, orbits, subset, selectedIndex }: OrbitPathsProps) {
  const faint = useMemo(() => {
    const loops = subset.length
    const g = new BufferGeometry()
    g.setAttribute(
      'position',
      new BufferAttribute(new Float32Array(3 * ORBIT_SAMPLES * Math.max(1, loops)), 3),
    )
    const index = new Uint32Array(2 * ORBIT_SAMPLES * loops)
    for (let l = 0, o = 0; l < loops; l++) {
      const base = l * ORBIT_SAMPLES
      for (let k = 0; k < ORBIT_SAMPLES; k++, o += 2) {
        index[o] = base + k
        index[o + 1] = base + ((k + 1) % ORBIT_SAMPLES)
      }
    }
    g.setIndex(new BufferAttribute(index, 1))
    g.setDrawRange(0, 0)
    const material = new LineBasicMaterial({
      color: COLOURS.orbit,
      transparent: true,
      opacity: loops > 60 ? 0.16 : 0.26,
      depthWrite: false,
    })
    const lines = new LineSegments(g, material)
    lines.frustumCulled = false
    lines.renderOrder = ORDER.orbits
    lines.raycast = () => {}
    return lines
  }, [subset])

  const highlighted = useMemo(() => {
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(new Float32Array(3 * SELECTED_ORBIT_SAMPLES), 3))
    const material = new LineBasicMaterial({
      color: COLOURS.orbitSelected,
      transparent: true,
      opacity: 0.9,
      depthWrite: false,
    })
    const line = new LineLoop(g, material)
    line.frustumCulled = false
    line.renderOrder = ORDER.orbits + 0.5
    line.visible = false
    line.raycast = () => {}
    return line
  }, [])

  useLayoutEffect(
    () => () => {
      faint.geometry.dispose()
      ;(faint.material as LineBasicMaterial).dispose()
    },
    [faint],
  )
  useLayoutEffect(
    () => () => {
      highlighted.geometry.dispose()
      ;(highlighted.material as LineBasicMaterial).dispose()
    },
    [highlighted],
  )

  const last = useRef({
    faint: null as LineSegments | null,
    orbits: null as FleetOrbits | null,
    faintT: Number.NaN,
    faintVersion: -1,
    selT: Number.NaN,
    selVersion: -1,
    sel: -2,
  }).current

  useFrame(() => {
    const f = frame.current
    if (!f) {
      faint.visible = false
      highlighted.visible = false
      return
    }
    const t = f.timeS
    faint.visible = true
    const rebuilt = faint !== last.faint || orbits !== last.orbits
    if (
      rebuilt ||
      orbits.version !== last.faintVersion ||
      !(Math.abs(t - last.faintT) < RECOMPUTE_S) // also true the first time (NaN)
    ) {
      const pos = faint.geometry.getAttribute('position') as BufferAttribute
      const arr = pos.array as Float32Array
      let drawnLoops = 0
      for (let l = 0; l < subset.length; l++) {
        const k = subset[l]
        const o = 3 * ORBIT_SAMPLES * l
        if (writeOrbitLoop(orbits, k, t, ORBIT_SAMPLES, arr, o, false)) drawnLoops = l + 1
        else {
          // No model: collapse the loop to a point at the origin (hidden inside the Earth).
          arr.fill(0, o, o + 3 * ORBIT_SAMPLES)
        }
      }
      faint.geometry.setDrawRange(0, 2 * ORBIT_SAMPLES * drawnLoops)
      pos.needsUpdate = true
      last.faintT = t
      last.faintVersion = orbits.version
      last.faint = faint
      last.orbits = orbits
    }

    const k = selectedIndex
    if (k < 0 || !orbits.has(k)) {
      highlighted.visible = false
      last.sel = k
      return
    }
    if (
      rebuilt ||
      k !== last.sel ||
      orbits.version !== last.selVersion ||
      !(Math.abs(t - last.selT) < RECOMPUTE_S / 6)
    ) {
      const pos = highlighted.geometry.getAttribute('position') as BufferAttribute
      const arr = pos.array as Float32Array
      // A TLE satellite's loop is sampled with SGP4 itself; a Keplerian one from its elements.
      const ok = writeOrbitLoop(orbits, k, t, SELECTED_ORBIT_SAMPLES, arr, 0, true)
      pos.needsUpdate = ok
      highlighted.visible = ok
      last.sel = k
      last.selT = t
      last.selVersion = orbits.version
    }
  })

  return (
    <>
      <primitive object={faint} />
      <primitive object={highlighted} />
    </>
  )
}
