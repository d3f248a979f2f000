// Active contacts: a line from each satellite to the station it transmits to this step
// (frame linkStation ≥ 0). One preallocated LineSegments (two vertices per satellite at most),
// rewritten per frame with typed-array writes and drawn with a drawRange; it also flags the
// stations in use for the station markers.

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import type { BufferAttribute } from 'three'
import type { StationSpec } from '../../core/spec'
import { type FrameRef, KM_PER_UNIT } from '../contract'
import { ecefToEciPoints, stationPositions, writeLinkSegments } from '../links'
import { COLOURS } from '../palette'
import { disposeLines, drawableCount, segmentLines, strategyFrame, useFrameChange } from './common'

/** Link ends sit at the station markers' height. */
const STATION_RADIUS = 1.001

export interface LinksProps {
  frame: FrameRef
  strategyIndex: number
  satelliteCount: number
  stations: readonly StationSpec[]
  /** Written here: 1 per station in use, 0 otherwise. */
  stationActive: BufferAttribute
}

export function Links({ frame, strategyIndex, satelliteCount, stations, stationActive }: LinksProps) {
  const parts = useMemo(() => {
    const { lines, position } = segmentLines(satelliteCount, COLOURS.link, 0.85)
    const ecef = stationPositions(stations, STATION_RADIUS)
    return {
      lines,
      position,
      ecef,
      eci: new Float32Array(ecef.length),
      active: new Uint8Array(stations.length),
      lastActive: new Uint8Array(stations.length),
    }
  }, [satelliteCount, stations])

  useLayoutEffect(() => () => disposeLines(parts.lines), [parts])

  const fresh = useFrameChange(frame, parts)

  useFrame(() => {
    const { lines, position, ecef, eci, active, lastActive } = parts
    const f = frame.current
    // Nothing to do until the worker sends another frame (each message is a new object).
    if (!fresh()) return
    const sf = strategyFrame(frame, strategyIndex)
    let n = 0
    if (f && sf) {
      ecefToEciPoints(ecef, stations.length, f.gmstRad, eci)
      const arr = position.array as Float32Array
      const sats = drawableCount(sf, satelliteCount)
      n = writeLinkSegments(
        sf.positionsKm,
        sf.linkStation,
        sats,
        eci,
        stations.length,
        1 / KM_PER_UNIT,
        arr,
        active,
      )
      if (n > 0) {
        position.clearUpdateRanges()
        position.addUpdateRange(0, 6 * n)
        position.needsUpdate = true
      }
    } else {
      active.fill(0)
    }
    lines.geometry.setDrawRange(0, 2 * n)
    lines.visible = n > 0
    // Station highlight: touch the attribute only when a flag changed.
    const flags = stationActive.array as Float32Array
    let changed = false
    for (let j = 0; j < active.length && j < flags.length; j++) {
      if (active[j] === lastActive[j]) continue
      lastActive[j] = active[j]
      flags[j] = active[j]
      changed = true
    }
    if (changed) stationActive.needsUpdate = true
  })

  return <primitive object={parts.lines} />
}
