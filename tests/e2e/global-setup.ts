// Global setup of the `e2e` project: build the app once with Vite, serve the output on loopback
// from a tiny static server (a port the OS picks), and hand the base URL to the tests via
// `provide`. Tests read it with `inject('baseUrl')`. The returned function is the teardown.
//
// The build goes to test-results/e2e-dist-<pid>/ (removed on teardown) rather than dist/, so an
// `npm run build` or another test run at the same time cannot swap the hashed assets out from
// under a test (and vice versa).

import { createReadStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234/ (with the trailing slash). */
    baseUrl: string
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = resolve(ROOT, `test-results/e2e-dist-${process.pid}`)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

async function buildApp(): Promise<void> {
  // Vitest runs with NODE_ENV=test, which would make React and Vite produce a development
  // bundle; the tests should see what users get.
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: DIST, emptyOutDir: true },
    })
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
}

/** Resolves a URL path inside the build output, or null if it would escape it. */
function fileFor(urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0])
  } catch {
    return null
  }
  if (path.endsWith('/')) path += 'index.html'
  const file = normalize(join(DIST, path))
  return file === DIST || file.startsWith(DIST + sep) ? file : null
}

function serve(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(req.url ?? '/') : null
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('not found')
      return
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  })
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok(server))
  })
}

export default async function setup(project: TestProject) {
  await buildApp()
  const server = await serve()
  const { port } = server.address() as AddressInfo
  project.provide('baseUrl', `http://127.0.0.1:${port}/`)
  return async () => {
    server.closeAllConnections()
    await new Promise<void>((ok) => server.close(() => ok()))
    await rm(DIST, { recursive: true, force: true })
  }
}
