// Load figures for `npm run bench:browser`: navigation → first frame with satellites drawn, and
// the JavaScript the browser fetched before that frame, beside the bare three.js page's.
//
// "Before the first frame" is measured, not guessed from the build: every .js request of the
// page and of its workers (Playwright's context-wide request event) issued before the page's
// first-frame mark (performance.timeOrigin + mark, the same wall clock as Date.now() here). A
// chunk that loads on demand (charts, compare, another scenario's text) or a worker started later
// (multi-seed runs, planner modules) is therefore left out only if the first frame truly did not
// wait for it.

import type { Browser, Page, Request } from 'playwright-core'

export interface LoadSample {
  /** ms from navigation start to the first-frame mark. */
  firstFrameMs: number
  /** URL paths (no origin, no query) of the .js files requested before the first frame. */
  scripts: string[]
}

/**
 * Opens `url` in a fresh context (nothing cached), waits for the performance mark `markName`,
 * and returns when it came and which scripts were requested before it.
 */
export async function loadOnce(
  browser: Browser,
  url: string,
  markName: string,
  viewport: { width: number; height: number },
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 })
  const requests: { path: string; at: number }[] = []
  const onRequest = (req: Request) => {
    const path = new URL(req.url()).pathname
    if (path.endsWith('.js')) requests.push({ path, at: Date.now() })
  }
  context.on('request', onRequest)
  try {
    const page: Page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, markName, {
      timeout: 120_000,
    })
    const { origin, mark } = await page.evaluate(
      (n) => ({ origin: performance.timeOrigin, mark: performance.getEntriesByName(n)[0].startTime }),
      markName,
    )
    const cut = origin + mark
    const scripts = [...new Set(requests.filter((r) => r.at <= cut).map((r) => r.path))].sort()
    return { firstFrameMs: mark, scripts }
  } finally {
    context.off('request', onRequest)
    await context.close()
  }
}

/** Every script any of the samples fetched before its first frame (the largest honest set). */
export function scriptsOf(samples: LoadSample[]): string[] {
  return [...new Set(samples.flatMap((s) => s.scripts))].sort()
}
