// The 3D viewports: one R3F Canvas per strategy shown (compare mode puts 2–4 side by side; a few
// WebGL contexts render reliably in headless Chromium with SwiftShader, where drei's View
// scissoring gains nothing). Each mounts the scene's <SimScene> on the same FrameRef; cameras
// can be linked so every viewport looks from the same place.
//
// The canvases render on demand: when the worker sends a frame (≤ 30 Hz while playing), while
// the pointer is over them or the camera flies, and on a slow idle tick — so the CPU is left to
// the worker whenever drawing again would show nothing new.

import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Quaternion, Vector3 } from 'three'
import { useShallow } from 'zustand/react/shallow'
import type { HoverInfo } from '../scene/contract'
import { stormAt } from '../scene/environment'
import { makeRenderer } from '../scene/renderer-factory'
import { msaaRemakeCount, onMsaaRemake } from '../scene/renderer-quality'
import { SimScene } from '../scene/SimScene'
import type { FrameHolder } from '../store/session'
import { CaptureBridge } from './capture'
import { formatOffset } from './format'
import { Legend } from './Legend'
import { useApp, useSession } from './session-context'

/** Frames drawn with simulation data before a canvas is marked `data-sim-ready="true"`. */
const READY_AFTER_FRAMES = 3
/** While paused, redraw this often anyway (textures that arrive late, hover effects). */
const IDLE_REDRAW_MS = 1000
/** How long the canvas renders every frame after a focus, reset or selection (the camera flies). */
const FLIGHT_MS = 2500

/** The strategy name of the first viewport's slot while the first scenario loads (none yet). */
const FIRST_SLOT = ''

/** Frames drawn by the first viewport since the page opened (benchmarks read it; one add per frame). */
export const RENDER_STATS = { frames: 0 }

interface CameraShare {
  master: number
  version: number
  position: Vector3
  quaternion: Quaternion
}

/**
 * Marks the canvas for tests and benchmarks: `data-sim-ready` once frames with simulation data
 * were drawn, `data-frame-seq` with the frame shown, and an `app:first-frame` performance mark.
 */
function FrameProbe({ holder, index }: { holder: FrameHolder; index: number }) {
  const session = useSession()
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const seen = useRef({ drawn: 0, seq: -1, holder })
  useFrame(() => {
    const st = seen.current
    if (index === 0) RENDER_STATS.frames++
    if (st.holder !== holder) {
      st.holder = holder
      st.drawn = 0
    }
    const f = holder.current
    if (!f) return
    // useFrame runs before each render: on call n + 1, n frames with data have been drawn.
    if (st.drawn === 1 && index === 0 && performance.getEntriesByName('app:first-frame').length === 0)
      performance.mark('app:first-frame')
    if (st.drawn === READY_AFTER_FRAMES) gl.domElement.dataset.simReady = 'true'
    if (st.drawn <= READY_AFTER_FRAMES) {
      st.drawn++
      invalidate()
    }
    const seq = f.seq ?? 0
    if (seq !== st.seq) {
      st.seq = seq
      gl.domElement.dataset.frameSeq = String(seq)
      // Drawn now (this callback runs right before the render): tell the worker.
      if (index === 0) session.frameShown(seq)
    }
  })
  return null
}

/** Redraws when the worker sends a frame (for the on-demand loop while paused). */
function WakeOnFrame() {
  const session = useSession()
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    const off = session.onFrame(() => invalidate())
    const idle = setInterval(() => invalidate(), IDLE_REDRAW_MS)
    return () => {
      off()
      clearInterval(idle)
    }
  }, [session, invalidate])
  return null
}

/** Copies the camera of the viewport last touched to the others. */
function CameraLink({ index, share }: { index: number; share: CameraShare }) {
  const camera = useThree((s) => s.camera)
  const invalidate = useThree((s) => s.invalidate)
  const version = useRef(0)
  useFrame(() => {
    if (share.master === index) {
      if (!camera.position.equals(share.position) || !camera.quaternion.equals(share.quaternion)) {
        share.position.copy(camera.position)
        share.quaternion.copy(camera.quaternion)
        share.version++
      }
    } else if (share.version !== version.current) {
      version.current = share.version
      camera.position.copy(share.position)
      camera.quaternion.copy(share.quaternion)
      camera.updateMatrixWorld()
    }
  })
  useEffect(() => {
    const id = setInterval(() => {
      if (share.master !== index && share.version !== version.current) invalidate()
    }, 50)
    return () => clearInterval(id)
  }, [share, index, invalidate])
  return null
}

function Viewport({
  index,
  strategy,
  share,
  linked,
  count,
}: {
  index: number
  strategy: string
  share: CameraShare
  linked: boolean
  count: number
}) {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const satelliteIds = useApp((s) => s.satelliteIds)
  const sims = useApp((s) => s.sims)
  const selected = useApp((s) => s.selected)
  const renderAlways = useApp((s) => s.renderAlways)
  const focusRequest = useApp((s) => s.focusRequest)
  const resetRequest = useApp((s) => s.resetRequest)
  const differences = useApp((s) => s.differences)
  // The storm, not the time: a digest (≈ 2 Hz) that leaves it unchanged must not re-render the
  // viewport, whose render reconciles the whole 3D scene inside its Canvas.
  const storm = useApp(useShallow((s) => (s.scenario ? stormAt(s.scenario, s.timeS) : null)))
  const [hover, setHover] = useState<HoverInfo | null>(null)
  // A new scenario gets a fresh canvas, mounted a moment after the old one is gone: mounting the
  // scene of another scenario into a live canvas makes its labels (drei <Html>, each its own
  // React root) throw "removeChild … not a child of this node" (see the scene's issue).
  const sceneKey = scenario ? `${scenario.id}@${scenario.epochMs}` : ''
  const [shownKey, setShownKey] = useState(sceneKey)
  // The first scene mounts at once: the gap is only there to take an old scene down first.
  const firstScene = useRef(true)
  if (shownKey !== '') firstScene.current = false
  const visibleKey = firstScene.current && shownKey === '' ? sceneKey : shownKey
  // The page's first canvas is made while the worker is still reading the first scenario (its
  // WebGL context takes tens of ms to make, hundreds on a software rasterizer), and that scene is
  // then mounted into it: the canvas holds nothing yet, so nothing of an old scene can clash.
  const firstSceneKey = useRef<string | null>(null)
  if (firstSceneKey.current === null && sceneKey !== '') firstSceneKey.current = sceneKey
  // On a GPU, the page's first context (made without MSAA: renderer-factory.ts) is made again.
  const msaaRemakes = useSyncExternalStore(onMsaaRemake, msaaRemakeCount)
  const canvasKey = `${
    firstSceneKey.current === null || visibleKey === firstSceneKey.current ? 'first' : visibleKey
  }#${msaaRemakes}`
  useEffect(() => {
    if (shownKey === sceneKey) return
    if (firstScene.current && shownKey === '') {
      setShownKey(sceneKey)
      return
    }
    setShownKey('')
    const id = setTimeout(() => setShownKey(sceneKey), 60)
    return () => clearTimeout(id)
  }, [sceneKey, shownKey])
  const [pointerInside, setPointerInside] = useState(false)
  // A new run brings a new FrameRef (see store/session.ts); `sims` changes with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sims marks a new run
  const holder = useMemo(() => session.frame(), [session, sims])
  // biome-ignore lint/correctness/useExhaustiveDependencies: sims marks a new run
  const orbits = useMemo(() => session.orbits()[index] ?? { version: 0, orbits: [] }, [session, sims, index])
  // Camera flights (focus, reset, a new selection) need every frame for a moment.
  const [flying, setFlying] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes start a flight
  useEffect(() => {
    setFlying(true)
    const id = setTimeout(() => setFlying(false), FLIGHT_MS)
    return () => clearTimeout(id)
  }, [focusRequest, resetRequest, selected])
  const onSelect = useCallback(
    (id: string | null) => {
      session.select(id)
      // A satellite picked in 3D is one to inspect: open its tab.
      if (id !== null) session.setTab('inspector')
    },
    [session],
  )
  // Before the first scenario only the first viewport is there, holding its empty canvas.
  if (!scenario && index !== 0) return null
  // Frames from the worker (≤ 30 Hz while playing) wake the loop; a pointer over the view or a
  // camera flight needs every frame. Rendering more would only take CPU from the worker.
  const live = renderAlways || pointerInside || flying
  return (
    <div
      className="viewport-cell"
      data-testid="viewport"
      data-strategy={strategy}
      data-scene={visibleKey}
      onPointerDown={() => {
        share.master = index
      }}
      onPointerEnter={() => setPointerInside(true)}
      onPointerLeave={() => {
        setPointerInside(false)
        setHover(null)
      }}
    >
      {visibleKey !== sceneKey ? null : (
        <Canvas
          key={canvasKey}
          flat
          dpr={[1, 2]}
          // Sized at once: R3F's default waits 50 ms after the first layout before making the renderer.
          resize={{ debounce: 0 }}
          gl={makeRenderer}
          frameloop={live ? 'always' : 'demand'}
          aria-label={`3D view of the constellation, strategy ${strategy}`}
        >
          {scenario ? (
            <>
              <SimScene
                frame={holder}
                strategyIndex={index}
                orbits={orbits}
                scenario={scenario}
                satelliteIds={satelliteIds}
                selected={selected}
                onSelect={onSelect}
                onHover={setHover}
                focusRequest={focusRequest}
                resetRequest={resetRequest}
                differences={differences && count > 1}
              />
              <FrameProbe holder={holder} index={index} />
              <CaptureBridge index={index} />
              <WakeOnFrame />
              {linked && count > 1 ? <CameraLink index={index} share={share} /> : null}
            </>
          ) : null}
        </Canvas>
      )}
      {storm ? (
        <div className="storm-tint" data-testid="storm-tint">
          <span className="storm-note">
            Solar storm · arrays −{Math.round(storm.powerLoss * 100)} % until {formatOffset(storm.endS)}
          </span>
        </div>
      ) : null}
      {count > 1 ? (
        <div className="viewport-label" data-testid="viewport-label">
          {strategy}
        </div>
      ) : null}
      {/* The selected satellite already has its label in the scene: no second one on hover. */}
      {hover && hover.satellite !== selected ? (
        <div className="hover-tip" style={{ left: hover.x + 14, top: hover.y + 10 }}>
          {hover.satellite}
        </div>
      ) : null}
    </div>
  )
}

export function Viewports() {
  const session = useSession()
  const strategies = useApp((s) => s.strategies)
  const loading = useApp((s) => s.loading)
  const [linked, setLinked] = useState(true)
  const differences = useApp((s) => s.differences)
  const share = useMemo<CameraShare>(
    () => ({ master: 0, version: 0, position: new Vector3(), quaternion: new Quaternion() }),
    [],
  )
  const count = strategies.length
  return (
    <main className={`viewports n${Math.min(count, 4)}`} aria-label="3D views">
      {loading ? <p className="viewport-loading">Loading the scenario…</p> : null}
      {(strategies.length > 0 ? strategies : loading ? [FIRST_SLOT] : []).map((name, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a viewport is a slot; its canvas survives a change of strategy
        <Viewport key={k} index={k} strategy={name} share={share} linked={linked} count={count} />
      ))}
      <div className="viewport-tools">
        {count > 1 ? (
          <label className="check" title="Move all viewports together">
            <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.target.checked)} />
            Link cameras
          </label>
        ) : null}
        {count > 1 ? (
          <label
            className="check"
            title="Dim the tasks and satellites whose outcome is the same in every strategy; highlight the rest"
          >
            <input
              type="checkbox"
              data-testid="differences-toggle"
              checked={differences}
              onChange={(e) => session.app.setState({ differences: e.target.checked })}
            />
            Differences
          </label>
        ) : null}
        <Legend />
        <button
          type="button"
          className="button small"
          onClick={() => session.app.setState((s) => ({ resetRequest: s.resetRequest + 1 }))}
          title="Back to the initial view"
        >
          Reset view
        </button>
      </div>
      <p className="viewport-hint">Drag to orbit · scroll to zoom · click a satellite to inspect it</p>
    </main>
  )
}
