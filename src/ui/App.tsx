// The first page: the globe on the left, the default scenario's summary on the right.

import { Canvas } from '@react-three/fiber'
import { useMemo } from 'react'
import defaultScenarioText from '../../scenarios/default.json?raw'
import { sunDirectionEci } from '../core/sun'
import { gmstRad } from '../core/time'
import { formatIssues, loadScenarioText } from '../scenario'
import { GlobeScene } from '../scene/GlobeScene'
import { initialCameraPosition } from '../scene/view'
import { ScenarioSummary } from './ScenarioSummary'

const DEFAULT_FILE = 'scenarios/default.json'
/** Shown behind the error panel when the default scenario does not load. */
const FALLBACK_EPOCH_MS = Date.UTC(2026, 2, 20)

const loaded = loadScenarioText(defaultScenarioText, DEFAULT_FILE)

export function App() {
  const scenario = loaded.ok ? loaded.scenario : null
  const epochMs = scenario?.epochMs ?? FALLBACK_EPOCH_MS
  const sunDirEci = useMemo(() => {
    const out = new Float64Array(3)
    sunDirectionEci(epochMs, out, 0)
    return out
  }, [epochMs])
  const gmst = useMemo(() => gmstRad(epochMs), [epochMs])
  // Read once: the Canvas applies camera options only when it is created.
  const camera = useMemo(
    () => ({
      position: initialCameraPosition(sunDirEci, 4),
      up: [0, 0, 1] as [number, number, number],
      fov: 40,
      near: 0.01,
      far: 2000,
    }),
    [sunDirEci],
  )

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          <span>Mission Sandbox</span>
        </div>
        <p className="banner" role="note" data-testid="banner">
          Illustrative sandbox — not a flight system
        </p>
      </header>
      <main className="viewport" aria-label="3D view of the Earth">
        <Canvas camera={camera} flat dpr={[1, 2]} gl={{ antialias: true }}>
          <GlobeScene gmstRad={gmst} sunDirEci={sunDirEci} />
        </Canvas>
        <p className="viewport-hint">Drag to orbit · scroll to zoom</p>
      </main>
      <aside className="panel">
        {loaded.ok ? (
          <ScenarioSummary scenario={loaded.scenario} file={DEFAULT_FILE} />
        ) : (
          <section className="load-error" role="alert">
            <h1>The default scenario could not be loaded</h1>
            <pre>{formatIssues(loaded.issues)}</pre>
          </section>
        )}
      </aside>
    </div>
  )
}
