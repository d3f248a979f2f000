// Time control in the browser: step, step back (snapshots + re-simulation), play and pause,
// the keyboard shortcuts, the scrub bar and its event markers, and "next event". Every change of
// time must show in the clock and in the 3D scene.

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { EVENT_CATEGORY } from '../../src/worker/protocol'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, nextFrames, pixelDifference, waitCanvases, waitForState, waitIdle } from './helpers'

/** Waits until the clock on screen shows `t` (it follows the frames on animation frames). */
async function expectClock(page: Page, t: number): Promise<void> {
  await page.waitForFunction(
    (x) => document.querySelector('[data-testid="sim-time"]')?.getAttribute('data-time-s') === String(x),
    t,
    { timeout: 10_000 },
  )
}

async function canvasShot(page: Page): Promise<Buffer> {
  // Let the on-demand loop draw the newest frame first: the worker's frame is current, then
  // the page draws a few animation frames.
  await waitForState(page, (x) => x.frameTime === x.timeS, 'the newest frame')
  await nextFrames(page)
  return page.locator('canvas').screenshot({ type: 'png' })
}

describe('time control', () => {
  let browser: Browser
  let opened: OpenedPage
  let stepS = 0
  let durationS = 0

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(browser, inject('baseUrl'))
    await waitCanvases(opened.page)
    const s = await waitIdle(opened.page)
    stepS = s.stepS
    durationS = s.durationS
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('steps forward and back with the buttons and the arrow keys', async () => {
    const { page } = opened
    const before = await canvasShot(page)
    await page.getByTestId('step').click()
    let s = await waitForState(page, (x) => x.stepIndex === 1 && x.frameTime === x.timeS, 'one step')
    expect(s.timeS).toBe(stepS)
    await expectClock(page, stepS)
    await page.keyboard.press('ArrowRight')
    s = await waitForState(page, (x) => x.stepIndex === 2 && x.frameTime === x.timeS, 'the → key')
    expect(s.timeS).toBe(2 * stepS)
    await page.keyboard.press('ArrowLeft')
    s = await waitForState(page, (x) => x.stepIndex === 1 && !x.busy && x.frameTime === x.timeS, 'the ← key')
    expect(s.timeS).toBe(stepS)
    await page.getByTestId('step-back').click()
    s = await waitForState(page, (x) => x.stepIndex === 0 && !x.busy && x.frameTime === 0, 'step back to 0')
    await expectClock(page, 0)
    // Nothing lies before T+0: step back and back-to-start are disabled there.
    await expect(page.getByTestId('step-back').isDisabled()).resolves.toBe(true)
    await expect(page.getByTestId('to-start').isDisabled()).resolves.toBe(true)
    // Back at the start, the scene looks as it did.
    expect(pixelDifference(before, await canvasShot(page))).toBeLessThan(0.002)
  })

  it('plays and pauses (button and space bar), and the scene moves', async () => {
    const { page } = opened
    const before = await canvasShot(page)
    await page.getByTestId('speed').selectOption('3000')
    await page.getByTestId('play').click()
    await waitForState(page, (x) => x.playing && x.timeS > 20 * stepS, 'playing for a while')
    await page.keyboard.press('Space')
    const s = await waitIdle(page, 'the pause')
    expect(s.timeS).toBeGreaterThan(20 * stepS)
    expect(s.timeS % stepS).toBe(0)
    await expectClock(page, s.timeS)
    await expect(page.getByTestId('sim-time').textContent()).resolves.not.toContain('00:00:00 UTC')
    const after = await canvasShot(page)
    await screenshot(page, 'time-after-play')
    // Satellites moved and the Earth turned under them.
    expect(pixelDifference(before, after)).toBeGreaterThan(0.002)
    // Step back from there: exactly one engine step, re-simulated from a snapshot.
    await page.getByTestId('step-back').click()
    const back = await waitForState(page, (x) => x.stepIndex === s.stepIndex - 1 && !x.busy, 'step back')
    expect(back.timeS).toBe(s.timeS - stepS)
    expect(pixelDifference(after, await canvasShot(page))).toBeGreaterThan(0)
    await page.keyboard.press('Home')
    await waitForState(page, (x) => x.stepIndex === 0 && !x.busy && x.frameTime === 0, 'Home')
  })

  it('jumps to a planned event from its timeline marker', async () => {
    const { page } = opened
    const marker = page.getByTestId('marker-planned').first()
    const t = Number(await marker.getAttribute('data-t'))
    expect(t).toBeGreaterThan(0)
    await marker.click()
    const s = await waitForState(
      page,
      (x) => !x.busy && Math.abs(x.timeS - t) <= stepS / 2 && x.frameTime === x.timeS,
      'the marker jump',
    )
    await expectClock(page, s.timeS)
  })

  it('runs to the next event (button and N key)', async () => {
    const { page } = opened
    for (const how of ['button', 'key'] as const) {
      const from = (await appState(page)).timeS
      const counts = (await appState(page)).sims[0].eventCount
      if (how === 'button') await page.getByTestId('next-event').click()
      else await page.keyboard.press('n')
      const s = await waitForState(
        page,
        (x) => !x.busy && x.timeS > from && x.frameTime === x.timeS,
        'next event',
      )
      // The stop is at an event worth stopping for, logged at exactly that time.
      const events = await page.evaluate(() => {
        // biome-ignore lint/suspicious/noExplicitAny: test hook
        const sim = (window as any).__missionSandbox.app.getState().sims[0].getState()
        return sim.history
          .slice(0, sim.eventCount)
          .map((e: { t: number; type: string }) => ({ t: e.t, type: e.type }))
      })
      expect(events.length).toBeGreaterThan(counts)
      const here = events.filter((e: { t: number; type: string }) => e.t === s.timeS)
      expect(here.some((e: { type: string }) => EVENT_CATEGORY[e.type as keyof typeof EVENT_CATEGORY])).toBe(
        true,
      )
    }
  })

  it('scrubs by clicking the timeline and marks what happened', async () => {
    const { page } = opened
    const track = page.getByTestId('scrub')
    const box = (await track.boundingBox())!
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2)
    const s = await waitForState(
      page,
      (x) => !x.busy && x.timeS > durationS * 0.7 && x.frameTime === x.timeS,
      'the scrub',
      90_000,
    )
    expect(s.timeS).toBeLessThan(durationS * 0.8)
    const happened = page.getByTestId('marker-happened')
    expect(await happened.count()).toBeGreaterThan(0)
    await screenshot(page, 'time-scrubbed')
    // A marker of something that happened jumps back to it.
    const t = Number(await happened.first().getAttribute('data-t'))
    await happened.first().click()
    const back = await waitForState(
      page,
      (x) => !x.busy && x.timeS === t && x.frameTime === t,
      'the happened marker',
    )
    expect(back.timeS).toBeLessThan(s.timeS)
    // The markers of what happened stay after going back (the history is kept).
    expect(await happened.count()).toBeGreaterThan(0)
  })

  it('tints the view while the solar storm is on, and only then', async () => {
    const { page } = opened
    // The default scenario's storm: from 14 h for 4 h, arrays −30 %.
    const seek = (t: number) =>
      page.evaluate(
        (x) =>
          (window as unknown as { __missionSandbox: { seek(t: number): void } }).__missionSandbox.seek(x),
        t,
      )
    await seek(15 * 3600)
    await waitForState(page, (x) => !x.busy && x.timeS === 15 * 3600, 'the seek into the storm', 90_000)
    const tint = page.getByTestId('storm-tint')
    await tint.waitFor({ state: 'visible', timeout: 10_000 })
    await expect(tint.textContent()).resolves.toContain('arrays −30 %')
    await seek(10 * 3600)
    await waitForState(page, (x) => !x.busy && x.timeS === 10 * 3600, 'the seek before the storm', 90_000)
    await tint.waitFor({ state: 'detached', timeout: 10_000 })
  })

  it('logs no console errors, page errors or failed requests', () => {
    expect(opened.problems).toEqual([])
  })
})
