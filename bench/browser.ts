// `npm run bench:browser`: the app in headless Chromium (SwiftShader, the e2e flags), each figure
// beside a baseline measured in the same run:
//   - fps with 1,000 satellites playing, beside a bare three.js page drawing 1,000 satellites
//     the same way (satellite sprites) at the same canvas size (both render every animation frame: render=always), and
//     beside the same page also drawing the app's textured Earth (what the Earth alone costs);
//   - main-thread scripting time per rendered frame with 10,000 and 30,000 satellites playing
//     (the app's normal on-demand loop, Chrome's Performance.getMetrics ScriptDuration), beside
//     the bare page with as many satellites;
//   - the longest main-thread task in 20 s of play at 10,000 (Long Tasks API), beside the bare
//     page's, and the time from a seek to the drawing of that time's frame (median of 10);
//   - navigation → first frame with satellites drawn, beside the bare page's first frame;
//   - gzipped JavaScript of the production build: what the page and its workers requested
//     before the first frame (measured in the browser, browser-load.ts), and every chunk and
//     worker of the build, beside the bare page's (three.js alone).
// Prints a table like `npm run bench`; --json prints the rows. --seconds N sets each window;
// --only load measures only the first frame and the JavaScript rows.

import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { launchBrowser } from '../tests/e2e/browser'
import { type LoadSample, loadOnce, scriptsOf } from './browser-load'
import { longTasks, scrubLatencies } from './browser-responsiveness'
import { type BenchRow, printRows, row } from './row'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const VIEWPORT = { width: 1440, height: 900 }
/** Interleaved rounds per figure; the median is reported (an odd count: a real middle value). */
const ROUNDS = 3
/** Page loads per page for the first-frame rows (short, and noisier than the windows above). */
const FIRST_FRAME_LOADS = 5

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
}

function log(text: string): void {
  process.stderr.write(`bench:browser: ${text}\n`)
}

async function buildAll(out: string): Promise<{ app: string; bare: string }> {
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  const app = join(out, 'app')
  const bare = join(out, 'bare')
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'error',
      build: { outDir: app, emptyOutDir: true },
    })
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'error',
      publicDir: false,
      base: '/bare/',
      build: {
        outDir: bare,
        emptyOutDir: true,
        rollupOptions: { input: resolve(ROOT, 'bench/bare-three.html') },
      },
    })
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
  return { app, bare }
}

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await jsFiles(path)))
    else if (entry.name.endsWith('.js')) out.push(path)
  }
  return out
}

/** A worker's own bundle (Vite names them <entry>.worker-<hash>.js). */
const isWorker = (path: string): boolean => /\.worker-[^/]*\.js$/.test(path)

async function gzippedJs(dir: string, files?: string[]): Promise<number> {
  let bytes = 0
  for (const file of files ?? (await jsFiles(dir)))
    bytes += gzipSync(await readFile(file), { level: 9 }).length
  return bytes
}

/** Serves `/` from the app build and `/bare/` from the baseline build. */
function serve(app: string, bare: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent((req.url ?? '/').split('?')[0])
    let base = app
    if (path.startsWith('/bare/')) {
      base = bare
      path = path.slice(5)
    }
    if (path.endsWith('/')) path += 'index.html'
    const file = normalize(join(base, path))
    const info = file.startsWith(base + sep) ? await stat(file).catch(() => null) : null
    if (!info?.isFile()) {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    createReadStream(file).pipe(res)
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function open(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  const page = await context.newPage()
  page.on('pageerror', (e) => log(`page error: ${e.message}`))
  await page.goto(url, { waitUntil: 'load' })
  return page
}

/** Frames counted by the page's own counter over `seconds`, per second. */
async function fps(page: Page, counter: string, seconds: number): Promise<number> {
  const read = () =>
    page.evaluate((c) => (window as unknown as Record<string, { frames: number }>)[c].frames, counter)
  const f0 = await read()
  const t0 = Date.now()
  await page.waitForTimeout(seconds * 1000)
  return ((await read()) - f0) / ((Date.now() - t0) / 1000)
}

/** Main-thread script time (ms) per frame over `seconds`, from the DevTools protocol. */
async function scriptingPerFrame(page: Page, counter: string, seconds: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0
  }
  const read = () =>
    page.evaluate((c) => (window as unknown as Record<string, { frames: number }>)[c].frames, counter)
  const s0 = await metric()
  const f0 = await read()
  await page.waitForTimeout(seconds * 1000)
  const s1 = await metric()
  const f1 = await read()
  await cdp.detach()
  return ((s1 - s0) * 1000) / Math.max(1, f1 - f0)
}

async function mark(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120_000 })
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name)
}

async function appCanvas(page: Page): Promise<{ width: number; height: number }> {
  await page.waitForSelector('canvas[data-sim-ready="true"]', { timeout: 120_000 })
  const box = await page.locator('canvas').first().boundingBox()
  return { width: Math.round(box!.width), height: Math.round(box!.height) }
}

/** Median (the mean of the middle two for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

interface Measured {
  rows: BenchRow[]
  /** URL paths of the scripts fetched before the first frame, app and bare page. */
  appScripts: string[]
  bareScripts: string[]
}

/**
 * Navigation → first frame with satellites, median of FIRST_FRAME_LOADS loads each, interleaved,
 * and the scripts each page fetched before its first frame (browser-load.ts). Beside the bare page
 * (the target's baseline) and, for information, the bare page also drawing the app's Earth: on a
 * software rasterizer the first drawing of a globe-sized sphere costs the GPU process far more
 * than 25 satellites, whatever draws it.
 */
async function firstFrames(
  browser: Browser,
  base: string,
  size: { width: number; height: number },
  rows: BenchRow[],
): Promise<Measured> {
  log('time to first frame…')
  const bareUrl = `${base}bare/bench/bare-three.html?n=25&w=${size.width}&h=${size.height}`
  const appLoads: LoadSample[] = []
  const bareLoads: LoadSample[] = []
  const earthLoads: LoadSample[] = []
  for (let k = 0; k < FIRST_FRAME_LOADS; k++) {
    appLoads.push(await loadOnce(browser, `${base}?scenario=default`, 'app:first-frame', VIEWPORT))
    bareLoads.push(await loadOnce(browser, bareUrl, 'bare:first-frame', VIEWPORT))
    earthLoads.push(await loadOnce(browser, `${bareUrl}&earth=1`, 'bare:first-frame', VIEWPORT))
  }
  const appFirst = median(appLoads.map((l) => l.firstFrameMs))
  // The second baseline is not a target: the same bare page drawing the app's Earth too.
  const baselines: [LoadSample[], string][] = [
    [bareLoads, 'bare three.js'],
    [earthLoads, 'bare three.js + the Earth'],
  ]
  for (const [loads, name] of baselines) {
    const params = { scenario: 'default', loads: FIRST_FRAME_LOADS }
    rows.push(
      row(
        'navigation to first frame',
        params,
        appFirst,
        'ms',
        median(loads.map((l) => l.firstFrameMs)),
        name,
      ),
    )
  }
  return { rows, appScripts: scriptsOf(appLoads), bareScripts: scriptsOf(bareLoads) }
}

async function measure(base: string, seconds: number, onlyLoad: boolean): Promise<Measured> {
  const browser = await launchBrowser()
  const rows: BenchRow[] = []
  try {
    if (onlyLoad) {
      const page = await open(browser, `${base}?scenario=default`)
      const size = await appCanvas(page)
      await page.context().close()
      return await firstFrames(browser, base, size, rows)
    }
    // 1. fps with 1,000 satellites, both pages drawing every animation frame. ROUNDS rounds,
    //    interleaved, medians: a shared machine's load then weighs on both sides alike.
    log('fps, 1,000 satellites…')
    const appFps: number[] = []
    const bareFps: number[] = []
    const earthFps: number[] = []
    let size = { width: VIEWPORT.width, height: VIEWPORT.height }
    let page: Page
    for (let round = 0; round < ROUNDS; round++) {
      page = await open(browser, `${base}?stress=1000&play=60&render=always`)
      size = await appCanvas(page)
      await page.waitForTimeout(1000)
      appFps.push(await fps(page, '__missionSandboxStats', seconds))
      await page.context().close()
      page = await open(browser, `${base}bare/bench/bare-three.html?n=1000&w=${size.width}&h=${size.height}`)
      await mark(page, 'bare:first-frame')
      await page.waitForTimeout(1000)
      bareFps.push(await fps(page, '__bare', seconds))
      await page.context().close()
      page = await open(
        browser,
        `${base}bare/bench/bare-three.html?n=1000&earth=1&w=${size.width}&h=${size.height}`,
      )
      await mark(page, 'bare:first-frame')
      await page.waitForTimeout(1000)
      earthFps.push(await fps(page, '__bare', seconds))
      await page.context().close()
    }
    rows.push(
      row(
        'app fps',
        { satellites: 1000, canvas: `${size.width}x${size.height}` },
        median(appFps),
        'fps',
        median(bareFps),
        'bare three.js',
      ),
      // Not a target: the same satellites plus the app's Earth texture on the same sphere, to tell
      // the Earth's own drawing cost from the app's overhead.
      row(
        'app fps',
        { satellites: 1000, canvas: `${size.width}x${size.height}` },
        median(appFps),
        'fps',
        median(earthFps),
        'bare three.js + the Earth',
      ),
    )

    // 2. Main-thread scripting per frame with 10,000 and 30,000 satellites, the app's normal
    //    loop, beside the bare page drawing as many satellites.
    for (const n of [10000, 30000]) {
      log(`scripting per frame, ${n.toLocaleString('en-US')} satellites…`)
      const appScript: number[] = []
      const bareScript: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        page = await open(browser, `${base}?stress=${n}&play=60`)
        const big = await appCanvas(page)
        await page.waitForTimeout(1500)
        appScript.push(await scriptingPerFrame(page, '__missionSandboxStats', seconds))
        await page.context().close()
        page = await open(browser, `${base}bare/bench/bare-three.html?n=${n}&w=${big.width}&h=${big.height}`)
        await mark(page, 'bare:first-frame')
        await page.waitForTimeout(1000)
        bareScript.push(await scriptingPerFrame(page, '__bare', seconds))
        await page.context().close()
      }
      rows.push(
        row(
          'main-thread scripting per frame',
          { satellites: n },
          median(appScript),
          'ms',
          median(bareScript),
          'bare three.js',
        ),
      )
    }

    // 2b. Long tasks during 20 s of play at 10,000, beside the bare page drawing 10,000 satellites;
    //     then scrubbing: seek to a new time, time until that frame is drawn (median of 10).
    log('long tasks and scrubbing, 10,000 satellites…')
    page = await open(browser, `${base}?stress=10000&play=60`)
    const big = await appCanvas(page)
    await page.waitForTimeout(1500)
    const appLong = await longTasks(page, 20)
    const scrubs = await scrubLatencies(page, 10)
    await page.context().close()
    page = await open(browser, `${base}bare/bench/bare-three.html?n=10000&w=${big.width}&h=${big.height}`)
    await mark(page, 'bare:first-frame')
    const bareLong = await longTasks(page, 20)
    await page.context().close()
    rows.push(
      row(
        'longest main-thread task in 20 s of play',
        { satellites: 10000, over50ms: appLong.over50 },
        appLong.longestMs,
        'ms',
        bareLong.longestMs,
        'bare three.js',
      ),
      row('scrub to frame drawn', { satellites: 10000, seeks: 10 }, median(scrubs), 'ms', 150, 'target'),
    )

    // 3. Navigation → first frame, and the scripts loaded before it.
    return await firstFrames(browser, base, size, rows)
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const secondsArg = args.indexOf('--seconds')
  const seconds = secondsArg >= 0 ? Math.max(1, Number(args[secondsArg + 1]) || 5) : 5
  // --only load: navigation to the first frame and the JavaScript rows, without the running figures.
  const onlyArg = args.indexOf('--only')
  const onlyLoad = onlyArg >= 0 && args[onlyArg + 1] === 'load'
  if (onlyArg >= 0 && !onlyLoad) throw new Error('bench:browser: --only takes "load"')
  const out = await mkdtemp(join(tmpdir(), 'bench-browser-'))
  let server: Server | null = null
  try {
    log('building the app and the bare three.js page…')
    const { app, bare } = await buildAll(out)
    server = await serve(app, bare)
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const { rows, appScripts, bareScripts } = await measure(base, seconds, onlyLoad)
    const pageKiB =
      (await gzippedJs(
        app,
        appScripts.filter((p) => !isWorker(p)).map((p) => join(app, p)),
      )) / 1024
    const workersKiB =
      (await gzippedJs(
        app,
        appScripts.filter(isWorker).map((p) => join(app, p)),
      )) / 1024
    // The bare page's scripts before its first frame (three.js; not its on-demand Earth chunk).
    const bareJs =
      (await gzippedJs(
        bare,
        bareScripts.map((p) => join(bare, p.replace(/^\/bare\//, '/'))),
      )) / 1024
    rows.push(
      // Measured in the browser: the page's and its workers' scripts requested before the first
      // frame (browser-load.ts). The target of issue 13 (≤ 400 KiB) is this row.
      row(
        'gzipped JavaScript before the first frame',
        {
          build: 'dist',
          files: appScripts.length,
          pageKiB: Math.round(pageKiB),
          workersKiB: Math.round(workersKiB),
        },
        pageKiB + workersKiB,
        'KiB',
        bareJs,
        'bare three.js',
      ),
      // Every chunk and worker of the build, whether or not a visit ever loads it (the planner
      // workers each carry sucrase and zod: they are separate bundles).
      row(
        'gzipped JavaScript, all chunks and workers',
        { build: 'dist', files: (await jsFiles(app)).length },
        (await gzippedJs(app)) / 1024,
        'KiB',
        bareJs,
        'bare three.js',
      ),
    )
    printRows(rows, json)
  } finally {
    server?.closeAllConnections()
    server?.close()
    await rm(out, { recursive: true, force: true })
  }
}

await main()
