// Responsiveness figures for `npm run bench:browser`: the longest main-thread task while playing
// (Chrome's Long Tasks API), and the time from a scrub (a seek to a new time) to the frame for
// that time being drawn.

import type { Page } from 'playwright-core'

/**
 * Longest main-thread task (ms) and the number over 50 ms during `seconds` of whatever runs;
 * NaN when the browser does not report long tasks at all (so a 0 is a measured 0).
 */
export async function longTasks(page: Page, seconds: number): Promise<{ longestMs: number; over50: number }> {
  return page.evaluate(async (ms) => {
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask'))
      return { longestMs: Number.NaN, over50: Number.NaN }
    const durations: number[] = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) durations.push(e.duration)
    })
    observer.observe({ type: 'longtask' })
    await new Promise((ok) => setTimeout(ok, ms))
    observer.disconnect()
    return { longestMs: Math.max(0, ...durations), over50: durations.filter((d) => d > 50).length }
  }, seconds * 1000)
}

/**
 * Pauses the app, then seeks `count` times to times spread over the run and measures, for each,
 * the time from the seek to the drawing of a frame at that time (the canvas's data-frame-seq
 * names the frame drawn). Returns the latencies in ms.
 */
export async function scrubLatencies(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    // biome-ignore lint/suspicious/noExplicitAny: the app's debugging handle on window
    const session = (window as any).__missionSandbox
    const canvas = document.querySelector('canvas') as HTMLCanvasElement
    session.pause()
    await new Promise((ok) => setTimeout(ok, 500))
    const { durationS, stepS } = session.app.getState().scenario as { durationS: number; stepS: number }
    const out: number[] = []
    for (let k = 0; k < n; k++) {
      // Alternate halves of the run so every seek is far from the last (no short replay).
      // A seek lands on an engine step, so the targets are whole steps.
      const target =
        stepS * Math.round((durationS * (k % 2 === 0 ? 0.55 + 0.04 * k : 0.05 + 0.04 * k)) / stepS)
      const t0 = performance.now()
      session.seek(target)
      // A plain loop: tsx names inner arrow functions with a helper the page does not have.
      // Gives up after 30 s (then the figure says so) rather than hang the bench.
      while (performance.now() - t0 < 30_000) {
        const f = session.frame().current
        if (f && Math.abs(f.timeS - target) < stepS / 2 && canvas.dataset.frameSeq === String(f.seq)) break
        await new Promise((ok) => requestAnimationFrame(ok))
      }
      out.push(performance.now() - t0)
      await new Promise((ok) => setTimeout(ok, 200))
    }
    return out
  }, count)
}
