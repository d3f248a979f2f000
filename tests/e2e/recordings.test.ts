// A recorded agent run in the browser (issue 14): the Python greedy example agent's run, recorded
// by the real `sim run --record`, opened with "Open recording…" beside the scenario's own greedy
// strategy, replays to the end with the numbers `sim compare --replay` prints for its column; a
// recording of another scenario is refused in the error panel and the comparison stays; a link
// does not carry the recording and says so when opened.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { NONDETERMINISTIC_METRICS } from '../../src/core'
import { simChild } from '../cli/child'
import { withFirstPriorityChanged } from '../support/changed-scenario'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, dropFile, overlaps, resizeTo, waitCanvases, waitForState, waitIdle } from './helpers'

const SCENARIO = 'scenarios/resource-allocation.json'
const AGENT = 'python3 examples/agents/greedy_agent.py'
const NAME = 'recorded: greedy_agent.py'

interface Column {
  name: string
  metrics: Record<string, { perSeed: { seed: number; value: number | null }[] }>
}

let recording = ''
let otherRecording = ''
/** `sim compare --replay`'s columns: the built-in greedy and the recorded run. */
let columns: Column[] = []
let seed = 0
let browser: Browser
let opened: OpenedPage

async function sim(...args: string[]) {
  const r = await simChild(`e2e recordings: ${args[0]}`, args)
  if (r.code !== 0) throw new Error(`sim ${args.join(' ')} failed (${r.code}): ${r.err}`)
  return r
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-e2e-rec-'))
  const rec = join(dir, 'greedy.jsonl')
  await sim(
    'run',
    SCENARIO,
    '--json',
    '--out',
    join(dir, 'run.json'),
    '--record',
    rec,
    '--agent',
    `allocation=${AGENT}`,
  )
  recording = readFileSync(rec, 'utf8')
  const c = await sim('compare', SCENARIO, '--strategies', 'greedy', '--json', '--replay', rec)
  const comparison = JSON.parse(c.out)
  columns = comparison.strategies
  seed = comparison.seeds[0]
  const other = join(dir, 'other.jsonl')
  await sim(
    'run',
    'scenarios/default.json',
    '--until',
    '2h',
    '--record',
    other,
    '--agent',
    `allocation=${AGENT}`,
  )
  otherRecording = readFileSync(other, 'utf8')
  browser = await launchBrowser()
  opened = await openPage(browser, `${inject('baseUrl')}?scenario=resource-allocation`)
  await waitCanvases(opened.page)
  await waitIdle(opened.page)
}, 300_000)

afterAll(async () => {
  await opened?.close()
  await browser?.close()
})

/** The CLI's number for one column and metric (one seed: a recording is one seed's run). */
function cli(column: string, key: string): number | null | undefined {
  return columns.find((x) => x.name === column)?.metrics[key]?.perSeed[0]?.value
}

describe('a recorded agent run in the app', () => {
  it('opens beside a built-in strategy and ends with the numbers sim compare --replay prints', async () => {
    const { page } = opened
    expect(columns.map((x) => x.name)).toEqual(['greedy', 'recorded:greedy'])
    await page.getByTestId('recording-file-input').setInputFiles({
      name: 'greedy.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(recording),
    })
    await waitForState(
      page,
      (x) => x.strategies.join() === `greedy,${NAME}` && x.sims.length === 2 && x.frameTime === 0,
      'the comparison with the recorded run',
    )
    expect(await page.getByTestId('viewport').count()).toBe(2)
    await expect(page.getByTestId(`strategy-${NAME}`).isChecked()).resolves.toBe(true)
    // The file input took the focus, and keys typed into a field are not shortcuts.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('End')
    const stopped = (m: string) => m.startsWith('The simulation stopped')
    const end = await waitForState(
      page,
      (x) => (x.done && !x.busy && x.frameTime === x.timeS) || x.messages.some(stopped),
      'the end',
      240_000,
    )
    expect(end.seed).toBe(seed)
    expect(end.messages.filter(stopped)).toEqual([])
    expect(end.done).toBe(true)
    const keys = Object.keys(columns[1].metrics).filter((k) => !NONDETERMINISTIC_METRICS.includes(k as never))
    expect(keys.length).toBeGreaterThan(5)
    for (const [shown, column] of [
      [NAME, 'recorded:greedy'],
      ['greedy', 'greedy'],
    ] as const) {
      const metrics = end.sims.find((x) => x.strategy === shown)!.metrics!
      const app = Object.fromEntries(keys.map((k) => [k, metrics[k]]))
      const printed = Object.fromEntries(keys.map((k) => [k, cli(column, k)]))
      expect(app, shown).toEqual(printed)
    }
    await page.getByTestId('tab-compare').click()
    const table = page.getByTestId('compare-table')
    await table.waitFor({ timeout: 60_000 })
    await expect(table.textContent()).resolves.toContain(NAME)
    // Over several seeds leaves the recorded run out, saying why.
    await expect(page.getByTestId('multi-seed-recorded').textContent()).resolves.toContain(
      "A recorded agent run is one seed's run: it is left out.",
    )
    await screenshot(page, 'recording-compare')
    // At the smallest size people use, the run bar with the recorded chip still fits: nothing
    // scrolls the page, no two controls overlap, no chip's text is cut.
    await resizeTo(page, 1024, 700)
    const doc = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(doc).toBeLessThanOrEqual(1024)
    // Chips against each other and against the run bar's other controls (a chip may overflow its
    // fieldset, so the fieldset's own box says nothing).
    for (const sel of ['.chip, .runbar > :not(.chooser)']) {
      const boxes = await page.locator(sel).evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect()
          return { x: r.x, y: r.y, width: r.width, height: r.height }
        }),
      )
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i], boxes[j]), `${sel} ${i}/${j}`).toBe(false)
    }
    const cut = await page
      .locator('.chip')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length)
    expect(cut).toBe(0)
    await screenshot(page, 'recording-compare-1024')
    await resizeTo(page, 1440, 900)
    expect(opened.problems).toEqual([])
  }, 300_000)

  it('keeps the recording out of the link, and a link that showed one says so', async () => {
    const { page } = opened
    await page.waitForFunction(() => location.search.includes('recorded=greedy_agent.py'), null, {
      timeout: 30_000,
    })
    const other = await openPage(browser, `${inject('baseUrl')}${new URL(page.url()).search}`)
    try {
      const s = await waitForState(other.page, (x) => !x.loading && x.messages.length > 0, 'the note')
      expect(s.messages.join(' ')).toContain(
        `a recorded agent run (“${NAME}”), which links cannot carry: it is a file on its author's computer`,
      )
      expect(s.strategies).toEqual(['greedy'])
    } finally {
      await other.close()
    }
  })

  it('refuses a dropped recording of another scenario in the error panel, keeping the comparison', async () => {
    const { page } = opened
    const before = await appState(page)
    await dropFile(page, 'default-run.jsonl', otherRecording)
    const panel = page.getByTestId('load-errors')
    await panel.waitFor({ timeout: 30_000 })
    const text = await panel.textContent()
    expect(text).toContain('default-run.jsonl could not be loaded')
    expect(text).toContain('this recording is of scenario "default"')
    expect(text).toContain(
      'not of the loaded "resource-allocation": open that scenario first, then the recording',
    )
    const after = await appState(page)
    expect(after.strategies).toEqual(before.strategies)
    expect(after.file).toBe(before.file)
    await page.getByTestId('load-errors-close').click()
  })

  it('stops the run with the replay’s message when the scenario changed since the recording', async () => {
    const { page } = opened
    // The same scenario id with one task's priority changed: the first call's view differs.
    await page.getByTestId('file-input').setInputFiles({
      name: 'changed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(withFirstPriorityChanged(readFileSync(SCENARIO, 'utf8'))),
    })
    await waitForState(
      page,
      (x) => x.file === 'changed.json' && !x.loading && x.timeS === 0,
      'the changed scenario',
    )
    await dropFile(page, 'greedy.jsonl', recording)
    await waitForState(
      page,
      (x) => x.strategies.includes(NAME) && x.timeS === 0 && !x.busy,
      'the recorded run beside the changed scenario',
    )
    // The first call is at the first step.
    await page.getByTestId('step').click()
    const s = await waitForState(
      page,
      (x) => x.messages.some((m) => m.startsWith('The simulation stopped')),
      'the replay to stop',
      120_000,
    )
    expect(s.messages.find((m) => m.startsWith('The simulation stopped'))).toMatch(
      /^The simulation stopped: recording greedy\.jsonl: call 1 of agent:python3 examples\/agents\/greedy_agent\.py at t = 30 s: the view differs from the recorded one \(digest [0-9a-f]{32}, now [0-9a-f]{32}\); the scenario or the engine changed since it was recorded$/,
    )
    await expect(page.getByTestId('messages').textContent()).resolves.toContain(
      'the view differs from the recorded one',
    )
  }, 180_000)
})
