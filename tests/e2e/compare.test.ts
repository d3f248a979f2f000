// Compare mode in the browser: two strategies in lockstep from the same seed, two viewports, a
// metrics table whose values are exactly the engine's metrics at the end of the run for that
// scenario and seed (computed here in Node the way `sim compare --json` does), the better value
// marked, and the moments where the planners diverged, which jump the time there.

import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { eligibleFor, METRIC_BY_KEY, type MetricKey, toleranceOf } from '../../src/core'
import { referenceHonestBest } from '../support/best-reference'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { canvasPixels, engineMetrics, waitCanvases, waitForState } from './helpers'

const FILE = 'scenarios/default.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')
const STRATEGIES = ['baseline', 'predictive']

/** The table as the page shows it: per metric, per strategy, the raw value and the best mark. */
async function table(page: Page) {
  return page.getByTestId('compare-table').evaluate((el) => {
    const out: Record<string, Record<string, { value: number | null; best: boolean }>> = {}
    for (const row of el.querySelectorAll('tbody tr')) {
      const key = row.getAttribute('data-metric')!
      out[key] = {}
      for (const td of row.querySelectorAll('td')) {
        const raw = td.getAttribute('data-value')!
        out[key][td.getAttribute('data-strategy')!] = {
          value: raw === 'null' ? null : Number(raw),
          best: td.getAttribute('data-best') === 'true',
        }
      }
    }
    return out
  })
}

async function expectEngineNumbers(page: Page, seed: number) {
  const expected = engineMetrics(TEXT, FILE, STRATEGIES, seed)
  const shown = await table(page)
  for (const { strategy, metrics } of expected) {
    for (const [key, value] of Object.entries(metrics)) {
      expect(shown[key]?.[strategy]?.value, `${strategy} ${key}`).toBe(value)
    }
  }
  // The better value is marked by the rule the CLI uses, computed here independently.
  for (const key of Object.keys(expected[0].metrics) as MetricKey[]) {
    const values = expected.map((e) => e.metrics[key] ?? null)
    const eligible = eligibleFor(
      key,
      expected.map((e) => e.metrics),
    )
    const best = referenceHonestBest(METRIC_BY_KEY[key], toleranceOf(key), values, [], eligible)
    for (const [k, s] of STRATEGIES.entries()) expect(shown[key][s].best, `${key} best`).toBe(k === best)
  }
}

describe('compare', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(
      browser,
      `${inject('baseUrl')}?scenario=default&strategies=${STRATEGIES.join(',')}`,
    )
    await waitCanvases(opened.page, 2)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('shows one viewport per strategy, both drawn', async () => {
    const { page } = opened
    const viewports = page.getByTestId('viewport')
    expect(await viewports.count()).toBe(2)
    await expect(page.getByTestId('viewport-label').allTextContents()).resolves.toEqual(STRATEGIES)
    for (let k = 0; k < 2; k++) {
      const { stats } = await canvasPixels(viewports.nth(k).locator('canvas'))
      expect(stats.distinct).toBeGreaterThan(200)
      expect(stats.blue).toBeGreaterThan(0.03)
    }
  })

  it('shows the engine’s end-of-run metrics for the scenario and seed', async () => {
    const { page } = opened
    await page.getByTestId('tab-compare').click()
    await page.getByTestId('run-to-end').click()
    const s = await waitForState(
      page,
      (x) => x.done && !x.busy && x.frameTime === x.timeS,
      'the end of the run',
      120_000,
    )
    expect(s.strategies).toEqual(STRATEGIES)
    expect(s.seed).toBe(7)
    await expect(page.getByTestId('compare-when').textContent()).resolves.toContain('end of the run')
    await expectEngineNumbers(page, 7)
    await screenshot(page, 'compare-end')
  })

  it('lists where the planners diverged and jumps there', async () => {
    const { page } = opened
    const items = page.getByTestId('divergence')
    expect(await items.count()).toBeGreaterThan(0)
    const t = Number(await items.first().getAttribute('data-t'))
    await items.first().click()
    await waitForState(
      page,
      (x) => !x.busy && x.timeS === t && x.frameTime === t,
      'the jump to the divergence',
    )
    // The decision log highlights, per strategy, what the other did not do (up to now).
    await page.getByTestId('tab-decisions').click()
    let highlighted = 0
    for (const name of STRATEGIES) {
      await page.getByTestId(`focus-${name}`).click()
      highlighted += await page.locator('[data-testid="decision-log"] li.diverged').count()
      if (highlighted > 0) await screenshot(page, 'compare-divergence')
      if (highlighted > 0) break
    }
    expect(highlighted).toBeGreaterThan(0)
  })

  it('reruns both engines from another seed', async () => {
    const { page } = opened
    await page.getByTestId('seed').fill('3')
    await page.getByTestId('seed').press('Enter')
    await waitForState(page, (x) => x.seed === 3 && !x.busy, 'the new seed')
    await page.waitForFunction(() => location.search.includes('seed=3'), null, { timeout: 10_000 })
    await page.getByTestId('tab-compare').click()
    await page.getByTestId('run-to-end').click()
    await waitForState(page, (x) => x.seed === 3 && x.done && !x.busy, 'the end of the run', 120_000)
    await expectEngineNumbers(page, 3)
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
