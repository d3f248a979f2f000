// The view's own camera and orbit controls. Each SimScene owns a camera (made the default of its
// R3F root — the Canvas, or the drei <View> it is placed in — so views side by side turn
// independently) and OrbitControls around a target. A `focusRequest` increment flies the target to
// the selected satellite and then follows it; a `resetRequest` increment flies back to the
// initial view (view.ts). All animation state lives in refs and runs in useFrame.

import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { PerspectiveCamera, Vector3 } from 'three'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { type FrameRef, KM_PER_UNIT } from '../contract'
import { type AreaOfInterest, homeCameraPosition, homeDistance } from '../view'
import { drawableCount, strategyFrame } from './common'

const FOV = 40
const INITIAL_DISTANCE = 4
/** Camera distance from a followed satellite after a focus, Earth radii. */
const FOCUS_DISTANCE = 1.6
const FLY_SECONDS = 1.1
/** OrbitControls zoom limits around the Earth's centre, and around a followed satellite. */
const MIN_DISTANCE_EARTH = 1.4
const MIN_DISTANCE_SATELLITE = 0.03
const MAX_DISTANCE = 60
/** The camera never goes closer to the Earth's centre than this. */
const MIN_CAMERA_RADIUS = 1.04

type Mode = 'free' | 'focus' | 'follow' | 'reset'

const SAT = new Vector3()
const TMP = new Vector3()
const OFFSET = new Vector3()
const UA = new Vector3()
const PERP = new Vector3()

/** Smooth start and stop: 3t² − 2t³. */
function ease(t: number): number {
  const u = Math.min(1, Math.max(0, t))
  return u * u * (3 - 2 * u)
}

/**
 * Blend of two camera offsets for a flight: the direction turns along the great circle between
 * them (through a perpendicular when they are opposite), the length changes linearly.
 */
export function blendOffsets(a: Vector3, b: Vector3, t: number, out: Vector3): Vector3 {
  const la = a.length()
  const lb = b.length()
  if (!(la > 0) || !(lb > 0)) return out.copy(a).lerp(b, t)
  const len = la + (lb - la) * t
  UA.copy(a).divideScalar(la)
  const cos = Math.min(1, Math.max(-1, UA.dot(b) / lb))
  const omega = Math.acos(cos)
  if (omega < 1e-4) return out.copy(a).lerp(b, t).setLength(len)
  const s = Math.sin(omega)
  if (s < 1e-3) {
    // (Nearly) opposite: turn through a perpendicular of the first direction.
    PERP.set(0, 0, 1)
    if (Math.abs(UA.z) > 0.9) PERP.set(1, 0, 0)
    PERP.addScaledVector(UA, -PERP.dot(UA)).normalize()
    const ang = omega * t
    return out.copy(UA).multiplyScalar(Math.cos(ang)).addScaledVector(PERP, Math.sin(ang)).multiplyScalar(len)
  }
  const wa = Math.sin((1 - t) * omega) / s
  const wb = Math.sin(t * omega) / s / lb
  return out.copy(UA).multiplyScalar(wa).addScaledVector(b, wb).setLength(len)
}

export interface CameraRigProps {
  frame: FrameRef
  strategyIndex: number
  satelliteCount: number
  selectedIndex: number
  /** Sun direction at the scenario epoch, for the initial view before any frame arrives. */
  epochSun: ArrayLike<number>
  /** Earth rotation angle at the scenario epoch (rad), to place the area of interest. */
  epochGmst: number
  /** Where the scenario's action is: the home view looks straight at it. */
  area?: AreaOfInterest | null
  /** Changes when a different scenario is loaded: the camera jumps back to the initial view. */
  scenarioKey: string
  focusRequest: number
  resetRequest: number
}

export function CameraRig(props: CameraRigProps) {
  const { frame, strategyIndex, satelliteCount, selectedIndex, epochSun, epochGmst, area, scenarioKey } =
    props
  /** Home camera position for a view of this shape, at the frame's time (else the epoch's). */
  const home = (aspect: number, fov: number) =>
    homeCameraPosition(
      frame.current?.sunEci ?? epochSun,
      homeDistance(aspect, fov, INITIAL_DISTANCE),
      area,
      frame.current?.gmstRad ?? epochGmst,
    )
  const set = useThree((s) => s.set)
  const get = useThree((s) => s.get)
  const invalidate = useThree((s) => s.invalidate)
  const size = useThree((s) => s.size)
  // Made once per view from the first scenario's epoch; later scenarios move it (see below).
  // It keeps the field of view of the camera it replaces if the app set that one up for this scene
  // (z up, e.g. a wider view for narrow compare panes); R3F's own default camera (y up) is ignored.
  const [camera] = useState(() => {
    const previous = get().camera as PerspectiveCamera
    const adopt =
      previous.isPerspectiveCamera && previous.up.z > 0.99 && previous.fov > 10 && previous.fov < 90
    const fov = adopt ? previous.fov : FOV
    const aspect = size.width > 0 && size.height > 0 ? size.width / size.height : 1
    const c = new PerspectiveCamera(fov, aspect, 0.005, 2000)
    c.up.set(0, 0, 1)
    c.position.fromArray(home(aspect, fov))
    c.lookAt(0, 0, 0)
    return c
  })
  const controls = useRef<OrbitControlsImpl>(null)

  // Make it this root's default camera (the Canvas's, or the View's portal).
  useLayoutEffect(() => {
    const previous = get().camera
    set({ camera })
    return () => set({ camera: previous })
  }, [camera, set, get])

  useLayoutEffect(() => {
    if (size.width > 0 && size.height > 0) {
      camera.aspect = size.width / size.height
      camera.updateProjectionMatrix()
    }
  }, [camera, size])

  const anim = useRef({
    mode: 'free' as Mode,
    started: 0,
    /** The user turned or zoomed since the home view (then a resize leaves the camera alone). */
    touched: false,
    fromTarget: new Vector3(),
    fromOffset: new Vector3(),
    toTarget: new Vector3(),
    toOffset: new Vector3(),
  }).current

  // A pane that changes shape ("Compare all": two panes become four, a narrower window) refits
  // the home view so the globe is not cut by the pane — unless the user has moved the camera.
  useLayoutEffect(() => {
    if (anim.touched || anim.mode !== 'free' || !(size.width > 0 && size.height > 0)) return
    const c = controls.current
    if (c && c.target.lengthSq() > 0) return
    camera.position.setLength(homeDistance(size.width / size.height, camera.fov, INITIAL_DISTANCE))
    invalidate()
  }, [camera, size, anim, invalidate])

  const satellitePosition = (k: number, out: Vector3): boolean => {
    const sf = strategyFrame(frame, strategyIndex)
    if (!sf || k < 0 || k >= drawableCount(sf, satelliteCount)) return false
    const p = sf.positionsKm
    out.set(p[3 * k], p[3 * k + 1], p[3 * k + 2]).divideScalar(KM_PER_UNIT)
    return Number.isFinite(out.x + out.y + out.z)
  }

  const setMinDistance = (d: number) => {
    if (controls.current) controls.current.minDistance = d
  }

  const startFly = (mode: 'focus' | 'reset') => {
    const c = controls.current
    if (!c) return
    anim.mode = mode
    anim.started = performance.now()
    anim.fromTarget.copy(c.target)
    anim.fromOffset.copy(camera.position).sub(c.target)
    setMinDistance(MIN_DISTANCE_SATELLITE)
    invalidate()
    if (mode === 'reset') {
      anim.toTarget.set(0, 0, 0)
      anim.toOffset.fromArray(home(camera.aspect, camera.fov))
      anim.touched = false
    }
  }

  // Requests are counters: act on changes after mount, not on the initial value.
  const seen = useRef({ focus: props.focusRequest, reset: props.resetRequest, scenario: scenarioKey }).current
  useEffect(() => {
    if (props.focusRequest === seen.focus) return
    seen.focus = props.focusRequest
    if (selectedIndex >= 0) startFly('focus')
  })
  useEffect(() => {
    if (props.resetRequest === seen.reset) return
    seen.reset = props.resetRequest
    startFly('reset')
  })
  useEffect(() => {
    if (scenarioKey === seen.scenario) return
    seen.scenario = scenarioKey
    const c = controls.current
    anim.mode = 'free'
    setMinDistance(MIN_DISTANCE_EARTH)
    camera.position.fromArray(home(camera.aspect, camera.fov))
    anim.touched = false
    if (c) c.target.set(0, 0, 0)
  })
  // While following, the camera follows the selection: to the new satellite, or home without one.
  const following = useRef(selectedIndex)
  useEffect(() => {
    if (selectedIndex === following.current) return
    following.current = selectedIndex
    if (anim.mode !== 'follow' && anim.mode !== 'focus') return
    startFly(selectedIndex >= 0 ? 'focus' : 'reset')
  })

  useFrame(() => {
    const c = controls.current
    if (!c) return
    const target = c.target
    if (anim.mode === 'focus' || anim.mode === 'reset') {
      // An on-demand frame loop (a paused app) still needs frames to fly.
      invalidate()
      const t = ease((performance.now() - anim.started) / (FLY_SECONDS * 1000))
      if (anim.mode === 'focus') {
        if (!satellitePosition(selectedIndex, SAT)) {
          anim.mode = 'free'
          return
        }
        anim.toTarget.copy(SAT)
        // Look down at the satellite from above and a little to the side the camera came from.
        OFFSET.copy(anim.fromOffset)
        const up = TMP.copy(SAT).normalize()
        OFFSET.addScaledVector(up, -OFFSET.dot(up)).setLength(0.6).add(up).setLength(FOCUS_DISTANCE)
        anim.toOffset.copy(OFFSET)
      }
      target.copy(anim.fromTarget).lerp(anim.toTarget, t)
      blendOffsets(anim.fromOffset, anim.toOffset, t, OFFSET)
      camera.position.copy(target).add(OFFSET)
      if (t >= 1) {
        anim.mode = anim.mode === 'focus' ? 'follow' : 'free'
        if (anim.mode === 'free') setMinDistance(MIN_DISTANCE_EARTH)
      }
    } else if (anim.mode === 'follow') {
      if (!satellitePosition(selectedIndex, SAT)) {
        anim.mode = 'free'
      } else {
        // Carry the camera along with the satellite; the user still turns and zooms around it.
        OFFSET.copy(SAT).sub(target)
        target.add(OFFSET)
        camera.position.add(OFFSET)
      }
    }
    const r = camera.position.length()
    if (r < MIN_CAMERA_RADIUS) camera.position.multiplyScalar(MIN_CAMERA_RADIUS / r)
  })

  return (
    <OrbitControls
      ref={controls}
      camera={camera}
      makeDefault
      enableDamping
      dampingFactor={0.08}
      enablePan={false}
      minDistance={MIN_DISTANCE_EARTH}
      maxDistance={MAX_DISTANCE}
      rotateSpeed={0.6}
      zoomSpeed={0.8}
      onStart={() => {
        anim.touched = true
        // The user takes over: an unfinished flight stops where it is (following continues; an
        // interrupted return home keeps the close zoom limit, the radius clamp guards the globe).
        if (anim.mode === 'focus') anim.mode = 'follow'
        else if (anim.mode === 'reset') anim.mode = 'free'
      }}
    />
  )
}
