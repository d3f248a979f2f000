// Loads one of the CLI's TypeScript entry points (the `sim` command, a planner thread, a compare
// thread) from a bundle of the sources, built on first use and kept until a source changes.
//
// Why: through tsx's loader hooks, which run on their own thread in Node 20, every one of the
// CLI's ~170 modules costs a round trip between threads; `sim --help` took 1.4–1.8 s on a quiet
// two-core machine, and each isolated planner thread paid as much again. One bundle file loads
// in about 0.2 s. The bundle is a cache, never a second source: its name is a hash of every file
// under src/ (path, size, modification time) and of the bundler's version, so an edited source
// makes a new bundle on the next start. When the bundle cannot be built (the bundler missing, a
// syntax error), the entry is loaded through tsx as before, which reports the error in full.
//
// Each module keeps its own `import.meta.url` (the plugin below writes in the source file's URL),
// so paths made from it (the default scenario, the worker entry files) mean what they meant.

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { threadId } from 'node:worker_threads'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

/** Entry name → source file. */
export const ENTRIES = {
  main: 'src/cli/main.ts',
  'planner-worker-main': 'src/cli/isolation/planner-worker-main.ts',
  'compare-worker-main': 'src/cli/compare/worker-main.ts',
}

/** Where the bundles live: inside node_modules, which is never committed and `npm ci` clears. */
export const cacheDir = (root = ROOT) => join(root, 'node_modules', '.cache', 'sim-cli')

/** A hash of every file under `root`/src (path, size, modification time) and of `salt`. */
export function fingerprint(root = ROOT, salt = '') {
  const hash = createHash('sha256').update(salt)
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
  for (const f of files) {
    const s = statSync(f)
    hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`)
  }
  return hash.digest('hex').slice(0, 16)
}

// Every .ts module keeps the URL of its source file as its import.meta.url.
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }))
  },
}

/** Builds begun by this thread, so two at once never share a directory to write in. */
let builds = 0

/** Builds every entry into `dir`; another build of the same bundle at once is harmless. */
async function build(esbuild, root, dir) {
  const tmp = `${dir}.tmp-${process.pid}-${threadId}-${++builds}`
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    plugins: [sourceUrls],
    logLevel: 'silent',
  })
  try {
    // The whole directory appears at once: a reader never sees half a bundle.
    renameSync(tmp, dir)
  } catch {
    // Another process got there first: its bundle is the same.
    rmSync(tmp, { recursive: true, force: true })
  }
  removeStale(dirname(dir), dir)
}

/**
 * Bundles of older sources, left more than ten minutes ago (a thread builds its own if need be).
 * An entry can vanish between the listing and its look-up (another process renaming its
 * half-built directory into place, or clearing it): it is skipped, not an error.
 */
function removeStale(parent, keep) {
  const before = Date.now() - 10 * 60_000
  for (const e of readdirSync(parent, { withFileTypes: true })) {
    const path = join(parent, e.name)
    const info = statSync(path, { throwIfNoEntry: false })
    if (path !== keep && info && info.mtimeMs < before) rmSync(path, { recursive: true, force: true })
  }
}

/** The bundled file of entry `name`, built if need be; null when it cannot be built. */
export async function bundledEntry(name, root = ROOT) {
  try {
    // The bundler's version from its package file: loading the bundler itself costs 0.1 s.
    const { version } = require('esbuild/package.json')
    const dir = join(cacheDir(root), fingerprint(root, version))
    const file = join(dir, `${name}.mjs`)
    if (!existsSync(file)) {
      mkdirSync(cacheDir(root), { recursive: true })
      await build(await import('esbuild'), root, dir)
    }
    return existsSync(file) ? file : null
  } catch {
    return null
  }
}

/** Imports entry `name`: from its bundle when there is one, else its source through tsx. */
export async function importEntry(name) {
  const file = await bundledEntry(name)
  if (file) return import(pathToFileURL(file).href)
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(join(ROOT, ENTRIES[name])).href)
}
