// Every satellite of one strategy in ONE draw: a Points object, a sprite per satellite
// (satellite-sprites.ts says why points). Per drawn frame, only typed-array writes: when a new
// frame arrives, the frame's positions (km, 3 floats a satellite) are copied as they are into the
// position attribute — one memcpy and 12 bytes a satellite to upload. A satellite's colour is
// written only when its status changes. The vertex shader scales km to scene units, enlarges the
// selected satellite, and keeps each sprite a constant number of pixels across whatever the zoom,
// so none of that is CPU work per frame either. Picking is a ray-to-point test over the positions
// (pick.ts); a hit reports the satellite's index as `instanceId`, as R3F's events expect.

import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber'
import { type RefObject, useLayoutEffect, useMemo, useRef } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  DynamicDrawUsage,
  type Intersection,
  Matrix4,
  type Mesh,
  type Object3D,
  Points,
  Ray,
  type Raycaster,
  RingGeometry,
  Vector3,
} from 'three'
import { type FrameRef, type HoverInfo, KM_PER_UNIT } from '../contract'
import { statusDifferences } from '../differences'
import { COLOURS, SAME_DIMMING, statusColour } from '../palette'
import { type PickResult, pickPoint } from '../pick'
import { SELECTED_SCALE, satelliteMaterial, satelliteSizePx } from '../satellite-sprites'
import { drawableCount, ORDER, pixelWorld, strategyFrame } from './common'
import { makeLabel, placeLabel, segmentCrossesEarth, useAttachedLabels, useLabelLayer } from './labels'

const UNITS_PER_KM = 1 / KM_PER_UNIT
/** Hover/click tolerance around a satellite, CSS pixels (at least). */
const PICK_MIN_PX = 9
/** Hover updates for the same satellite are sent at most this often, ms. */
const HOVER_INTERVAL_MS = 50

// Module-scope temporaries (never allocated per frame or per pointer event).
const INVERSE = new Matrix4()
const LOCAL_RAY = new Ray()
const PICK: PickResult = { index: -1, distance: 0 }

/** What the mesh currently shows; read by its raycast and by the selection markers. */
interface Drawn {
  positions: Float32Array | null
  status: Uint8Array | null
  timeS: number
  n: number
  selected: number
  differences: boolean
  /** tan of the pick tolerance angle, updated every frame. */
  tanPick: number
}

export interface SatellitesProps {
  frame: FrameRef
  strategyIndex: number
  satelliteIds: readonly string[]
  selectedIndex: number
  onSelect: (satellite: string | null) => void
  onHover?: (info: HoverInfo | null) => void
  /** Written here: the hovered satellite's index (−1: none), for the hover ring. */
  hoverRef: RefObject<number>
  /** Dim the satellites whose status is the same in every strategy of the frame. */
  differences?: boolean
}

export function Satellites({
  frame,
  strategyIndex,
  satelliteIds,
  selectedIndex,
  onSelect,
  onHover,
  hoverRef,
  differences = false,
}: SatellitesProps) {
  const count = satelliteIds.length
  const gl = useThree((s) => s.gl)
  const sizePx = satelliteSizePx(count)

  const drawn = useRef<Drawn>({
    positions: null,
    status: null,
    timeS: Number.NaN,
    n: 0,
    selected: -1,
    differences: false,
    tanPick: 0,
  }).current
  const { mesh, material, lastStatus, positions, colour, differs } = useMemo(() => {
    const geometry = new BufferGeometry()
    const positions = new BufferAttribute(new Float32Array(3 * Math.max(1, count)), 3)
    positions.setUsage(DynamicDrawUsage)
    geometry.setAttribute('position', positions)
    const colour = new BufferAttribute(new Float32Array(3 * Math.max(1, count)), 3)
    colour.setUsage(DynamicDrawUsage)
    geometry.setAttribute('satColour', colour)
    geometry.setDrawRange(0, 0)
    const material = satelliteMaterial(UNITS_PER_KM)
    const mesh = new Points(geometry, material)
    mesh.visible = false
    mesh.frustumCulled = false
    mesh.raycast = (raycaster: Raycaster, intersects: Intersection<Object3D>[]) => {
      if (!mesh.visible || !drawn.positions || drawn.n === 0) return
      INVERSE.copy(mesh.matrixWorld).invert()
      LOCAL_RAY.copy(raycaster.ray).applyMatrix4(INVERSE)
      const { origin: o, direction: d } = LOCAL_RAY
      const hit = pickPoint(
        drawn.positions,
        drawn.n,
        UNITS_PER_KM,
        o.x,
        o.y,
        o.z,
        d.x,
        d.y,
        d.z,
        drawn.tanPick,
        1,
        PICK,
      )
      if (!hit) return
      const p = drawn.positions
      const k = PICK.index
      const point = new Vector3(p[3 * k], p[3 * k + 1], p[3 * k + 2])
        .multiplyScalar(UNITS_PER_KM)
        .applyMatrix4(mesh.matrixWorld)
      intersects.push({
        distance: raycaster.ray.origin.distanceTo(point),
        point,
        object: mesh,
        instanceId: k,
      })
    }
    const lastStatus = new Uint8Array(Math.max(1, count)).fill(255)
    return { mesh, material, lastStatus, positions, colour, differs: new Uint8Array(Math.max(1, count)) }
  }, [count, drawn])

  useLayoutEffect(() => {
    drawn.positions = null
    drawn.status = null
    drawn.timeS = Number.NaN
    drawn.n = 0
    drawn.selected = -1
    return () => {
      mesh.geometry.dispose()
      material.dispose()
      mesh.dispose()
    }
  }, [mesh, material, drawn])

  useFrame((state) => {
    const pw = pixelWorld(state.camera, state.size.height)
    material.uniforms.pixelRatio.value = state.viewport.dpr
    material.uniforms.sizePx.value = sizePx
    drawn.tanPick = Math.max(PICK_MIN_PX, 1.6 * sizePx) * pw
    const sf = strategyFrame(frame, strategyIndex)
    if (!sf) {
      mesh.visible = false
      drawn.n = 0
      return
    }
    const n = drawableCount(sf, count)
    mesh.visible = n > 0
    mesh.geometry.setDrawRange(0, n)
    const pos = sf.positionsKm
    const timeS = frame.current?.timeS ?? 0
    if (pos !== drawn.positions || timeS !== drawn.timeS || n !== drawn.n) {
      ;(positions.array as Float32Array).set(pos.length === 3 * n ? pos : pos.subarray(0, 3 * n))
      positions.clearUpdateRanges()
      positions.addUpdateRange(0, 3 * n)
      positions.needsUpdate = true
      drawn.positions = pos
      drawn.timeS = timeS
      drawn.n = n
    }
    const colours = colour.array as Float32Array
    let colourDirty = false
    const previous = drawn.selected
    let selectionChanged = false
    if (selectedIndex !== previous) {
      // The selected colour is brighter: repaint the old and the new selection below.
      if (previous >= 0 && previous < count) lastStatus[previous] = 255
      if (selectedIndex >= 0 && selectedIndex < count) lastStatus[selectedIndex] = 255
      material.uniforms.selected.value = selectedIndex
      drawn.selected = selectedIndex
      selectionChanged = true
    }
    const status = sf.status
    // Statuses arrive in a new array with each frame; between frames there is nothing to compare.
    const statusChanged = status !== drawn.status || selectionChanged || differences !== drawn.differences
    drawn.status = status
    drawn.differences = differences
    if (statusChanged && differences && frame.current) statusDifferences(frame.current.frames, differs)
    else if (statusChanged) differs.fill(1)
    for (let k = 0; statusChanged && k < n; k++) {
      // The colour key: the status, plus 64 when the differences view dims this satellite.
      const dim = differences && differs[k] === 0
      const s = status[k] | (dim ? 64 : 0)
      if (s === lastStatus[k]) continue
      lastStatus[k] = s
      statusColour(status[k], k === selectedIndex, colours, 3 * k)
      if (dim) for (let c = 0; c < 3; c++) colours[3 * k + c] *= SAME_DIMMING
      colourDirty = true
    }
    if (colourDirty) colour.needsUpdate = true
  })

  // Pointer handling: hover (throttled, id changes sent at once), click to select, click on
  // nothing to deselect — but a drag of the camera is neither.
  const hover = useRef({ k: -1, at: 0 }).current
  const sendHover = (e: ThreeEvent<PointerEvent>, k: number) => {
    const now = performance.now()
    if (k === hover.k && now - hover.at < HOVER_INTERVAL_MS) return
    hover.k = k
    hover.at = now
    const rect = gl.domElement.getBoundingClientRect()
    onHover?.({
      satellite: satelliteIds[k],
      x: e.nativeEvent.clientX - rect.left,
      y: e.nativeEvent.clientY - rect.top,
    })
  }
  const clearHover = () => {
    if (hover.k === -1) return
    hover.k = -1
    hoverRef.current = -1
    gl.domElement.style.cursor = ''
    onHover?.(null)
  }

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three object, not a DOM element */}
      <primitive
        object={mesh}
        onPointerMove={(e: ThreeEvent<PointerEvent>) => {
          const k = e.instanceId
          // While a button is down the user is turning the camera: no tooltips flickering past.
          if (k === undefined || e.nativeEvent.buttons !== 0) return
          e.stopPropagation()
          hoverRef.current = k
          gl.domElement.style.cursor = 'pointer'
          sendHover(e, k)
        }}
        onPointerOut={clearHover}
        onClick={(e: ThreeEvent<MouseEvent>) => {
          if (e.delta > 2 || e.instanceId === undefined) return
          e.stopPropagation()
          onSelect(satelliteIds[e.instanceId] ?? null)
        }}
        onPointerMissed={(e: MouseEvent) => {
          if (e.type === 'click' && e.button === 0) onSelect(null)
        }}
      />
      <SelectionMarkers
        frame={frame}
        strategyIndex={strategyIndex}
        satelliteIds={satelliteIds}
        selectedIndex={selectedIndex}
        hoverRef={hoverRef}
        sizePx={sizePx}
      />
    </>
  )
}

const RING_POS = new Vector3()

/** Screen-facing rings around the selected and the hovered satellite, and the selected one's name. */
function SelectionMarkers({
  frame,
  strategyIndex,
  satelliteIds,
  selectedIndex,
  hoverRef,
  sizePx,
}: {
  frame: FrameRef
  strategyIndex: number
  satelliteIds: readonly string[]
  selectedIndex: number
  hoverRef: RefObject<number>
  sizePx: number
}) {
  const geometry = useMemo(() => new RingGeometry(0.78, 1, 48), [])
  useLayoutEffect(() => () => geometry.dispose(), [geometry])
  const selectedRing = useRef<Mesh>(null)
  const hoverRing = useRef<Mesh>(null)
  const layer = useLabelLayer(30)
  const labels = useMemo(
    () => [makeLabel('scene-selected-label', { border: '1px solid rgba(255, 255, 255, 0.35)' })],
    [],
  )
  const label = labels[0]
  useAttachedLabels(layer, labels)
  useLayoutEffect(() => {
    label.textContent = selectedIndex >= 0 ? (satelliteIds[selectedIndex] ?? '') : ''
  }, [label, selectedIndex, satelliteIds])

  // Positions straight from the frame (not from the mesh, whose useFrame may run after this one).
  const place = (ring: Mesh | null, k: number, px: number, pw: number, camera: Object3D): boolean => {
    if (!ring) return false
    const sf = strategyFrame(frame, strategyIndex)
    if (!sf || k < 0 || k >= drawableCount(sf, satelliteIds.length)) {
      ring.visible = false
      return false
    }
    const p = sf.positionsKm
    RING_POS.set(p[3 * k], p[3 * k + 1], p[3 * k + 2]).multiplyScalar(UNITS_PER_KM)
    ring.position.copy(RING_POS)
    ring.quaternion.copy(camera.quaternion)
    ring.scale.setScalar(px * pw * camera.position.distanceTo(RING_POS))
    ring.visible = true
    return true
  }

  // After the camera rig has moved the camera this frame (it runs earlier, at the same priority).
  useFrame((state) => {
    const camera = state.camera
    const pw = pixelWorld(camera, state.size.height)
    const shown = place(selectedRing.current, selectedIndex, sizePx * SELECTED_SCALE + 5, pw, camera)
    // The name: beside the ring, hidden when the satellite is behind the Earth.
    camera.updateMatrixWorld()
    const visible = shown && !segmentCrossesEarth(camera.position, RING_POS)
    placeLabel(label, visible ? RING_POS : null, camera, state.size.width, state.size.height, 15)
    const hk = hoverRef.current ?? -1
    place(hoverRing.current, hk === selectedIndex ? -1 : hk, sizePx + 4, pw, camera)
  })

  return (
    <>
      <mesh ref={selectedRing} geometry={geometry} visible={false} renderOrder={ORDER.rings}>
        <meshBasicMaterial
          color={COLOURS.selectedRing}
          transparent
          opacity={0.95}
          depthWrite={false}
          side={DoubleSide}
        />
      </mesh>
      <mesh ref={hoverRing} geometry={geometry} visible={false} renderOrder={ORDER.rings}>
        <meshBasicMaterial
          color={COLOURS.hoverRing}
          transparent
          opacity={0.7}
          depthWrite={false}
          side={DoubleSide}
        />
      </mesh>
    </>
  )
}
