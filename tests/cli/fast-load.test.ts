// bin/fast-load.mjs: the `sim` command and its threads load a bundle of the sources, rebuilt when
// any source changes. A stale bundle would run old code under a new name, so what is tested here
// is that an edit always reaches the next start, and that a source that cannot be bundled falls
// back to tsx instead of failing.

import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

interface FastLoad {
  ENTRIES: Record<string, string>
  cacheDir(root?: string): string
  fingerprint(root?: string, salt?: string): string
  bundledEntry(name: string, root?: string): Promise<string | null>
}
const load = async () =>
  (await import(
    pathToFileURL(join(import.meta.dirname, '..', '..', 'bin', 'fast-load.mjs')).href
  )) as FastLoad

/** A throwaway project whose entries say which version of the source they were built from. */
function project(version: number): string {
  const root = mkdtempSync(join(tmpdir(), 'fast-load-'))
  mkdirSync(join(root, 'src', 'cli', 'isolation'), { recursive: true })
  mkdirSync(join(root, 'src', 'cli', 'compare'), { recursive: true })
  writeSource(root, version)
  writeFileSync(
    join(root, 'src', 'cli', 'isolation', 'planner-worker-main.ts'),
    'export const w: number = 1\n',
  )
  writeFileSync(join(root, 'src', 'cli', 'compare', 'worker-main.ts'), 'export const c: number = 2\n')
  return root
}
function writeSource(root: string, version: number) {
  writeFileSync(join(root, 'src', 'cli', 'where.ts'), 'export const here: string = import.meta.url\n')
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    `import { here } from './where.ts'\nexport const main = (): number => ${version}\nexport { here }\n`,
  )
}
const importFile = async (file: string) => import(`${pathToFileURL(file).href}?${Math.random()}`)

describe('the CLI bundle (bin/fast-load.mjs)', () => {
  it('fingerprints every source by path, size and modification time, and the bundler version', async () => {
    const { fingerprint } = await load()
    const root = project(1)
    const first = fingerprint(root, '0.28.2')
    expect(fingerprint(root, '0.28.2')).toBe(first)
    expect(fingerprint(root, '0.28.3')).not.toBe(first)
    // The same size, a later modification time.
    const file = join(root, 'src', 'cli', 'main.ts')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const touched = fingerprint(root, '0.28.2')
    expect(touched).not.toBe(first)
    // A new file anywhere under src.
    writeFileSync(join(root, 'src', 'new.json'), '{}')
    expect(fingerprint(root, '0.28.2')).not.toBe(touched)
  })

  it('runs the edited source after an edit, and keeps each module’s own import.meta.url', async () => {
    const { bundledEntry, cacheDir } = await load()
    const root = project(1)
    const first = await bundledEntry('main', root)
    expect(first).not.toBeNull()
    const one = await importFile(first as string)
    expect(one.main()).toBe(1)
    expect(one.here).toBe(pathToFileURL(join(root, 'src', 'cli', 'where.ts')).href)
    // Every entry is built at once (a planner thread finds its own ready).
    expect(await bundledEntry('planner-worker-main', root)).toBe(
      join((first as string).replace(/[/\\]main\.mjs$/, ''), 'planner-worker-main.mjs'),
    )
    writeSource(root, 2)
    const second = await bundledEntry('main', root)
    expect(second).not.toBe(first)
    expect((await importFile(second as string)).main()).toBe(2)
    // No half-written directory is left behind.
    expect(readdirSync(cacheDir(root)).filter((d) => d.includes('.tmp-'))).toEqual([])
  })

  it('gives one bundle to several processes starting at once', async () => {
    const { bundledEntry, cacheDir } = await load()
    const root = project(3)
    const files = await Promise.all([1, 2, 3, 4].map(() => bundledEntry('main', root)))
    expect(new Set(files).size).toBe(1)
    expect(readdirSync(cacheDir(root))).toHaveLength(1)
    expect((await importFile(files[0] as string)).main()).toBe(3)
  })

  // Several processes starting at once clear old bundles while another one's half-built directory
  // is being renamed away: an entry listed a moment ago can be gone when it is looked at. A
  // dangling link is such an entry every time.
  it('still gives the bundle when an entry of the cache vanishes while old bundles are cleared', async () => {
    const { bundledEntry, cacheDir } = await load()
    const root = project(5)
    mkdirSync(cacheDir(root), { recursive: true })
    symlinkSync(join(root, 'gone'), join(cacheDir(root), 'vanished.tmp-1-0'))
    const file = await bundledEntry('main', root)
    expect(file).not.toBeNull()
    expect((await importFile(file as string)).main()).toBe(5)
  })

  it('has no bundle for a source that does not compile (tsx then reports the error)', async () => {
    const { bundledEntry } = await load()
    const root = project(4)
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const main = ( => 1\n')
    expect(await bundledEntry('main', root)).toBeNull()
  })
})
