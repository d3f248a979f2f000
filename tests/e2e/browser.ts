// Drives Debian's Chromium (software WebGL through SwiftShader) with playwright-core.
// `openPage` records everything that would be a bug for a user: console errors, uncaught page
// errors, failed requests and HTTP errors (a missing favicon counts). Tests assert the list is
// empty at the end. `screenshot` writes PNGs into test-results/screenshots/ for people to look at.

import { mkdir, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

export interface OpenedPage {
  page: Page
  /** Console errors, page errors, failed requests and HTTP ≥ 400 responses, in order. */
  problems: string[]
  close(): Promise<void>
}

export interface OpenOptions {
  width?: number
  height?: number
}

/** Opens `url` in a fresh context of the given size (1440 × 900 by default) and starts recording. */
export async function openPage(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    deviceScaleFactor: 1,
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err.message}`))
  page.on('requestfailed', (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`)
  })
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`)
  })
  await page.goto(url, { waitUntil: 'load' })
  return { page, problems, close: () => context.close() }
}

/** Saves a PNG of the page (or of one element) to test-results/screenshots/<name>.png. */
export async function screenshot(target: Page | Locator, name: string): Promise<Buffer> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const png = await target.screenshot({ type: 'png', animations: 'allow', timeout: 60_000 })
  await writeFile(resolve(SCREENSHOT_DIR, `${name}.png`), png)
  return png
}
