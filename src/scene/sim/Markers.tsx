// Ground stations and task targets: Earth-fixed point sprites (render inside the group that turns
// with the Earth) drawn a constant size on screen, hidden on the far side of the globe by a
// facing test in the shader. Stations are green triangles that light up while a satellite
// transmits to them and turn grey and faint during an outage; targets are rings in the colour of
// this pane's strategy's outcome (TASK_HEX), absent until a task burst announces them. Labels stay out of the way: station
// names appear when the camera is zoomed in (or on hover), a target's details on hover.

import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import {
  type BufferAttribute,
  BufferGeometry,
  Color,
  Float32BufferAttribute,
  type Intersection,
  Matrix4,
  type Object3D,
  Points,
  Ray,
  type Raycaster,
  ShaderMaterial,
  Vector3,
} from 'three'
import type { StationSpec } from '../../core/spec'
import { type FrameMessage, TASK_CODE } from '../../worker/protocol'
import type { FrameRef } from '../contract'
import { writeStationsDown } from '../environment'
import { latLonToUnitVector, type Vec3 } from '../geo'
import { stationPositions } from '../links'
import { COLOURS, TASK_HEX } from '../palette'
import { type PickResult, pickPoint } from '../pick'
import { ORDER, pixelWorld } from './common'
import { makeLabel, placeLabel, useAttachedLabels, useLabelLayer } from './labels'
import { type TargetTask, taskCode, writeTargetStates } from './target-states'

/** Station names show for every station facing the camera when it is closer than this (Earth radii). */
export const LABEL_ZOOM_DISTANCE = 3.2
/** At most this many always-on station labels; beyond it, names show on hover only. */
const MAX_ZOOM_LABELS = 40
const PICK_PX = 10
/** How far (scene units) markers are drawn towards the camera so the globe does not clip them. */
const LIFT = 0.02

const vertexShader = /* glsl */ `
attribute float state;
#ifdef TARGET
attribute float diff;
uniform float differences;
varying float vDiff;
#else
attribute float down;
varying float vDown;
#endif
uniform float sizePx;
uniform float pixelRatio;
uniform float lift;
varying float vFacing;
varying float vState;
void main() {
  vec3 world = (modelMatrix * vec4(position, 1.0)).xyz;
  vec3 n = normalize(mat3(modelMatrix) * position);
  vec3 toCamera = cameraPosition - world;
  toCamera /= max(length(toCamera), 1e-6);
  vFacing = dot(n, toCamera);
  vState = state;
  float size = sizePx;
#ifdef TARGET
  // Differences view: −1 same in every strategy (dimmed), 1 differs (drawn larger), 0 view off.
  vDiff = differences > 0.5 ? (diff > 0.5 ? 1.0 : -1.0) : 0.0;
  size *= vDiff > 0.5 ? 1.6 : 1.0;
#else
  vDown = down;
#endif
  world += toCamera * lift;
  gl_Position = projectionMatrix * viewMatrix * vec4(world, 1.0);
  gl_PointSize = size * pixelRatio;
}
`

const stationFragment = /* glsl */ `
uniform vec3 colour;
uniform vec3 activeColour;
varying float vFacing;
varying float vState;
varying float vDown;
void main() {
  float fade = smoothstep(0.0, 0.15, vFacing);
  if (fade <= 0.0) discard;
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  p.y = 0.15 - p.y;
  // A station off the air (an outage): grey and faint.
  fade *= vDown > 0.5 ? 0.45 : 1.0;
  // An upward triangle (distance-like field: < 0 inside).
  float d = max(abs(p.x) * 0.866 + p.y * 0.5, -p.y) - 0.42;
  float aa = fwidth(d);
  float inside = 1.0 - smoothstep(-aa, aa, d);
  if (inside <= 0.0) discard;
  float rim = smoothstep(-0.17 - aa, -0.17 + aa, d);
  vec3 fill = vDown > 0.5 ? vec3(0.42) : mix(colour, activeColour, vState);
  gl_FragColor = vec4(mix(fill, vec3(0.01, 0.03, 0.05), rim * 0.9), inside * fade);
  #include <colorspace_fragment>
}
`

// state: TASK_CODE (0 unknown: hidden, 1 pending, 2 open, 3 assigned, 4 captured, 5 delivered,
// 6 missed). A ring for every known task, a filled core once its window opened and it is not missed.
const targetFragment = /* glsl */ `
uniform vec3 taskColours[7];
varying float vFacing;
varying float vState;
varying float vDiff;
void main() {
  float fade = smoothstep(0.0, 0.15, vFacing);
  if (fade <= 0.0 || vState < 0.5) discard;
  int code = int(vState + 0.5);
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float aa = fwidth(r);
  float ring = 1.0 - smoothstep(0.11 - aa, 0.11 + aa, abs(r - 0.62));
  float ringHalo = 1.0 - smoothstep(0.22 - aa, 0.22 + aa, abs(r - 0.62));
  float filled = (code >= 2 && code <= 5) ? 1.0 : 0.0;
  float core = max(ring, filled * (1.0 - smoothstep(0.24 - aa, 0.24 + aa, r)));
  float halo = max(ringHalo, filled * (1.0 - smoothstep(0.36 - aa, 0.36 + aa, r)));
  if (halo <= 0.0) discard;
  float alpha = code == 6 ? 0.45 : code == 1 ? 0.7 : 1.0;
  alpha *= vDiff < -0.5 ? 0.2 : 1.0;
  vec3 c = taskColours[code];
  vec3 edge = vDiff > 0.5 ? vec3(1.0) : vec3(0.03, 0.01, 0.03);
  gl_FragColor = vec4(mix(edge, c, core / halo), halo * fade * alpha);
  #include <colorspace_fragment>
}
`

function markerMaterial(fragmentShader: string, target: boolean, sizePx: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      sizePx: { value: sizePx },
      pixelRatio: { value: 1 },
      lift: { value: LIFT },
      differences: { value: 0 },
      taskColours: { value: TASK_HEX.map((hex) => new Color(hex)) },
      colour: { value: new Color(COLOURS.station) },
      activeColour: { value: new Color(COLOURS.stationActive) },
    },
    defines: target ? { TARGET: '' } : {},
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
  })
}

const INVERSE = new Matrix4()
const LOCAL_RAY = new Ray()
const PICK: PickResult = { index: -1, distance: 0 }
const WORLD = new Vector3()

/** Point sprites whose raycast picks the nearest marker within PICK_PX pixels, facing the camera. */
function pickablePoints(
  geometry: BufferGeometry,
  material: ShaderMaterial,
  tanPick: { value: number },
): Points {
  const points = new Points(geometry, material)
  points.frustumCulled = false
  const positions = (geometry.getAttribute('position') as BufferAttribute).array as Float32Array
  const count = positions.length / 3
  points.raycast = (raycaster: Raycaster, intersects: Intersection<Object3D>[]) => {
    INVERSE.copy(points.matrixWorld).invert()
    LOCAL_RAY.copy(raycaster.ray).applyMatrix4(INVERSE)
    const { origin: o, direction: d } = LOCAL_RAY
    if (!pickPoint(positions, count, 1, o.x, o.y, o.z, d.x, d.y, d.z, tanPick.value, 0.999, PICK)) return
    const k = PICK.index
    const point = new Vector3(positions[3 * k], positions[3 * k + 1], positions[3 * k + 2]).applyMatrix4(
      points.matrixWorld,
    )
    intersects.push({ distance: raycaster.ray.origin.distanceTo(point), point, index: k, object: points })
  }
  return points
}

export type { TargetTask }

type Hovered = { kind: 'station' | 'target'; index: number } | null

export interface MarkersProps {
  frame: FrameRef
  /** Per station, its outages [start, end) in s after epoch (environment.ts). */
  outages: readonly [number, number][][]
  /** Which of the frame's strategies this view draws the task outcomes of. */
  strategyIndex: number
  /** Dim the tasks whose outcome is the same in every strategy, highlight the others. */
  differences: boolean
  stations: readonly StationSpec[]
  targets: readonly TargetTask[]
  /** 1 per station while a satellite transmits to it (written by Links). */
  stationActive: BufferAttribute
}

export function Markers({
  frame,
  outages,
  strategyIndex,
  differences,
  stations,
  targets,
  stationActive,
}: MarkersProps) {
  const dpr = useThree((s) => s.viewport.dpr)
  const gl = useThree((s) => s.gl)
  const tanPick = useMemo(() => ({ value: 0.01 }), [])

  const stationPoints = useMemo(() => {
    const g = new BufferGeometry()
    g.setAttribute('position', new Float32BufferAttribute(stationPositions(stations, 1), 3))
    g.setAttribute('state', stationActive)
    g.setAttribute('down', new Float32BufferAttribute(new Float32Array(stations.length), 1))
    const p = pickablePoints(g, markerMaterial(stationFragment, false, 18), tanPick)
    p.renderOrder = ORDER.markers
    return p
  }, [stations, stationActive, tanPick])

  const targetPoints = useMemo(() => {
    const n = targets.length
    const g = new BufferGeometry()
    const pos = new Float32Array(3 * n)
    const v: Vec3 = [0, 0, 0]
    targets.forEach(({ task }, k) => {
      latLonToUnitVector(task.target.latRad, task.target.lonRad, v)
      pos.set(v, 3 * k)
    })
    g.setAttribute('position', new Float32BufferAttribute(pos, 3))
    g.setAttribute('state', new Float32BufferAttribute(new Float32Array(n), 1))
    g.setAttribute('diff', new Float32BufferAttribute(new Float32Array(n), 1))
    const p = pickablePoints(g, markerMaterial(targetFragment, true, 15), tanPick)
    p.renderOrder = ORDER.markers
    // No targets: nothing to draw, and an empty object still costs the renderer a program switch
    // and its uniforms every frame.
    p.visible = n > 0
    return p
  }, [targets, tanPick])

  useLayoutEffect(
    () => () => {
      stationPoints.geometry.dispose()
      ;(stationPoints.material as ShaderMaterial).dispose()
    },
    [stationPoints],
  )
  useLayoutEffect(
    () => () => {
      targetPoints.geometry.dispose()
      ;(targetPoints.material as ShaderMaterial).dispose()
    },
    [targetPoints],
  )

  // Labels: plain DOM in a layer over the canvas (see labels.ts), moved per frame.
  const layer = useLabelLayer(12)
  const zoomLabels = stations.length <= MAX_ZOOM_LABELS
  const stationLabels = useMemo(
    () =>
      zoomLabels
        ? stations.map((st) => {
            const el = makeLabel('scene-station-label', STATION_LABEL)
            el.textContent = st.name
            return el
          })
        : [],
    [stations, zoomLabels],
  )
  useAttachedLabels(layer, stationLabels)
  const hoverLabels = useMemo(() => [makeLabel('scene-hover-label', { ...STATION_LABEL, zIndex: '1' })], [])
  const hoverLabel = hoverLabels[0]
  useAttachedLabels(layer, hoverLabels)
  const hovered = useRef<Hovered>(null)
  const drawnTasks = useRef<{ frame: FrameMessage | null; points: Points | null }>({
    frame: null,
    points: null,
  }).current
  const diffScratch = useMemo(() => new Uint8Array(targets.length), [targets])

  const worldOf = (points: Points, k: number, out: Vector3): Vector3 => {
    const a = (points.geometry.getAttribute('position') as BufferAttribute).array as Float32Array
    return out.set(a[3 * k], a[3 * k + 1], a[3 * k + 2]).applyMatrix4(points.matrixWorld)
  }

  useFrame((state) => {
    const camera = state.camera
    const pw = pixelWorld(camera, state.size.height)
    tanPick.value = PICK_PX * pw
    const sm = stationPoints.material as ShaderMaterial
    const tm = targetPoints.material as ShaderMaterial
    sm.uniforms.pixelRatio.value = dpr
    tm.uniforms.pixelRatio.value = dpr
    const f = frame.current
    tm.uniforms.differences.value = differences ? 1 : 0
    if (f !== drawnTasks.frame || targetPoints !== drawnTasks.points) {
      drawnTasks.frame = f
      drawnTasks.points = targetPoints
      writeTargetStates(targetPoints, targets, f, strategyIndex, diffScratch)
      const down = stationPoints.geometry.getAttribute('down') as BufferAttribute
      writeStationsDown(outages, f ? f.timeS : 0, down.array as Float32Array)
      down.needsUpdate = true
    }

    camera.updateMatrixWorld()
    stationPoints.updateWorldMatrix(true, false)
    targetPoints.updateWorldMatrix(true, false)
    const { width, height } = state.size
    const cam = camera.position
    const h = hovered.current
    // The hovered marker's details, while it faces the camera (and still exists).
    if (h && h.index >= (h.kind === 'station' ? stations.length : targets.length)) hovered.current = null
    if (h && hovered.current) {
      const points = h.kind === 'station' ? stationPoints : targetPoints
      worldOf(points, h.index, WORLD)
      placeLabel(hoverLabel, facing(WORLD, cam) ? WORLD : null, camera, width, height, 11)
    } else placeLabel(hoverLabel, null, camera, width, height)
    // Station names: zoomed in, and facing the camera.
    const near = cam.length() < LABEL_ZOOM_DISTANCE
    for (let k = 0; k < stationLabels.length; k++) {
      const show =
        near && !(h?.kind === 'station' && h.index === k) && facing(worldOf(stationPoints, k, WORLD), cam)
      placeLabel(stationLabels[k], show ? WORLD : null, camera, width, height, 11)
    }
  })

  const hoverOn = (kind: 'station' | 'target') => (e: ThreeEvent<PointerEvent>) => {
    if (e.index === undefined || e.nativeEvent.buttons !== 0) return
    // A task is not shown (so not hovered) before a task burst announces it.
    if (kind === 'target' && taskCode(targets, frame.current, strategyIndex, e.index) === TASK_CODE.unknown)
      return
    const cur = hovered.current
    if (cur && cur.kind === kind && cur.index === e.index) return
    hovered.current = { kind, index: e.index }
    hoverLabel.replaceChildren(...hoverContent(kind, e.index))
  }
  const hoverOff = (kind: 'station' | 'target') => () => {
    if (hovered.current?.kind !== kind) return
    hovered.current = null
  }

  /** Name in bold, details below. */
  const hoverContent = (kind: 'station' | 'target', k: number): Node[] => {
    let title = ''
    let detail = ''
    if (kind === 'station' && stations[k]) {
      title = stations[k].name
      detail = `ground station · ${fmtLatLon(stations[k].latRad, stations[k].lonRad)}`
    } else if (kind === 'target' && targets[k]) {
      const { task } = targets[k]
      title = task.id
      detail = `priority ${task.priority} · window ${fmtHours(task.windowStartS)}–${fmtHours(task.windowEndS)}`
    }
    const b = document.createElement('strong')
    b.textContent = title
    const d = document.createElement('span')
    Object.assign(d.style, { display: 'block', opacity: '0.75', fontWeight: '400' })
    d.textContent = detail
    return [b, d]
  }

  return (
    <>
      <primitive
        object={stationPoints}
        onPointerMove={hoverOn('station')}
        onPointerOut={() => {
          hoverOff('station')()
          gl.domElement.style.cursor = ''
        }}
      />
      <primitive object={targetPoints} onPointerMove={hoverOn('target')} onPointerOut={hoverOff('target')} />
    </>
  )
}

/** Whether a point on the globe faces the camera (more than ~7° above its horizon). */
function facing(p: Vector3, cam: Vector3): boolean {
  const dx = cam.x - p.x
  const dy = cam.y - p.y
  const dz = cam.z - p.z
  return p.x * dx + p.y * dy + p.z * dz > 0.12 * p.length() * Math.hypot(dx, dy, dz)
}

function fmtHours(s: number): string {
  const h = Math.floor(s / 3600)
  const m = Math.round((s - 3600 * h) / 60)
  return `${h}:${String(m).padStart(2, '0')}`
}

function fmtLatLon(lat: number, lon: number): string {
  const d = 180 / Math.PI
  const la = lat * d
  const lo = lon * d
  return `${Math.abs(la).toFixed(1)}°${la >= 0 ? 'N' : 'S'} ${Math.abs(lo).toFixed(1)}°${lo >= 0 ? 'E' : 'W'}`
}

const STATION_LABEL: Partial<CSSStyleDeclaration> = {
  padding: '1px 5px',
  background: 'rgba(5, 12, 24, 0.72)',
  color: '#e8fff0',
  font: '500 11px/1.35 system-ui, sans-serif',
}
