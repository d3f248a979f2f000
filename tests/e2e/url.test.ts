// The address bar reproduces the view: a link with scenario, strategies, seed, time and
// selection opens exactly that; changing things rewrites the link without adding history.

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage } from './browser'
import { appState, waitCanvases, waitForState } from './helpers'

describe('URL state', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('opens what a link names and writes back what changes', async () => {
    const base = inject('baseUrl')
    const link = `${base}?scenario=default&strategies=predictive,baseline&seed=11&t=3600&sat=P2-S4`
    const opened = await openPage(browser, link)
    const { page } = opened
    try {
      await waitCanvases(page, 2)
      let s = await waitForState(page, (x) => x.timeS === 3600 && !x.busy && x.frameTime === 3600, 'the link')
      expect(s.source?.key).toBe('default')
      expect(s.strategies).toEqual(['predictive', 'baseline'])
      expect(s.seed).toBe(11)
      expect(s.selected).toBe('P2-S4')
      await expect(page.getByTestId('seed').inputValue()).resolves.toBe('11')
      await expect(page.getByTestId('sim-time').textContent()).resolves.toContain('2026-03-20 01:00:00 UTC')
      const historyLength = await page.evaluate(() => history.length)
      // Change the time and the strategies: the link follows, without new history entries.
      await page.getByTestId('step').click()
      // A controlled checkbox: it changes when the worker has rebuilt the engines.
      await page.getByTestId('strategy-predictive').click()
      s = await waitForState(
        page,
        (x) => x.strategies.length === 1 && !x.busy && x.timeS === 3630,
        'the changes',
      )
      await page.waitForFunction(
        () => location.search.includes('t=3630') && !location.search.includes('strategies'),
        null,
        {
          timeout: 10_000,
        },
      )
      expect(await page.evaluate(() => history.length)).toBe(historyLength)
      const written = page.url()
      expect(written).toContain('scenario=default')
      expect(written).toContain('seed=11')
      expect(written).toContain('sat=P2-S4')
      // The written link reproduces the view in a fresh page.
      const again = await openPage(browser, written)
      try {
        await waitCanvases(again.page, 1)
        const r = await waitForState(again.page, (x) => x.timeS === 3630 && !x.busy, 'the written link')
        expect(r.strategies).toEqual(['baseline'])
        expect(r.seed).toBe(11)
        expect(r.selected).toBe('P2-S4')
        const a = await appState(page)
        expect(r.sims[0].metrics).toEqual(a.sims[0].metrics)
        expect(again.problems).toEqual([])
      } finally {
        await again.close()
      }
      expect(opened.problems).toEqual([])
    } finally {
      await opened.close()
    }
  })

  it('survives a hostile link', async () => {
    const opened = await openPage(
      browser,
      `${inject('baseUrl')}?scenario=../../etc/passwd&strategies=nope,%3Cscript%3E&seed=-4&t=1e99&sat=zzz`,
    )
    try {
      await waitCanvases(opened.page)
      const s = await waitForState(opened.page, (x) => !x.loading && !x.busy, 'the fallback')
      expect(s.source?.key).toBe('default')
      expect(s.strategies).toEqual(['baseline'])
      expect(s.seed).toBe(7)
      expect(s.selected).toBe(null)
      expect(s.done).toBe(true)
      expect(opened.problems).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
