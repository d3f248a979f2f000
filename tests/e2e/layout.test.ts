// Layout at the three sizes people use (1440×900, 1280×720 and 1024×700): the main regions and the controls
// do not overlap or overflow, the panels scroll on their own, the banner stays, and "?" opens
// the keyboard help. Screenshots of every tab go to test-results/screenshots/ for people to see.

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, nextFrames, overlaps, resizeTo, waitCanvases, waitForState } from './helpers'

const REGIONS = ['header.topbar', '.runbar', 'main.viewports', 'section.timeline', 'aside.panel']
const TABS = ['overview', 'inspector', 'alerts', 'decisions', 'metrics', 'compare']

async function boxes(page: Page, selectors: string[]) {
  const out = []
  for (const sel of selectors) {
    const loc = page.locator(sel)
    const n = await loc.count()
    for (let i = 0; i < n; i++) {
      if (!(await loc.nth(i).isVisible())) continue
      const box = await loc.nth(i).boundingBox()
      if (box && box.width > 0 && box.height > 0) out.push({ sel: `${sel}[${i}]`, box })
    }
  }
  return out
}

async function expectNoOverlap(page: Page, selectors: string[]) {
  const list = await boxes(page, selectors)
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      expect(overlaps(list[i].box, list[j].box), `${list[i].sel} overlaps ${list[j].sel}`).toBe(false)
}

/** Elements whose content is wider than their box (clipped text) among the given ones. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.outerHTML.slice(0, 80)),
    )
}

const SIZES: [number, number][] = [
  [1440, 900],
  [1280, 720],
  [1024, 700],
]

async function checkLayout(page: Page, width: number, height: number, mode: string) {
  // Nothing scrolls the page itself: everything fits the window.
  const doc = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }))
  expect(doc.w).toBeLessThanOrEqual(width)
  expect(doc.h).toBeLessThanOrEqual(height)
  await expectNoOverlap(page, REGIONS)
  await expectNoOverlap(page, [
    '.brand',
    '.picker select',
    '.picker .button',
    '.banner',
    '[data-testid="help-button"]',
  ])
  await expectNoOverlap(page, ['.controls > *'])
  await expectNoOverlap(page, ['.clock > *'])
  await expectNoOverlap(page, ['.tab'])
  await expectNoOverlap(page, ['.runbar > *'])
  await expectNoOverlap(page, ['.chip'])
  await expectNoOverlap(page, ['[data-testid="viewport"]'])
  expect(await overflowing(page, '.tab, .banner, .controls button, .chip')).toEqual([])
  expect(await page.getByTestId('banner').isVisible()).toBe(true)
  const vp = await page.locator('main.viewports').boundingBox()
  expect(vp!.height).toBeGreaterThan(height * 0.5)
  for (const tab of TABS) {
    await page.getByTestId(`tab-${tab}`).click()
    await page.waitForSelector(`[data-testid="tab-${tab}"][aria-selected="true"]`)
    // The metrics tab draws its charts (uPlot canvases) after it mounts.
    if (tab === 'metrics')
      await page.waitForFunction(() => {
        const charts = [...document.querySelectorAll('figure[data-testid^="chart-"]')]
        return charts.length > 0 && charts.every((c) => c.querySelector('canvas') !== null)
      })
    await nextFrames(page)
    // The panel body scrolls inside its own box.
    const panel = await page.getByTestId('panel').boundingBox()
    const aside = await page.locator('aside.panel').boundingBox()
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(aside!.y + aside!.height + 1)
    expect(
      await overflowing(page, '[data-testid="panel"] :is(p, h2, h3, td, th, dt, dd, .event-row)'),
    ).toEqual([])
    await screenshot(page, `layout-${width}x${height}-${mode}-${tab}`)
  }
}

describe('layout', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    const query = 'scenario=default&strategies=baseline,predictive&t=43200&sat=P1-S3'
    opened = await openPage(browser, `${inject('baseUrl')}?${query}`)
    await waitCanvases(opened.page, 2)
    await waitForState(opened.page, (s) => s.timeS === 43200 && !s.busy, 'the seek', 90_000)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it.each(SIZES)('compare view at %i×%i: regions and controls apart, every tab readable', async (w, h) => {
    await resizeTo(opened.page, w, h)
    await checkLayout(opened.page, w, h, 'compare')
  })

  it.each(SIZES)('single view at %i×%i: regions and controls apart, every tab readable', async (w, h) => {
    const { page } = opened
    if ((await appState(page)).strategies.length > 1) {
      await page.getByTestId('strategy-predictive').click()
      await waitForState(
        page,
        (s) => s.strategies.length === 1 && s.timeS === 43200 && !s.busy,
        'one strategy',
      )
    }
    await resizeTo(page, w, h)
    await checkLayout(page, w, h, 'single')
  })

  it.each(SIZES)('opens the keyboard help at %i×%i with "?" and closes it with Escape', async (w, h) => {
    const { page } = opened
    await page.setViewportSize({ width: w, height: h })
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    const help = page.getByTestId('help')
    await help.waitFor()
    const text = await help.textContent()
    for (const key of ['Space', '←', '→', 'Home', '?']) expect(text).toContain(key)
    await screenshot(page, `layout-${w}x${h}-help`)
    await page.keyboard.press('Escape')
    expect(await help.count()).toBe(0)
    await page.getByTestId('help-button').click()
    await help.waitFor()
    await page.keyboard.press('Escape')
    expect(await help.count()).toBe(0)
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
