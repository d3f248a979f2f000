// A comparison that shows its differences: four strategies on disaster-response at the end of the
// run draw four panes that differ where their task outcomes differ (compared pixel by pixel), the
// "differences" view changes the picture, and the multi-seed table equals what
// `sim compare --json --seeds 1..10` prints for the same scenario.

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { nextFrames, pixelDifference, waitCanvases, waitForState } from './helpers'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FILE = 'scenarios/disaster-response.json'
const STRATEGIES = ['static-plan', 'edf', 'priority', 'optimal']

/** Per pane, its strategy's task outcome codes in the frame shown now. */
function taskStates(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __missionSandbox: { frame(): { current: { frames: { taskState?: Uint8Array }[] } | null } }
    }
    const f = w.__missionSandbox.frame().current
    return f ? f.frames.map((x) => Array.from(x.taskState ?? [])) : []
  })
}

/** Screenshots of each pane's canvas, once every pane has drawn the latest frame. */
async function paneShots(page: Page, name: string): Promise<Buffer[]> {
  // Each pane's canvas carries the sequence number of the frame it drew last (data-frame-seq):
  // wait until every pane shows the frame the worker sent last, then for a few more animation
  // frames so a view change (the "differences" toggle) made since is drawn too.
  await page.waitForFunction((panes) => {
    const w = window as unknown as { __missionSandbox: { frame(): { current: { seq?: number } | null } } }
    const f = w.__missionSandbox.frame().current
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="viewport"] canvas')]
    return (
      f !== null &&
      canvases.length >= panes &&
      canvases.every((c) => c.dataset.frameSeq === String(f.seq ?? 0))
    )
  }, STRATEGIES.length)
  await nextFrames(page, 3)
  const canvases = page.locator('[data-testid="viewport"] canvas')
  const out: Buffer[] = []
  for (let k = 0; k < STRATEGIES.length; k++) out.push(await canvases.nth(k).screenshot({ type: 'png' }))
  await screenshot(page, name)
  return out
}

describe('compare: differences drawn per pane', () => {
  let browser: Browser
  let opened: OpenedPage

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(
      browser,
      `${inject('baseUrl')}?scenario=disaster-response&strategies=${STRATEGIES.join(',')}`,
    )
    await waitCanvases(opened.page, 4)
  }, 240_000)

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('draws each strategy’s own task outcomes: panes differ where outcomes differ', async () => {
    const { page } = opened
    await page.getByTestId('tab-compare').click()
    await page.getByTestId('run-to-end').click()
    await waitForState(
      page,
      (x) => x.done && !x.busy && x.frameTime === x.timeS,
      'the end of the run',
      240_000,
    )
    const states = await taskStates(page)
    expect(states).toHaveLength(4)
    const shots = await paneShots(page, 'compare-four-end')
    const boxes = await page
      .getByTestId('viewport')
      .evaluateAll((els) => els.map((e) => [e.clientWidth, e.clientHeight].join('x')))
    expect(new Set(boxes).size, 'panes of one size, so pixels compare').toBe(1)
    let differingPairs = 0
    for (let a = 0; a < 4; a++) {
      for (let b = a + 1; b < 4; b++) {
        if (states[a].join() === states[b].join()) continue
        differingPairs++
        const d = pixelDifference(shots[a], shots[b])
        expect(d, `${STRATEGIES[a]} vs ${STRATEGIES[b]} pixels`).toBeGreaterThan(0.0005)
      }
    }
    // The strategies' task outcomes do differ at the end of this scenario (78 to 87 delivered).
    expect(differingPairs).toBeGreaterThan(0)
  }, 300_000)

  it('the differences view changes the picture', async () => {
    const { page } = opened
    const before = await paneShots(page, 'compare-four-same')
    await page.getByTestId('differences-toggle').check()
    const after = await paneShots(page, 'compare-four-differences')
    for (let k = 0; k < 4; k++)
      expect(pixelDifference(before[k], after[k]), `${STRATEGIES[k]} pane`).toBeGreaterThan(0.001)
    await page.getByTestId('differences-toggle').uncheck()
  }, 120_000)

  it('runs seeds 1..10 in workers and shows what sim compare --json prints', async () => {
    const { page } = opened
    await expect(page.getByTestId('seed-count').inputValue()).resolves.toBe('10')
    await page.getByTestId('run-seeds').click()
    const cli = JSON.parse(
      execFileSync('node', ['bin/sim.mjs', 'compare', FILE, '--seeds', '1..10', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as {
      strategies: { name: string; metrics: Record<string, { mean: number | null; sd: number | null }> }[]
      best: Record<string, string | null>
    }
    await page.waitForSelector('[data-testid="seed-table"]', { timeout: 600_000 })
    const shown = await page.getByTestId('seed-table').evaluate((el) => {
      const out: Record<string, Record<string, { mean: string; sd: string; best: boolean }>> = {}
      for (const row of el.querySelectorAll('tbody tr')) {
        const key = row.getAttribute('data-metric')!
        out[key] = {}
        for (const td of row.querySelectorAll('td'))
          out[key][td.getAttribute('data-strategy')!] = {
            mean: td.getAttribute('data-mean')!,
            sd: td.getAttribute('data-sd')!,
            best: td.getAttribute('data-best') === 'true',
          }
      }
      return out
    })
    await screenshot(page, 'compare-seeds')
    let checked = 0
    for (const s of cli.strategies) {
      for (const [key, m] of Object.entries(s.metrics)) {
        expect(shown[key]?.[s.name]?.mean, `${s.name} ${key} mean`).toBe(String(m.mean))
        expect(shown[key]?.[s.name]?.sd, `${s.name} ${key} sd`).toBe(String(m.sd))
        expect(shown[key][s.name].best, `${s.name} ${key} best`).toBe(cli.best[key] === s.name)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  }, 900_000)

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
