// Planners and strategies in the browser: a user's planner module dropped on the page is
// checked in a worker of its own and listed beside the built-ins; the strategy editor builds a
// strategy with it through a form generated from its schema and adds it to the comparison, where
// it runs isolated and ends with the same numbers as the engine in Node; a faulty module shows
// its problem in the scenario error panel and the run goes on; a module that loops while loading,
// and a planner whose plan() loops, are stopped at the deadline while the page's clock and
// controls keep answering.

import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createSimulation, NONDETERMINISTIC_METRICS, type StrategySpec } from '../../src/core'
import { PlannerRegistry, registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { loadPlannerModule } from '../../src/worker/plugins/module-loader'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, builtInScenarios, dropFile, waitCanvases, waitForState, waitIdle } from './helpers'

const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')
const SPIN = `import { z } from 'zod'
export default {
  id: 'allocation/spin', kind: 'allocation', label: 'Spins forever',
  description: 'A planner with a bug: its plan() never returns.',
  params: z.object({}),
  plan() { for (;;) {} },
}
`

/** What the engine in Node says at the end of the default scenario for a user's strategy. */
function nodeMetrics(strategy: StrategySpec): Record<string, number | null> {
  const def = builtInScenarios().find((x) => x.key === 'default')!
  const loaded = loadScenarioText(def.text, def.file, { knownPlanners: registry.names() })
  const module = loadPlannerModule(FIRST_COME, 'first-come.ts')
  if (!loaded.ok || !module.ok) throw new Error('the default scenario and first-come load in Node')
  const bound = new PlannerRegistry([...registry.all(), ...module.planners]).bind(strategy)
  if (bound.problems.length) throw new Error(bound.problems.join('\n'))
  const spec = { ...loaded.scenario, strategies: [...loaded.scenario.strategies, strategy] }
  const sim = createSimulation(spec, strategy.name, { planners: bound.planners })
  sim.runUntil(spec.durationS)
  return Object.fromEntries(
    Object.entries(sim.metrics()).filter(([k]) => !NONDETERMINISTIC_METRICS.includes(k as never)),
  )
}

/** A shown strategy's events as plain data. */
function eventsOf(page: Page, strategy: string): Promise<{ type: string; message: string }[]> {
  return page.evaluate((name) => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on purpose
    const sims = (window as any).__missionSandbox.app.getState().sims as any[]
    const sim = sims.find((x) => x.getState().strategy === name)
    return (sim?.getState().history ?? []).map((e: { type: string; message: string }) => ({
      type: e.type,
      message: e.message,
    }))
  }, strategy)
}

interface PlannerSnapshot {
  modules: string[]
  planners: string[]
  strategies: { name: string; planners: Record<string, string>; params: Record<string, unknown> }[]
  checking: string | null
  editorOpen: boolean
}

function plannerState(page: Page): Promise<PlannerSnapshot> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on purpose
    const s = (window as any).__missionSandboxPlanners.getState()
    return {
      modules: s.modules.map((m: { file: string }) => m.file),
      planners: s.modules.flatMap((m: { planners: { id: string }[] }) => m.planners.map((p) => p.id)),
      strategies: s.strategies,
      checking: s.checking,
      editorOpen: s.editorOpen,
    }
  })
}

async function waitPlanners(page: Page, ok: (s: PlannerSnapshot) => boolean, what: string) {
  const start = Date.now()
  let last: PlannerSnapshot | null = null
  while (Date.now() - start < 60_000) {
    last = await plannerState(page)
    if (ok(last)) return last
    await page.waitForTimeout(100)
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`)
}

/** A browser with the app open and settled, for the tests of one describe block. */
function appInBrowser(): { browser: Browser; opened: OpenedPage } {
  const app = {} as { browser: Browser; opened: OpenedPage }
  beforeAll(async () => {
    app.browser = await launchBrowser()
    app.opened = await openPage(app.browser, inject('baseUrl'))
    await waitCanvases(app.opened.page)
    await waitIdle(app.opened.page)
  }, 180_000)
  afterAll(async () => {
    await app.opened?.close()
    await app.browser?.close()
  })
  return app
}

describe('planners in the browser', () => {
  const app = appInBrowser()

  it('lists a dropped planner module beside the built-ins', async () => {
    const { page } = app.opened
    await dropFile(page, 'first-come.ts', FIRST_COME)
    const s = await waitPlanners(
      page,
      (x) => x.modules.length === 1 && x.editorOpen,
      'the module to be listed',
    )
    expect(s.planners).toEqual(['allocation/first-come'])
    const list = page.getByTestId('planner-list')
    await expect(list.getByTestId('user-planner-allocation/first-come').textContent()).resolves.toContain(
      'first-come.ts',
    )
    // The built-ins are listed too.
    await expect(list.textContent()).resolves.toContain('Hohmann')
  })

  it('builds a strategy with it through the generated form, refusing a bad value first, and compares it', async () => {
    const { page } = app.opened
    const editor = page.getByTestId('strategy-editor')
    await editor.getByTestId('choose-allocation').selectOption('allocation/first-come')
    const field = editor.locator('#param-allocation\\/first-come-lookAheadH')
    await expect(field.inputValue()).resolves.toBe('2')
    await editor.getByTestId('choose-maintenance').selectOption('maintenance/trend')
    await expect(editor.locator('#param-maintenance\\/trend-horizonH').inputValue()).resolves.toBe('12')
    await screenshot(page, 'planners-dialog')
    await field.fill('0')
    await editor.getByTestId('strategy-name').fill('first')
    await editor.getByTestId('save-strategy').click()
    await expect(editor.getByRole('alert').first().textContent()).resolves.toContain('expected a number > 0')
    expect((await plannerState(page)).strategies).toEqual([])
    await field.fill('3')
    await editor.getByTestId('save-strategy').click()
    const s = await waitPlanners(page, (x) => x.strategies.length === 1, 'the strategy to be saved')
    expect(s.strategies[0]).toMatchObject({
      name: 'first',
      planners: { allocation: 'allocation/first-come', maintenance: 'maintenance/trend' },
      params: { allocation: { lookAheadH: 3 }, maintenance: { horizonH: 12 } },
    })
    // Side by side with the scenario's baseline, in lockstep from the same seed.
    await waitForState(
      page,
      (x) => x.strategies.join() === 'baseline,first' && x.sims.length === 2 && x.frameTime === 0,
      'the comparison with the new strategy',
    )
    expect(await page.getByTestId('viewport').count()).toBe(2)
    await expect(page.getByTestId('strategy-first').isChecked()).resolves.toBe(true)
    expect(new URL(page.url()).search).not.toContain('first-come')
    // To the end: the user's planner ran isolated, and the numbers are the engine's own.
    await page.keyboard.press('End')
    const end = await waitForState(
      page,
      (x) => x.done && !x.busy && x.frameTime === x.timeS,
      'the end',
      120_000,
    )
    const first = end.sims.find((x) => x.strategy === 'first')!
    const shown = Object.fromEntries(
      Object.entries(first.metrics ?? {}).filter(([k]) => !NONDETERMINISTIC_METRICS.includes(k as never)),
    )
    expect(shown).toEqual(
      nodeMetrics({ name: 'first', ...s.strategies[0].planners, params: s.strategies[0].params }),
    )
    const decisions = (await eventsOf(page, 'first')).filter((e) => e.type === 'decision')
    expect(decisions.some((e) => /is the first satellite over/.test(e.message))).toBe(true)
    await screenshot(page, 'planners-compare')
  })

  it('keeps a user strategy out of the link, and a link naming one says so', async () => {
    const { page } = app.opened
    await waitForState(page, () => true, 'the app')
    await page.waitForFunction(() => location.search.includes('local=first'), null, { timeout: 30_000 })
    expect(new URL(page.url()).searchParams.get('strategies')).toBeNull()
    const other = await openPage(app.browser, `${inject('baseUrl')}${new URL(page.url()).search}`)
    try {
      const s = await waitForState(other.page, (x) => !x.loading && x.messages.length > 0, 'the note')
      expect(s.messages.join(' ')).toMatch(
        /strategy of its author's own \("first"\), which links cannot carry/,
      )
      expect(s.strategies).toEqual(['baseline'])
    } finally {
      await other.close()
    }
  })

  it('shows a faulty module in the error panel and keeps the current run', async () => {
    const { page } = app.opened
    const before = await appState(page)
    await page.getByTestId('open-strategies').click()
    await page.getByTestId('planner-file-input').setInputFiles({
      name: 'imports-fs.ts',
      mimeType: 'text/plain',
      buffer: Buffer.from("import { readFileSync } from 'node:fs'\nexport default readFileSync\n"),
    })
    const panel = page.getByTestId('load-errors')
    await panel.waitFor({ timeout: 30_000 })
    const text = await panel.textContent()
    expect(text).toContain('imports-fs.ts could not be loaded')
    expect(text).toContain('may import only "zod"')
    const after = await appState(page)
    expect(after.file).toBe(before.file)
    expect(after.strategies).toEqual(before.strategies)
    expect((await plannerState(page)).modules).toEqual(['first-come.ts'])
    await page.getByTestId('load-errors-close').click()
  })

  it('stops a module that loops while loading, and the clock and controls still respond', async () => {
    const { page } = app.opened
    await page.getByTestId('to-start').click()
    await waitForState(page, (x) => x.timeS === 0 && x.frameTime === 0 && !x.busy, 'the start')
    await dropFile(page, 'loops.js', 'while (true) {}\nexport default {}\n')
    await waitPlanners(page, (x) => x.checking === 'loops.js', 'the module check to start')
    // While the module spins in its own worker, the page steps the simulation.
    const t0 = (await appState(page)).timeS
    await page.getByTestId('step').click()
    await waitForState(page, (s) => s.timeS > t0, 'a step while the module loops')
    const panel = page.getByTestId('load-errors').filter({ hasText: 'loops.js could not be loaded' })
    await panel.waitFor({ timeout: 30_000 })
    expect(await panel.textContent()).toContain('it did not finish loading within 5 s, so it was stopped')
    expect((await plannerState(page)).checking).toBeNull()
    expect(app.opened.problems).toEqual([])
  })
})

describe('a user planner that loops', () => {
  const app = appInBrowser()

  it('is stopped at the deadline with a fault that names it, and the page and the run go on', async () => {
    const { page } = app.opened
    await dropFile(page, 'spin.ts', SPIN)
    await waitPlanners(page, (x) => x.modules.length === 1 && x.editorOpen, 'the module to be listed')
    const editor = page.getByTestId('strategy-editor')
    await editor.getByTestId('strategy-name').fill('spin')
    await editor.getByTestId('choose-allocation').selectOption('allocation/spin')
    await editor.getByTestId('save-strategy').click()
    await waitForState(
      page,
      (x) => x.strategies.join() === 'baseline,spin' && x.frameTime === 0,
      'spin shown',
    )
    // The first step calls the planner, which spins in its own worker; meanwhile the page answers
    // (a tab switches) and so does the simulation (play and pause are acknowledged) before the
    // deadline is up. Clicks are dispatched directly: a spinning worker leaves little CPU on a
    // small machine for the rendering that Playwright's actionability checks wait for.
    const fault = (e: { type: string; message: string }) =>
      e.type === 'plannerFault' && e.message.includes('allocation/spin: did not return within 5 s')
    const click = (id: string) => page.getByTestId(id).dispatchEvent('click')
    await click('step')
    await click('tab-decisions')
    await expect(page.getByTestId('tab-decisions').getAttribute('aria-selected')).resolves.toBe('true')
    await click('play')
    await waitForState(page, (x) => x.playing, 'play to be acknowledged')
    await click('play')
    await waitForState(page, (x) => !x.playing, 'pause to be acknowledged')
    expect((await eventsOf(page, 'spin')).some(fault)).toBe(false)
    // Then the deadline stops it, the fault is logged and shown, and the clock moves on.
    const start = Date.now()
    while (!(await eventsOf(page, 'spin')).some(fault) && Date.now() - start < 60_000)
      await page.waitForTimeout(200)
    const events = await eventsOf(page, 'spin')
    expect(events.filter(fault).map((e) => e.message)).toEqual([
      'allocation/spin: did not return within 5 s; disabled for the rest of the run',
    ])
    await page.getByTestId('focus-spin').click()
    await expect(page.getByTestId('decision-log').textContent()).resolves.toContain(
      'did not return within 5 s',
    )
    const t0 = (await waitIdle(page)).timeS
    expect(t0).toBe(30)
    await page.getByTestId('step').click()
    await waitForState(page, (x) => x.timeS > t0, 'a step after the fault')
    await page.getByTestId('play').click()
    await waitForState(page, (x) => x.timeS > t0 + 600, 'ten minutes more of the run', 120_000)
    await screenshot(page, 'planners-spin-fault')
    expect(app.opened.problems).toEqual([])
  })
})
