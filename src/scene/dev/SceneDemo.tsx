// Dev harness only: SimScene on its own page (scene-demo.html), fed by the real engine running in
// a Web Worker (demo-worker.ts), so the scene can be seen, screenshotted and measured before the
// app wiring lands. Query parameters:
//   sats=N        synthetic Walker constellation of N satellites (default: the default scenario)
//   compare=1     two strategies side by side, each SimScene in its own drei <View>
//   speed=60      simulated seconds per second; paused=1 to start paused; t=3600 start time (s)
//   select=P1-S3  initial selection; fake=1 cycle status colours (synthetic runs)
//   measure=1     record the main-thread time of each R3F frame (useFrame work + render calls)
// `window.__sceneDemo` lets browser scripts drive it (select, focus, reset, seek, stats).

import { View } from '@react-three/drei'
import { Canvas, type RootState, useFrame, useThree } from '@react-three/fiber'
import { StrictMode, useEffect, useMemo, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { Vector3 } from 'three'
import type { ScenarioSpec } from '../../core'
import type { FrameMessage } from '../../worker/protocol'
import { type FrameRef, type HoverInfo, KM_PER_UNIT } from '../contract'
import { SimScene } from '../SimScene'
import type { DemoReply, DemoRequest } from './demo-worker'

const params = new URLSearchParams(location.search)
const num = (k: string, d: number) => (params.has(k) ? Number(params.get(k)) : d)
const OPTIONS = {
  satellites: num('sats', 0),
  compare: params.get('compare') === '1',
  speed: num('speed', 60),
  startS: num('t', 0),
  paused: params.get('paused') === '1',
  select: params.get('select'),
  fake: params.get('fake') === '1',
  measure: params.get('measure') === '1',
}

interface Loaded {
  scenario: ScenarioSpec
  satelliteIds: string[]
  strategies: string[]
}

/** Browser frames (requestAnimationFrame callbacks) since the last `fps()` call. */
const rate = { frames: 0, since: performance.now() }
const countFrame = () => {
  rate.frames++
  requestAnimationFrame(countFrame)
}
requestAnimationFrame(countFrame)

/** Main-thread milliseconds per R3F frame: from the first useFrame callback to the last render call. */
const timing = {
  samples: [] as number[],
  /** Of each frame, the part spent in useFrame callbacks (before the first render call). */
  updates: [] as number[],
  start: 0,
  firstRender: 0,
  end: 0,
  frames: 0,
}

function FrameTimer() {
  const gl = useThree((s) => s.gl)
  useEffect(() => {
    const render = gl.render.bind(gl)
    gl.render = (scene, camera) => {
      if (timing.firstRender < timing.start) timing.firstRender = performance.now()
      render(scene, camera)
      timing.end = performance.now()
    }
    return () => {
      gl.render = render
    }
  }, [gl])
  useFrame(() => {
    if (timing.start > 0 && timing.end > timing.start) {
      timing.samples.push(timing.end - timing.start)
      timing.updates.push(timing.firstRender - timing.start)
    }
    if (timing.samples.length > 4000) {
      timing.samples.splice(0, 2000)
      timing.updates.splice(0, 2000)
    }
    timing.start = performance.now()
    timing.frames++
  }, -1000)
  return null
}

/** The first view's R3F state, for `__sceneDemo.project` (screen position of a satellite). */
const probe: { state: RootState | null } = { state: null }

function Probe() {
  const get = useThree((s) => s.get)
  useFrame(() => {
    probe.state = get()
  })
  return null
}

function Demo() {
  const frame = useMemo<FrameRef>(() => ({ current: null }), [])
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [selected, setSelected] = useState<string | null>(OPTIONS.select)
  const [hover, setHover] = useState<HoverInfo | null>(null)
  const [focus, setFocus] = useState(0)
  const [reset, setReset] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const worker = useRef<Worker | null>(null)
  const clock = useRef<HTMLSpanElement>(null)
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const w = new Worker(new URL('./demo-worker.ts', import.meta.url), { type: 'module' })
    worker.current = w
    w.onmessage = (e: MessageEvent<DemoReply>) => {
      const m = e.data
      if (m.type === 'loaded') setLoaded(m)
      else if (m.type === 'error') setError(m.message)
      else {
        frame.current = m as FrameMessage
        if (clock.current) clock.current.textContent = `T+${(m.timeS / 3600).toFixed(2)} h`
      }
    }
    const init: DemoRequest = {
      type: 'init',
      satellites: OPTIONS.satellites,
      strategies: OPTIONS.compare ? 2 : 1,
      speed: OPTIONS.speed,
      startS: OPTIONS.startS,
      paused: OPTIONS.paused,
      fakeStatus: OPTIONS.fake,
    }
    w.postMessage(init)
    return () => w.terminate()
  }, [frame])

  const api = useRef({ selected, hover })
  api.current = { selected, hover }
  useEffect(() => {
    const send = (m: DemoRequest) => worker.current?.postMessage(m)
    ;(window as unknown as { __sceneDemo: unknown }).__sceneDemo = {
      select: (id: string | null) => setSelected(id),
      focus: () => setFocus((n) => n + 1),
      reset: () => setReset((n) => n + 1),
      play: (speed: number) => send({ type: 'play', speed }),
      pause: () => send({ type: 'pause' }),
      seek: (timeS: number) => send({ type: 'seek', timeS }),
      state: () => ({
        selected: api.current.selected,
        hover: api.current.hover,
        timeS: frame.current?.timeS ?? null,
        satellites: loaded?.satelliteIds.length ?? 0,
        links: Array.from(frame.current?.frames[0]?.linkStation ?? []).filter((j) => j >= 0).length,
        cameraDistance: probe.state?.camera.position.length() ?? null,
      }),
      stats: () => {
        const summary = (values: number[]) => {
          const s = [...values].sort((a, b) => a - b)
          const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0
          const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1)
          return { median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), mean: +mean.toFixed(2) }
        }
        return {
          frames: timing.samples.length,
          frame: summary(timing.samples),
          useFrame: summary(timing.updates),
        }
      },
      /** CSS pixel position (page coordinates) of a satellite in the first view, or null. */
      project: (id: string) => {
        const st = probe.state
        const f = frame.current?.frames[0]
        const k = loaded?.satelliteIds.indexOf(id) ?? -1
        if (!st || !f || k < 0) return null
        const v = new Vector3(f.positionsKm[3 * k], f.positionsKm[3 * k + 1], f.positionsKm[3 * k + 2])
          .divideScalar(KM_PER_UNIT)
          .project(st.camera)
        const rect = st.gl.domElement.getBoundingClientRect()
        return {
          x: rect.left + ((v.x + 1) / 2) * rect.width,
          y: rect.top + ((1 - v.y) / 2) * rect.height,
          depth: v.z,
        }
      },
      /** Moves the first view's camera to this distance from its target (Earth radii). */
      zoom: (distance: number) => {
        const st = probe.state
        const controls = st?.controls as unknown as { target: Vector3 } | null
        if (!st || !controls) return
        const offset = st.camera.position.clone().sub(controls.target).setLength(distance)
        st.camera.position.copy(controls.target).add(offset)
        st.invalidate()
      },
      /** Ids of the satellites transmitting now (first view). */
      linked: () => {
        const f = frame.current?.frames[0]
        if (!f || !loaded) return []
        return loaded.satelliteIds.filter((_, k) => f.linkStation[k] >= 0)
      },
      fps: () => {
        const now = performance.now()
        const f = (rate.frames * 1000) / (now - rate.since)
        rate.frames = 0
        rate.since = now
        return f
      },
      resetStats: () => {
        timing.samples.length = 0
        timing.updates.length = 0
        timing.frames = 0
      },
    }
  }, [frame, loaded])

  const scene = (strategyIndex: number) =>
    loaded && (
      <SimScene
        frame={frame}
        strategyIndex={strategyIndex}
        scenario={loaded.scenario}
        satelliteIds={loaded.satelliteIds}
        selected={selected}
        onSelect={setSelected}
        onHover={setHover}
        focusRequest={focus}
        resetRequest={reset}
      />
    )

  return (
    <div ref={container} style={{ position: 'fixed', inset: 0, background: '#03060d' }}>
      {OPTIONS.compare ? (
        <>
          <div style={{ position: 'absolute', inset: 0, display: 'flex', gap: 2 }}>
            {[0, 1].map((i) => (
              <View key={i} style={{ flex: 1, position: 'relative' }}>
                {scene(i)}
              </View>
            ))}
          </div>
          <Canvas
            eventSource={container as React.RefObject<HTMLElement>}
            style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}
            flat
            dpr={[1, 2]}
            gl={{ antialias: true }}
          >
            <View.Port />
          </Canvas>
        </>
      ) : (
        <Canvas flat dpr={[1, 2]} gl={{ antialias: true }}>
          {scene(0)}
          <Probe />
          {OPTIONS.measure && <FrameTimer />}
        </Canvas>
      )}
      <div style={HUD}>
        <strong>SimScene demo</strong> · {loaded?.scenario.title ?? 'loading…'} · <span ref={clock} />
        {OPTIONS.compare && loaded && (
          <>
            {' '}
            · left: {loaded.strategies[0]} · right: {loaded.strategies[1]}
          </>
        )}
        <br />
        selected: <span data-testid="demo-selected">{selected ?? '—'}</span>{' '}
        <button type="button" onClick={() => setFocus((n) => n + 1)} disabled={!selected}>
          focus
        </button>{' '}
        <button type="button" onClick={() => setReset((n) => n + 1)}>
          reset view
        </button>
        {error && <pre style={{ color: '#ff8080' }}>{error}</pre>}
      </div>
      {hover && (
        <div data-testid="demo-tooltip" style={{ ...TOOLTIP, left: hover.x + 14, top: hover.y + 10 }}>
          {hover.satellite}
        </div>
      )}
    </div>
  )
}

const HUD = {
  position: 'absolute' as const,
  left: 10,
  top: 8,
  padding: '6px 10px',
  color: '#dfe9f5',
  font: '12px/1.6 system-ui, sans-serif',
  background: 'rgba(3, 6, 13, 0.7)',
  borderRadius: 4,
  zIndex: 100,
}

const TOOLTIP = {
  position: 'absolute' as const,
  padding: '2px 6px',
  color: '#fff',
  font: '600 12px system-ui, sans-serif',
  background: 'rgba(10, 20, 40, 0.9)',
  border: '1px solid #7ee8ff',
  borderRadius: 3,
  pointerEvents: 'none' as const,
  zIndex: 100,
}

const root = document.getElementById('root')
if (!root) throw new Error('scene-demo.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <Demo />
  </StrictMode>,
)
