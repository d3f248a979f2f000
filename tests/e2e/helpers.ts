// Shared helpers of the e2e tests: reading the app's stores through the test hook main.tsx
// leaves on window, waiting for the worker, and computing in Node what the engine says for the
// same scenario and seed — exactly as `sim compare` does (loader + registry.bind + createSimulation).

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'
import { createSimulation, type MetricValues, NONDETERMINISTIC_METRICS } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { colourStats, decodePng } from './png'

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url))

/** Every built-in scenario: key (file name without .json), path as the app names it, text. */
export function builtInScenarios(): { key: string; file: string; text: string }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      key: f.slice(0, -5),
      file: `scenarios/${f}`,
      text: readFileSync(SCENARIO_DIR + f, 'utf8'),
    }))
}

export interface AppSnapshot {
  loading: boolean
  file: string | null
  source: { kind: string; key?: string; name?: string } | null
  scenarioId: string | null
  title: string | null
  durationS: number
  stepS: number
  strategies: string[]
  seed: number | null
  timeS: number
  stepIndex: number
  playing: boolean
  done: boolean
  busy: boolean
  selected: string | null
  loadIssues: number
  messages: string[]
  /** Per shown strategy: metrics now and the length of the event log now. */
  sims: { strategy: string; metrics: Record<string, number | null> | null; eventCount: number }[]
  frameTime: number | null
}

/** The app's state as plain data (through window.__missionSandbox, see src/main.tsx). */
export function appState(page: Page): Promise<AppSnapshot> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on purpose
    const session = (window as any).__missionSandbox
    const s = session.app.getState()
    return {
      loading: s.loading,
      file: s.file,
      source: s.source,
      scenarioId: s.scenario?.id ?? null,
      title: s.scenario?.title ?? null,
      durationS: s.scenario?.durationS ?? 0,
      stepS: s.scenario?.stepS ?? 0,
      strategies: s.strategies,
      seed: s.seed,
      timeS: s.timeS,
      stepIndex: s.stepIndex,
      playing: s.playing,
      done: s.done,
      busy: s.busy !== null,
      selected: s.selected,
      loadIssues: s.loadIssues?.issues.length ?? 0,
      messages: s.messages.map((m: { text: string }) => m.text),
      // biome-ignore lint/suspicious/noExplicitAny: see above
      sims: s.sims.map((sim: any) => {
        const x = sim.getState()
        return { strategy: x.strategy, metrics: x.metrics, eventCount: x.eventCount }
      }),
      frameTime: session.frame().current?.timeS ?? null,
    }
  })
}

/**
 * Resolves once the page has drawn `n` more animation frames: whatever a click, a resize or a
 * new frame from the worker re-renders is on screen by then. A count of frames, not a sleep.
 */
export function nextFrames(page: Page, n = 3): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const tick = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)))
        tick(count)
      }),
    n,
  )
}

/** Resizes the viewport and waits until the page has the new size and has re-rendered for it. */
export async function resizeTo(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.waitForFunction(([w, h]) => innerWidth === w && innerHeight === h, [width, height])
  await nextFrames(page)
}

/** Polls the app state until `ok` holds (the worker answers asynchronously). */
export async function waitForState(
  page: Page,
  ok: (s: AppSnapshot) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<AppSnapshot> {
  const start = Date.now()
  let last: AppSnapshot | null = null
  while (Date.now() - start < timeoutMs) {
    last = await appState(page)
    if (ok(last)) return last
    await page.waitForTimeout(100)
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last).slice(0, 600)}`)
}

/** Waits until the worker is idle: loaded, not playing, not seeking, and the digest is current. */
export function waitIdle(
  page: Page,
  what = 'the worker to settle',
  timeoutMs = 60_000,
): Promise<AppSnapshot> {
  return waitForState(
    page,
    (s) => !s.loading && !s.playing && !s.busy && s.frameTime === s.timeS,
    what,
    timeoutMs,
  )
}

/** Waits for every canvas to have drawn frames with simulation data. */
export async function waitCanvases(page: Page, count = 1): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('canvas[data-sim-ready="true"]').length >= n,
    count,
    { timeout: 90_000 },
  )
}

/** Colour statistics of a screenshot of an element (a canvas). */
export async function canvasPixels(target: Locator) {
  const png = await target.screenshot({ type: 'png' })
  return { png, stats: colourStats(decodePng(png)), image: decodePng(png) }
}

/** Colour statistics of a rectangle (CSS px at device scale 1) of a page screenshot. */
export function regionStats(png: Buffer, box: { x: number; y: number; width: number; height: number }) {
  const img = decodePng(png)
  const x0 = Math.max(0, Math.round(box.x))
  const y0 = Math.max(0, Math.round(box.y))
  const w = Math.min(img.width - x0, Math.round(box.width))
  const h = Math.min(img.height - y0, Math.round(box.height))
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++)
    data.set(
      img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4),
      y * w * 4,
    )
  return colourStats({ width: w, height: h, data })
}

/** Share of pixels that differ noticeably between two same-size screenshots. */
export function pixelDifference(a: Buffer, b: Buffer): number {
  const x = decodePng(a)
  const y = decodePng(b)
  if (x.width !== y.width || x.height !== y.height) return 1
  let diff = 0
  for (let i = 0; i < x.data.length; i += 4) {
    const d =
      Math.abs(x.data[i] - y.data[i]) +
      Math.abs(x.data[i + 1] - y.data[i + 1]) +
      Math.abs(x.data[i + 2] - y.data[i + 2])
    if (d > 30) diff++
  }
  return diff / (x.width * x.height)
}

/**
 * What the engine says at the end of the run, per strategy, for a scenario and seed: the same
 * computation as `sim compare --json` (src/cli/compare/job.ts), without the wall-clock metric.
 */
export function engineMetrics(text: string, file: string, strategies: string[], seed?: number) {
  const loaded = loadScenarioText(text, file, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.issues)}`)
  const spec = loaded.scenario
  return strategies.map((name) => {
    const strategy = spec.strategies.find((s) => s.name === name)
    if (!strategy) throw new Error(`no strategy ${name}`)
    const bound = registry.bind(strategy)
    if (bound.problems.length) throw new Error(bound.problems.join('\n'))
    const sim = createSimulation(spec, name, { planners: bound.planners, seed: seed ?? spec.seed })
    sim.runUntil(spec.durationS)
    const all = sim.metrics()
    const metrics: Partial<MetricValues> = {}
    for (const [key, value] of Object.entries(all) as [keyof MetricValues, number | null][]) {
      if (!NONDETERMINISTIC_METRICS.includes(key)) metrics[key] = value
    }
    return { strategy: name, metrics }
  })
}

/** Two rectangles overlap (by more than a pixel of rounding). */
export function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return (
    a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1
  )
}

/** Drops a file on the page the way a browser does (a DataTransfer with one File). */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, t]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([t], n))
      const app = document.querySelector('.app')!
      app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }))
      app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    },
    [name, text] as const,
  )
}
