// The side panels with a run in progress: selecting a satellite from the inspector's list (the
// keyboard- and test-friendly way besides a click in the scene) fills the inspector; alerts,
// the decision log with its filters, the metrics charts and the run summary show the run.

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, waitCanvases, waitForState } from './helpers'

const T = 20 * 3600

describe('panels', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    // 20 h into the default scenario: the wheel of P1-S3 has worn, the planners have acted.
    opened = await openPage(browser, `${inject('baseUrl')}?scenario=default&t=${T}`)
    await waitCanvases(opened.page)
    await waitForState(opened.page, (s) => s.timeS === T && !s.busy, 'the seek to 20 h', 90_000)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('selects a satellite from the list and fills the inspector', async () => {
    const { page } = opened
    await page.getByTestId('tab-inspector').click()
    const rows = page.getByTestId('sat-row')
    expect(await rows.count()).toBe(25)
    await page.getByTestId('sat-filter').fill('P1-S3')
    await page.locator('[data-testid="sat-row"][data-id="P1-S3"]').click()
    const detail = page.getByTestId('sat-detail')
    await detail.waitFor({ timeout: 30_000 })
    await expect(detail.getAttribute('data-id')).resolves.toBe('P1-S3')
    expect((await appState(page)).selected).toBe('P1-S3')
    await expect(page.getByTestId('sat-id').textContent()).resolves.toBe('P1-S3')
    const altitude = Number.parseFloat((await page.getByTestId('sat-altitude').textContent()) ?? '')
    expect(altitude).toBeGreaterThan(300)
    expect(altitude).toBeLessThan(800)
    expect(await page.getByTestId('sat-lat').textContent()).toMatch(/^-?\d+\.\d\d°$/)
    expect(await page.getByTestId('sat-battery').textContent()).toMatch(/%/)
    expect(await page.getByTestId('sat-propellant').textContent()).toMatch(/kg/)
    expect(await page.getByTestId('sat-orbit').textContent()).toContain('Inclination')
    // Health of three components with sparklines of the measured telemetry.
    expect(await page.getByTestId('sat-health').locator('svg path.spark-line').count()).toBe(3)
    expect(await page.getByTestId('sat-contact').textContent()).toMatch(
      /^(Next: |In view of |Transmitting to |No contact)/,
    )
    // P1-S3 is the satellite the scenario is about: decisions and events name it.
    expect(await page.getByTestId('sat-events').locator('li').count()).toBeGreaterThan(0)
    await page.getByTestId('sat-detail').evaluate((el) => el.scrollIntoView())
    await screenshot(page, 'panel-inspector')
    expect(page.url()).toContain('sat=P1-S3')
    // Escape clears the selection.
    await page.locator('body').press('Escape')
    await waitForState(page, (s) => s.selected === null, 'the selection to clear')
    await page.locator('[data-testid="sat-row"][data-id="P1-S3"]').click()
    await detail.waitFor()
  })

  it('shows alerts with their rationale', async () => {
    const { page } = opened
    await page.getByTestId('tab-alerts').click()
    expect(await page.getByTestId('alert-history').locator('li').count()).toBeGreaterThan(0)
    await screenshot(page, 'panel-alerts')
  })

  it('filters the decision log by kind and satellite', async () => {
    const { page } = opened
    await page.getByTestId('tab-decisions').click()
    const log = page.getByTestId('decision-log').locator('li')
    const all = await log.count()
    expect(all).toBeGreaterThan(0)
    await page.getByTestId('log-kind').selectOption('all')
    const every = await log.count()
    expect(every).toBeGreaterThanOrEqual(all)
    await page.getByTestId('log-satellite').selectOption('P1-S3')
    const mine = await log.allTextContents()
    expect(mine.length).toBeGreaterThan(0)
    for (const row of mine) expect(row).toContain('P1-S3')
    await page.getByTestId('log-kind').selectOption('decision')
    for (const row of await log.allTextContents()) expect(row).toContain('decision')
    await page.getByTestId('log-kind').selectOption('actions')
    await page.getByTestId('log-satellite').selectOption('')
    await screenshot(page, 'panel-decisions')
    // A click on an entry jumps the time to it.
    const oldest = log.last()
    await oldest.locator('button').click()
    const s = await waitForState(page, (x) => x.timeS < T && !x.busy, 'the jump from the log')
    expect(s.timeS).toBeGreaterThan(0)
    await page.keyboard.press('End')
    await waitForState(page, (x) => x.done && !x.busy, 'the end of the run', 90_000)
  })

  it('draws the metrics charts with a limit line', async () => {
    const { page } = opened
    await page.getByTestId('tab-metrics').click()
    const chart = page.getByTestId('chart-minBatterySoc')
    await chart.waitFor()
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(6)
    await screenshot(page, 'panel-metrics')
  })

  it('summarises the run in plain language', async () => {
    const { page } = opened
    await page.getByTestId('tab-overview').click()
    const text = await page.getByTestId('run-summary').textContent()
    expect(text).toMatch(/^Over the whole run \(24 h\), \d+ of \d+ tasks delivered/)
    await screenshot(page, 'panel-overview-end')
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
