// The default page in real headless Chromium: the globe and the constellation are drawn, the
// scenario summary matches the scenario file, the safety banner is there, and nothing went wrong
// along the way.

import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadScenarioText } from '../../src/scenario'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { nextFrames, waitCanvases, waitIdle } from './helpers'
import { colourStats, decodePng } from './png'

const FILE = 'scenarios/default.json'
const expected = loadScenarioText(readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8'), FILE)

describe('default page', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(browser, inject('baseUrl'))
    // Software WebGL is slow: wait for the app's own "first frames drawn" flag, not a timer.
    await opened.page.waitForSelector('canvas[data-ready="true"]', { timeout: 90_000 })
    await waitCanvases(opened.page)
    await waitIdle(opened.page)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('has the title and the favicon', async () => {
    const { page } = opened
    expect(await page.title()).toBe('Mission Sandbox')
    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(icon).toBe('/favicon.svg')
    const res = await page.request.get(new URL(icon!, inject('baseUrl')).href)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain('image/svg+xml')
  })

  it('loads the default scenario in the worker, at the start of the run', async () => {
    const { page } = opened
    expect(page.url()).toContain('scenario=default')
    await expect(page.getByTestId('sim-time').getAttribute('data-time-s')).resolves.toBe('0')
    await expect(page.getByTestId('sim-time').textContent()).resolves.toContain('2026-03-20 00:00:00 UTC')
    expect(await page.getByTestId('run-summary').textContent()).toMatch(
      /^At the start, 0 of \d+ tasks delivered/,
    )
  })

  it('draws the Earth on a dark sky in the WebGL canvas', async () => {
    const canvas = opened.page.locator('canvas')
    const box = await canvas.boundingBox()
    expect(box!.width).toBeGreaterThan(600)
    expect(box!.height).toBeGreaterThan(500)
    const img = decodePng(await screenshot(canvas, 'default-canvas'))
    const stats = colourStats(img)
    // Not a blank or single-colour canvas…
    expect(stats.distinct).toBeGreaterThan(200)
    // …mostly dark space around a globe that shows blue ocean and some land.
    expect(stats.dark).toBeGreaterThan(0.3)
    expect(stats.blue).toBeGreaterThan(0.05)
    expect(stats.land).toBeGreaterThan(0.005)
    // The globe is centred: the middle of the canvas is not space.
    const mid = ((img.height >> 1) * img.width + (img.width >> 1)) * 4
    expect(img.data[mid] + img.data[mid + 1] + img.data[mid + 2]).toBeGreaterThan(60)
  })

  it('shows the default scenario summary and the banner', async () => {
    const { page } = opened
    expect(expected.ok).toBe(true)
    if (!expected.ok) return
    const s = expected.scenario
    const text = (id: string) => page.getByTestId(id).textContent()
    expect(await page.getByTestId('banner').isVisible()).toBe(true)
    await expect(text('banner')).resolves.toBe('Illustrative sandbox — not a flight system')
    await expect(text('scenario-title')).resolves.toBe(s.title)
    await expect(text('scenario-demonstrates')).resolves.toBe(s.demonstrates)
    await expect(text('scenario-satellites')).resolves.toBe(String(s.satellites.length))
    await expect(text('scenario-stations')).resolves.toBe(String(s.groundStations.length))
    await expect(text('scenario-tasks')).resolves.toBe(String(s.tasks.length))
    await expect(text('scenario-events')).resolves.toBe(String(s.events.length))
    await expect(text('scenario-epoch')).resolves.toContain(new Date(s.epochMs).toISOString().slice(0, 10))
    const strategies = await text('scenario-strategies')
    for (const st of s.strategies) expect(strategies).toContain(st.name)
    await screenshot(page, 'default-page')
    // The panel scrolls on its own; the description must be reachable and readable.
    await page.getByTestId('scenario-description').scrollIntoViewIfNeeded()
    await expect(text('scenario-description')).resolves.toBe(s.description)
    expect(await page.getByTestId('scenario-description').isVisible()).toBe(true)
    // …by scrolling the panel, not the page.
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0)
    expect(await page.getByTestId('panel').evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    await screenshot(page, 'default-page-panel-end')
  })

  it('logs no console errors, page errors or failed requests', async () => {
    // Let a few more frames happen before judging.
    await nextFrames(opened.page, 10)
    expect(opened.problems).toEqual([])
  })
})
