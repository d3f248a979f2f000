// The page's start: what it fetches before its first frame, and what it leaves for later. The
// charts (uPlot), the compare view, the tabs and dialog not shown at first, the other scenarios'
// texts and the workers that only multi-seed runs and planner modules need must not be fetched
// before the first frame; the engine's worker
// and the default scenario's text must. And the page makes one WebGL context, not two: the 3D
// view's first canvas, made before the scenario arrives, also draws it, and that context itself
// tells the renderer that decides MSAA (no throwaway context, no probe in a worker).

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type LoadSample, loadOnce } from '../../bench/browser-load'
import { launchBrowser } from './browser'

const VIEWPORT = { width: 1440, height: 900 }

/** The chunk file names (no hash) of a list of /assets/<name>-<hash>.js paths. */
function chunkNames(paths: string[]): string[] {
  return paths.map((p) => p.replace(/^.*\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, ''))
}

describe('the page before its first frame', () => {
  let browser: Browser
  let first: LoadSample

  beforeAll(async () => {
    browser = await launchBrowser()
    first = await loadOnce(browser, `${inject('baseUrl')}?scenario=default`, 'app:first-frame', VIEWPORT)
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
  })

  it("fetches the engine's worker and the default scenario, nothing the first frame does not need", () => {
    const names = chunkNames(first.scripts)
    expect(names).toContain('sim.worker')
    expect(names).toContain('default')
    for (const later of [
      'Metrics',
      'Compare',
      'Inspector',
      'Alerts',
      'DecisionLog',
      'PlannersDialog',
      'disaster-response',
      'open-data',
      'seeds.worker',
      'planner.worker',
      'inspect.worker',
    ])
      expect(names).not.toContain(later)
  })

  it('fetches the small panels after the first frame, the charts when their tab opens', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
    try {
      const page = await context.newPage()
      const fetched: string[] = []
      page.on('request', (r) => {
        if (r.url().endsWith('.js')) fetched.push(new URL(r.url()).pathname)
      })
      await page.goto(`${inject('baseUrl')}?scenario=default`, { waitUntil: 'load' })
      await page.waitForSelector('canvas[data-sim-ready="true"]', { timeout: 90_000 })
      expect(chunkNames(fetched)).not.toContain('Metrics')
      // The small panels come right after the first frame, unasked; the charts do not.
      await expect
        .poll(() => chunkNames(fetched), { timeout: 30_000 })
        .toEqual(expect.arrayContaining(['Inspector', 'Alerts', 'DecisionLog', 'PlannersDialog']))
      expect(chunkNames(fetched)).not.toContain('Metrics')
      await page.getByTestId('tab-metrics').click()
      await page.locator('.uplot canvas').first().waitFor({ timeout: 60_000 })
      expect(chunkNames(fetched)).toContain('Metrics')
    } finally {
      await context.close()
    }
  })

  it('makes one WebGL context on the main thread, without MSAA on a software renderer', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
    try {
      // Records every WebGL context the page's own thread asks for, and with which attributes.
      await context.addInitScript(() => {
        const made: { antialias: boolean | null }[] = []
        Object.assign(window, { __webglContexts: made })
        const original = HTMLCanvasElement.prototype.getContext
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
          const [type, attributes] = args as [string, WebGLContextAttributes | undefined]
          if (type === 'webgl2' || type === 'webgl') made.push({ antialias: attributes?.antialias ?? null })
          return (original as (...a: unknown[]) => RenderingContext | null).apply(this, args)
        } as typeof original
      })
      const page = await context.newPage()
      await page.goto(`${inject('baseUrl')}?scenario=default`, { waitUntil: 'load' })
      await page.waitForSelector('canvas[data-sim-ready="true"]', { timeout: 90_000 })
      const made = await page.evaluate(
        () => (window as unknown as { __webglContexts: unknown[] }).__webglContexts,
      )
      // This machine's Chromium draws with SwiftShader: the view's context, made without MSAA, stays.
      expect(made).toEqual([{ antialias: false }])
    } finally {
      await context.close()
    }
  })

  it('draws the first scenario in the canvas it made while the scenario loaded', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
    try {
      await context.addInitScript(() => {
        let made = 0
        Object.assign(window, { __webglContextsMade: () => made })
        const original = HTMLCanvasElement.prototype.getContext
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
          if (args[0] === 'webgl2' || args[0] === 'webgl') made++
          return (original as (...a: unknown[]) => RenderingContext | null).apply(this, args)
        } as typeof original
      })
      // The engine's worker is held back until the view has made its context, so the scenario
      // surely arrives after the canvas (otherwise the order depends on the machine's speed).
      let release: () => void = () => {}
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      await context.route(/sim\.worker-[^/]*\.js$/, async (route) => {
        await held
        await route.continue()
      })
      const page = await context.newPage()
      await page.goto(`${inject('baseUrl')}?scenario=default`)
      await page.waitForFunction(
        () => (window as unknown as { __webglContextsMade: () => number }).__webglContextsMade() === 1,
        null,
        { timeout: 90_000 },
      )
      // The canvas is there under the loading note, before any scenario.
      await page.locator('.viewport-loading').waitFor({ state: 'visible', timeout: 30_000 })
      const canvas = page.getByTestId('viewport').locator('canvas')
      await canvas.evaluate((c) => {
        c.dataset.madeBeforeScenario = 'yes'
      })
      release()
      await page.waitForSelector('canvas[data-sim-ready="true"]', { timeout: 90_000 })
      // The same element drew the scene, and no second context was made.
      expect(await canvas.getAttribute('data-made-before-scenario')).toBe('yes')
      expect(
        await page.evaluate(() =>
          (window as unknown as { __webglContextsMade: () => number }).__webglContextsMade(),
        ),
      ).toBe(1)
    } finally {
      await context.close()
    }
  })
})
