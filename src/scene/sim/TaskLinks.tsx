// Assignments: a line from each satellite to the task target it is assigned to, while the
// assignment stands (the frame's taskSatellite ≥ 0), so each pane shows who its own strategy sent
// where. One preallocated LineSegments rewritten only when a new frame arrives.

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import { type FrameRef, KM_PER_UNIT } from '../contract'
import { latLonToUnitVector, type Vec3 } from '../geo'
import { ecefToEciPoints } from '../links'
import { COLOURS } from '../palette'
import { disposeLines, segmentLines, strategyFrame, useFrameChange } from './common'
import type { TargetTask } from './Markers'

/** Line ends sit at the target markers' height. */
const TARGET_RADIUS = 1.001

export interface TaskLinksProps {
  frame: FrameRef
  strategyIndex: number
  satelliteCount: number
  targets: readonly TargetTask[]
}

/**
 * Segments (satellite, target) for every task with an assigned satellite, into out (6 values each).
 * Satellite positions in km (scaled by unitsPerKm), targets in scene units (ECI). Returns the count.
 */
export function writeAssignmentSegments(
  positionsKm: ArrayLike<number>,
  satCount: number,
  taskSatellite: ArrayLike<number>,
  targetEci: Float32Array,
  unitsPerKm: number,
  out: Float32Array,
): number {
  const max = Math.floor(out.length / 6)
  const tasks = Math.min(taskSatellite.length, Math.floor(targetEci.length / 3))
  let n = 0
  for (let q = 0; q < tasks && n < max; q++) {
    const k = taskSatellite[q]
    if (!(k >= 0 && k < satCount)) continue
    const o = 6 * n
    out[o] = positionsKm[3 * k] * unitsPerKm
    out[o + 1] = positionsKm[3 * k + 1] * unitsPerKm
    out[o + 2] = positionsKm[3 * k + 2] * unitsPerKm
    out[o + 3] = targetEci[3 * q]
    out[o + 4] = targetEci[3 * q + 1]
    out[o + 5] = targetEci[3 * q + 2]
    n++
  }
  return n
}

export function TaskLinks({ frame, strategyIndex, satelliteCount, targets }: TaskLinksProps) {
  const parts = useMemo(() => {
    const { lines, position } = segmentLines(targets.length, COLOURS.assignment, 0.6)
    const ecef = new Float32Array(3 * targets.length)
    const v: Vec3 = [0, 0, 0]
    targets.forEach(({ task }, q) => {
      latLonToUnitVector(task.target.latRad, task.target.lonRad, v)
      ecef[3 * q] = v[0] * TARGET_RADIUS
      ecef[3 * q + 1] = v[1] * TARGET_RADIUS
      ecef[3 * q + 2] = v[2] * TARGET_RADIUS
    })
    return { lines, position, ecef, eci: new Float32Array(ecef.length) }
  }, [targets])

  useLayoutEffect(() => () => disposeLines(parts.lines), [parts])

  const fresh = useFrameChange(frame, parts)

  useFrame(() => {
    const f = frame.current
    if (!fresh()) return
    const sf = strategyFrame(frame, strategyIndex)
    let n = 0
    if (f && sf?.taskSatellite) {
      ecefToEciPoints(parts.ecef, targets.length, f.gmstRad, parts.eci)
      const sats = Math.min(satelliteCount, Math.floor(sf.positionsKm.length / 3))
      n = writeAssignmentSegments(
        sf.positionsKm,
        sats,
        sf.taskSatellite,
        parts.eci,
        1 / KM_PER_UNIT,
        parts.position.array as Float32Array,
      )
      if (n > 0) parts.position.needsUpdate = true
    }
    parts.lines.geometry.setDrawRange(0, 2 * n)
    parts.lines.visible = n > 0
  })

  return <primitive object={parts.lines} />
}
