// Scenarios in the browser: every file of scenarios/ loads from the picker (the list is read
// from the folder, so new scenarios are covered without touching this test), and a bad file
// opened through the file input shows the validator's errors while the running scenario stays;
// a valid file's warnings show as notes.

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { registry } from '../../src/planners'
import { formatIssue, loadScenarioText } from '../../src/scenario'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, builtInScenarios, regionStats, waitCanvases, waitForState, waitIdle } from './helpers'

const SCENARIOS = builtInScenarios()

describe('scenarios', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(browser, inject('baseUrl'))
    await waitCanvases(opened.page)
    await waitIdle(opened.page)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('lists every file of scenarios/ in the picker', async () => {
    const values = await opened.page
      .getByTestId('scenario-select')
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
    for (const s of SCENARIOS) expect(values).toContain(s.key)
  })

  it.each(SCENARIOS.map((s) => [s.key, s] as const))(
    'loads %s and shows what it demonstrates',
    async (_key, s) => {
      const { page } = opened
      const expected = loadScenarioText(s.text, s.file, { knownPlanners: registry.names() })
      expect(expected.ok, expected.ok ? '' : expected.issues.map(formatIssue).join('\n')).toBe(true)
      if (!expected.ok) return
      await page.getByTestId('tab-overview').click()
      await page.getByTestId('scenario-select').selectOption(s.key)
      const state = await waitForState(
        page,
        (x) => x.source?.key === s.key && !x.loading && x.frameTime === 0,
        `${s.key} to load`,
      )
      expect(state.scenarioId).toBe(expected.scenario.id)
      expect(state.loadIssues).toBe(0)
      expect(state.strategies).toEqual([expected.scenario.strategies[0].name])
      await expect(page.getByTestId('scenario-title').textContent()).resolves.toBe(expected.scenario.title)
      await expect(page.getByTestId('scenario-demonstrates').textContent()).resolves.toBe(
        expected.scenario.demonstrates,
      )
      await expect(page.getByTestId('scenario-description').textContent()).resolves.toBe(
        expected.scenario.description,
      )
      // The link follows (throttled).
      await page.waitForFunction((k) => location.search.includes(`scenario=${k}`), s.key, { timeout: 10_000 })
      // Step once: the worker runs the scenario's planners without complaint.
      await page.getByTestId('step').click()
      await waitForState(page, (x) => x.stepIndex === 1 && x.frameTime === x.timeS, `${s.key} to step`)
      // The scenario's own canvas has drawn (a new scenario gets a new canvas).
      await page.waitForFunction(
        (id) =>
          document.querySelector(
            `[data-testid="viewport"][data-scene^="${id}@"] canvas[data-sim-ready="true"]`,
          ),
        expected.scenario.id,
        { timeout: 60_000 },
      )
      const shot = await screenshot(page, `scenario-${s.key}`)
      const box = (await page.locator('canvas').boundingBox())!
      expect(regionStats(shot, box).distinct).toBeGreaterThan(200)
      expect((await appState(page)).messages.filter((m) => /stopped|failed/.test(m))).toEqual([])
    },
  )

  it('shows every problem of an invalid file and keeps the scenario that runs', async () => {
    const { page } = opened
    await page.getByTestId('scenario-select').selectOption('default')
    await waitForState(page, (x) => x.source?.key === 'default' && x.frameTime === 0, 'default to load')
    await page.getByTestId('step').click()
    await waitForState(page, (x) => x.stepIndex === 1, 'a step')
    const broken = {
      formatVersion: 1,
      id: 'broken',
      title: 'Broken on purpose',
      demonstrates: 'errors',
      description: 'x',
      epoch: '2026-03-20T00:00:00Z',
      duration: '6h',
      step: '30s',
      constellation: {
        walker: {
          pattern: 'delta',
          inclinationDeg: 53,
          satellites: 5,
          planes: 2,
          phasing: 0,
          altitudeKm: 550,
        },
      },
      groundStations: [{ id: 'g1', latDeg: 123, lonDeg: 0 }],
      tasks: [],
      events: [],
      strategies: { base: { allocation: 'no-such-planner' } },
    }
    const text = JSON.stringify(broken, null, 2)
    const expected = loadScenarioText(text, 'broken.json', { knownPlanners: registry.names() })
    expect(expected.ok).toBe(false)
    if (expected.ok) return
    await page.getByTestId('file-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })
    const panel = page.getByTestId('load-errors')
    await panel.waitFor({ timeout: 30_000 })
    const shown = await panel.textContent()
    expect(shown).toContain('broken.json')
    expect(await page.getByTestId('load-issues').locator('li').count()).toBe(expected.issues.length)
    for (const issue of expected.issues) {
      expect(shown).toContain(issue.message)
      if (issue.path) expect(shown).toContain(issue.path)
    }
    await screenshot(page, 'invalid-file-errors')
    // The running scenario is untouched: same scenario, same time, still steps.
    const state = await appState(page)
    expect(state.source?.key).toBe('default')
    expect(state.stepIndex).toBe(1)
    await expect(page.getByTestId('scenario-select').inputValue()).resolves.toBe('default')
    await page.getByTestId('step').click()
    await waitForState(page, (x) => x.stepIndex === 2, 'a step after the failed load')
    await page.getByTestId('load-errors-close').click()
    expect(await panel.count()).toBe(0)
  })

  it('shows a JSON syntax error with its line and column', async () => {
    const { page } = opened
    const text = '{\n  "formatVersion": 1,\n  "id": "x",\n  oops\n}\n'
    await page.getByTestId('file-input').setInputFiles({
      name: 'syntax.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })
    const panel = page.getByTestId('load-errors')
    await panel.waitFor({ timeout: 30_000 })
    expect(await panel.textContent()).toMatch(/line 4/)
    expect((await appState(page)).source?.key).toBe('default')
    await page.keyboard.press('Escape')
    expect(await panel.count()).toBe(0)
  })

  it('opens a valid local file', async () => {
    const { page } = opened
    const s = SCENARIOS.find((x) => x.key === 'default')!
    await page.getByTestId('file-input').setInputFiles({
      name: 'my-copy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(s.text),
    })
    const state = await waitForState(
      page,
      (x) => x.source?.name === 'my-copy.json' && !x.loading,
      'the file to load',
    )
    expect(state.file).toBe('my-copy.json')
    await expect(
      page.getByTestId('scenario-select').locator('option:checked').textContent(),
    ).resolves.toContain('my-copy.json')
  })

  it("shows a valid file's warnings (an element set years from the epoch) as notes", async () => {
    const { page } = opened
    const scenario = JSON.parse(SCENARIOS.find((x) => x.key === 'default')!.text)
    scenario.constellation.tle = [
      'OLD ISS',
      '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927',
      '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537',
    ]
    const text = JSON.stringify(scenario)
    const expected = loadScenarioText(text, 'old-tle.json', { knownPlanners: registry.names() })
    const warning = expected.ok ? expected.scenario.warnings?.[0] : undefined
    expect(warning).toMatch(/^constellation\.tle\[0\]: the element set of "OLD ISS" dates from 2008-09-20/)
    await page.getByTestId('file-input').setInputFiles({
      name: 'old-tle.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })
    await waitForState(page, (x) => x.source?.name === 'old-tle.json' && !x.loading, 'the file to load')
    const messages = page.getByTestId('messages')
    await messages.waitFor({ timeout: 30_000 })
    expect(await messages.textContent()).toContain(warning)
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
