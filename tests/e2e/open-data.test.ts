// Open data in the browser: a .tle file dropped on the page becomes a scenario (its satellites
// are drawn, a notice says what was filled in), and every entry of the Export menu downloads a
// file. The report, access CSV, series CSV and CZML are the bytes Node computes with the same
// engine for the same file, strategy and seed; the PNG is a picture of the 3D view; "Copy link"
// puts the page's address on the clipboard.

import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { exportRun, type RunExportFormat } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { generateSets, threeLineText } from '../support/element-sets'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { waitCanvases, waitForState, waitIdle } from './helpers'
import { colourStats, decodePng } from './png'

const FILE = 'fleet.tle'
const SETS = generateSets(40)
const TEXT = threeLineText(SETS, '\r\n')

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], name, { type: 'text/plain' }))
      return dt
    },
    { name, text },
  )
  await page.dispatchEvent('.app', 'dragover', { dataTransfer })
  await page.dispatchEvent('.app', 'drop', { dataTransfer })
}

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const menu = page.getByTestId('export-menu')
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId(testId).click(),
  ])
  const path = await file.path()
  return { name: file.suggestedFilename(), body: await readFile(path) }
}

describe('open data in the app', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(browser, inject('baseUrl'))
    await waitCanvases(opened.page)
    await waitIdle(opened.page)
  }, 180_000)

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('a dropped .tle file becomes a scenario and its satellites are drawn', async () => {
    const { page } = opened
    await dropFile(page, FILE, TEXT)
    const state = await waitForState(
      page,
      (x) => x.source?.name === FILE && !x.loading && x.frameTime === 0,
      'the .tle file to load',
    )
    expect(state.loadIssues).toBe(0)
    expect(state.strategies).toEqual(['fly'])
    const shown = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on purpose
      const session = (window as any).__missionSandbox
      return {
        ids: session.app.getState().satelliteIds as string[],
        positions: session.frame().current?.frames[0]?.positionsKm.length ?? 0,
      }
    })
    expect(shown.ids).toEqual(SETS.map((s) => s.name))
    expect(shown.positions).toBe(3 * SETS.length)
    expect(state.messages.some((m) => m.includes('read 40 two-line element sets'))).toBe(true)
    await waitCanvases(page)
    await screenshot(page, 'open-data-dropped-tle')
  })

  it.each([
    ['export-report', 'report', 'fleet-fly-seed1.json'],
    ['export-access-csv', 'access-csv', 'fleet-fly-seed1-access.csv'],
    ['export-series-csv', 'series-csv', 'fleet-fly-seed1-series.csv'],
    ['export-czml', 'czml', 'fleet-fly-seed1.czml'],
  ] as const)(
    '%s downloads what Node computes for the same file',
    { timeout: 180_000 },
    async (testId, format, name) => {
      const loaded = loadScenarioText(TEXT, FILE, { knownPlanners: registry.names() })
      if (!loaded.ok) throw new Error('the generated file does not load')
      const spec = loaded.scenario
      const expected = exportRun(
        spec,
        'fly',
        registry.bind(spec.strategies[0]).planners,
        spec.seed,
        format as RunExportFormat,
      )
      const got = await download(opened.page, testId)
      expect(got.name).toBe(name)
      expect(got.body.toString('utf8')).toBe(expected.text)
    },
  )

  it('export-png downloads a picture of the 3D view', async () => {
    const { page } = opened
    const got = await download(page, 'export-png')
    expect(got.name).toBe('fleet-view.png')
    const img = decodePng(got.body)
    const size = await page
      .locator('canvas')
      .first()
      .evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])
    expect([img.width, img.height]).toEqual(size)
    // A picture of the globe in space, not an empty buffer: ocean blue and many colours.
    const stats = colourStats(img)
    expect(stats.blue).toBeGreaterThan(0.02)
    expect(stats.distinct).toBeGreaterThan(50)
  })

  it('copy-link puts the address on the clipboard', async () => {
    const { page } = opened
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin })
    const menu = page.getByTestId('export-menu')
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
    await page.getByTestId('copy-link').click()
    await waitForState(
      page,
      (x) => x.messages.some((m) => m.startsWith('Link copied')),
      'the link to be copied',
    )
    const [clip, href] = await page.evaluate(async () => [
      await navigator.clipboard.readText(),
      window.location.href,
    ])
    expect(clip).toBe(href)
  })

  it('a 10,000-record file loads and steps in the app', { timeout: 300_000 }, async () => {
    const { page } = opened
    await dropFile(page, 'catalogue.3le', threeLineText(generateSets(10_000)))
    const state = await waitForState(
      page,
      (x) => x.source?.name === 'catalogue.3le' && !x.loading && x.frameTime === 0,
      'the 10,000-record file to load',
      240_000,
    )
    expect(state.loadIssues).toBe(0)
    const count = await page.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on purpose
      () => (window as any).__missionSandbox.app.getState().satelliteIds.length as number,
    )
    expect(count).toBe(10_000)
    await page.getByTestId('step').click()
    await waitForState(page, (x) => x.stepIndex === 1 && x.frameTime === x.timeS, 'one step', 240_000)
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
