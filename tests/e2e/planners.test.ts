// Planners and strategies in the browser: a user's planner module dropped on the page is
// checked in a worker of its own and listed beside the built-ins; the strategy editor builds a
// strategy with it through a form generated from its schema; a faulty module shows its problem
// in the scenario error panel and the run goes on; a module that loops while loading is stopped
// at the deadline while the page's clock and controls keep answering.

import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, waitCanvases, waitForState, waitIdle } from './helpers'

const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')

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

/** Drops a file on the page the way a browser does (a DataTransfer with one File). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, t]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([t], n))
      const app = document.querySelector('.app')!
      app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }))
      app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    },
    [name, text] as const,
  )
}

describe('planners in the browser', () => {
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

  it('lists a dropped planner module beside the built-ins', async () => {
    const { page } = opened
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

  it('builds a strategy with it through the generated form, refusing a bad value first', async () => {
    const { page } = opened
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
  })

  it('shows a faulty module in the error panel and keeps the current run', async () => {
    const { page } = opened
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
    const { page } = opened
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
    expect(opened.problems).toEqual([])
  })
})
