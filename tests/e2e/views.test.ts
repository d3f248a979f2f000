// Every built-in scenario in the single view and then in the compare view ("Compare all", up to
// four panes), at the three window sizes people use: no console warning or error, the page does
// not scroll, the clock is not cut, and no globe is cut by its pane (the canvas edges show space,
// not Earth). Screenshots go to test-results/screenshots/views-*.png.

import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, screenshot } from './browser'
import { builtInScenarios, canvasPixels, overlaps, resizeTo, waitCanvases, waitForState } from './helpers'

const SIZES: [number, number][] = [
  [1024, 700],
  [1280, 720],
  [1440, 900],
]

/** Share of bright pixels (the lit Earth) on each outer row and column of a canvas. */
async function edgeBrightness(canvas: Locator): Promise<number> {
  const { image } = await canvasPixels(canvas)
  const { width: w, height: h, data } = image
  const bright = (x: number, y: number) => {
    const i = 4 * (y * w + x)
    return data[i] + data[i + 1] + data[i + 2] > 240
  }
  let worst = 0
  for (const [n, at] of [
    [w, (k: number) => bright(k, 1)],
    [w, (k: number) => bright(k, h - 2)],
    [h, (k: number) => bright(1, k)],
    [h, (k: number) => bright(w - 2, k)],
  ] as [number, (k: number) => boolean][]) {
    let hits = 0
    for (let k = 0; k < n; k++) if (at(k)) hits++
    worst = Math.max(worst, hits / n)
  }
  return worst
}

async function checkView(page: Page, width: number, height: number, name: string) {
  const doc = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }))
  expect(doc.w, `${name}: page width`).toBeLessThanOrEqual(width)
  expect(doc.h, `${name}: page height`).toBeLessThanOrEqual(height)
  // The clock: both parts shown whole.
  const cut = await page
    .locator('.clock > *')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent))
  expect(cut, `${name}: clock cut`).toEqual([])
  await expect(page.locator('.clock-rel').textContent()).resolves.toMatch(/^T\+\S+/)
  // …and inside the timeline, not under the side panel.
  const rel = await page.locator('.clock-rel').boundingBox()
  const timeline = await page.locator('section.timeline').boundingBox()
  expect(rel!.x + rel!.width, `${name}: relative clock inside the timeline`).toBeLessThanOrEqual(
    timeline!.x + timeline!.width,
  )
  // Tables in the side panel stay inside it.
  const panel = await page.locator('aside.panel').boundingBox()
  for (const t of await page.locator('aside.panel table').all()) {
    const box = await t.boundingBox()
    if (box)
      expect(box.x + box.width, `${name}: a table wider than the panel`).toBeLessThanOrEqual(
        panel!.x + panel!.width + 1,
      )
  }
  // The viewport hint and tools do not cover each other.
  const hint = page.locator('.viewport-hint')
  if (await hint.isVisible()) {
    const a = await hint.boundingBox()
    const b = await page.locator('.viewport-tools').boundingBox()
    expect(overlaps(a!, b!), `${name}: hint under the tools`).toBe(false)
  }
  const canvases = page.locator('[data-testid="viewport"] canvas')
  for (let k = 0; k < (await canvases.count()); k++) {
    expect(await edgeBrightness(canvases.nth(k)), `${name}: pane ${k} globe cut`).toBeLessThan(0.05)
  }
}

describe('every scenario, single and compare, at three sizes', () => {
  let browser: Browser
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 })
    page = await context.newPage()
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`)
    })
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  for (const { key } of builtInScenarios()) {
    it(`${key}`, async () => {
      await page.setViewportSize({ width: 1024, height: 700 })
      await page.goto(`${inject('baseUrl')}?scenario=${key}`, { waitUntil: 'load' })
      await waitCanvases(page, 1)
      for (const [w, h] of SIZES) {
        await resizeTo(page, w, h)
        await checkView(page, w, h, `${key} single ${w}×${h}`)
      }
      await screenshot(page, `views-${key}-single`)
      const strategies = (await waitForState(page, (s) => !s.loading, 'loaded')).strategies
      await page.getByTestId('tab-compare').click()
      const all = page.getByTestId('panel').getByRole('button', { name: /^Compare all/ })
      if ((await all.count()) > 0 && strategies.length === 1) {
        await all.click()
        await waitForState(page, (s) => s.strategies.length > 1 && !s.busy, 'compare all', 120_000)
        const n = (await waitForState(page, (s) => s.strategies.length > 1, 'compare')).strategies.length
        await waitCanvases(page, n)
        for (const [w, h] of SIZES) {
          await resizeTo(page, w, h)
          await checkView(page, w, h, `${key} compare ${w}×${h}`)
          await screenshot(page, `views-${key}-compare-${w}x${h}`)
        }
      }
      expect(problems, `${key}: console`).toEqual([])
    }, 400_000)
  }
})
