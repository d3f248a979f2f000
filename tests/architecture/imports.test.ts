// The engine and the planners must run unchanged in Node, in a Web Worker and in tests, and
// give the same numbers everywhere: so no UI library, no DOM, no wall clock and no unseeded
// randomness may creep into them.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** Import specifiers of a file (static imports, re-exports and dynamic imports). */
function importsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1])
  for (const m of text.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1])
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1])
  return out
}

/** Code without comments and string contents, so prose that mentions `window` is not a hit. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
}

const FORBIDDEN_PACKAGES = /^(react|react-dom|three|zustand|@react-three\/.*|uplot)(\/|$)/
const DOM_GLOBALS =
  /\b(window|document|navigator|localStorage|sessionStorage|requestAnimationFrame|HTMLElement|fetch)\b/

describe.each(['src/core', 'src/planners'])('%s stays pure', (room) => {
  const files = sourceFiles(join(ROOT, room))

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports no UI library and no DOM', (_name, file) => {
    const text = readFileSync(file, 'utf8')
    const bad = importsOf(text).filter((spec) => FORBIDDEN_PACKAGES.test(spec) || spec.startsWith('node:'))
    expect(bad).toEqual([])
    expect(codeOnly(text).match(DOM_GLOBALS)?.[0]).toBeUndefined()
  })

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s reads no wall clock and no unseeded randomness',
    (_name, file) => {
      const code = codeOnly(readFileSync(file, 'utf8'))
      expect(code).not.toMatch(/Date\.now|Math\.random|performance\.now|new Date\(\s*\)/)
    },
  )
})

describe('room boundaries', () => {
  it('src/core imports nothing of ours outside src/core', () => {
    for (const file of sourceFiles(join(ROOT, 'src/core'))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue
        const target = relative(join(ROOT, 'src/core'), join(file, '..', spec))
        expect(target.startsWith('..'), `${relative(ROOT, file)} imports ${spec}`).toBe(false)
      }
    }
  })

  it('the checker itself catches a forbidden import', () => {
    expect(importsOf("import { useState } from 'react'\n").some((s) => FORBIDDEN_PACKAGES.test(s))).toBe(true)
    expect(codeOnly('const w = window.innerWidth').match(DOM_GLOBALS)?.[0]).toBe('window')
    expect(codeOnly('// the window of a task').match(DOM_GLOBALS)).toBeNull()
  })
})

// Import cycles ------------------------------------------------------------------------------------
// A cycle means two modules cannot be read (or tested) one without the other, and bundlers may
// evaluate one of them half-initialised. Type-only imports count too: they still tie the files.

/** The file a relative specifier names (with or without its extension, or a folder's index). */
function resolveImport(from: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = join(from, '..', spec)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (files.has(candidate)) return candidate
  return null
}

/** Every import cycle of the graph, each once, as a list of files (the first repeated at the end). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = []
  const seen = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next))
        const key = [...cycle].sort().join('|')
        if (!seen.has(key)) {
          seen.add(key)
          cycles.push([...cycle, next])
        }
      } else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return cycles
}

function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir)
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveImport(file, spec.replace(/\?.*$/, ''), known))
      .filter((target): target is string => target !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

describe('import cycles', () => {
  it('the cycle finder finds a cycle, a self-import and a long loop, and passes a tree', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges))
    expect(findCycles(g({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b', 'a']])
    expect(findCycles(g({ a: ['a'] }))).toEqual([['a', 'a']])
    expect(findCycles(g({ a: ['b'], b: ['c'], c: ['d'], d: ['b'] }))).toEqual([['b', 'c', 'd', 'b']])
    expect(findCycles(g({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([])
  })

  it('the import graph resolves extensionless and index imports', () => {
    const graph = importGraph(join(ROOT, 'src'))
    const sim = graph.get(join(ROOT, 'src/core/engine/simulation.ts')) ?? []
    expect(sim).toContain(join(ROOT, 'src/core/engine/state.ts'))
    const run = [...graph.entries()].find(([file]) => file.endsWith('src/worker/run.ts'))
    expect(run?.[1].some((f) => f.endsWith('src/core/index.ts'))).toBe(true)
  })

  it('src has no import cycle', () => {
    const cycles = findCycles(importGraph(join(ROOT, 'src'))).map((c) =>
      c.map((f) => relative(ROOT, f)).join(' → '),
    )
    expect(cycles).toEqual([])
  })
})

/** Specifiers a file imports as values when it loads: no `import type`, no dynamic import(). */
function loadTimeImportsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]/gm))
    out.push(m[1])
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1])
  return out
}

/** The package specifiers the page's first-frame code imports, following its load-time imports. */
function specifiersLoadedFrom(entries: string[]): Set<string> {
  const known = new Set(sourceFiles(join(ROOT, 'src')))
  const seen = new Set<string>()
  const specifiers = new Set<string>()
  const todo = [...entries]
  while (todo.length) {
    const file = todo.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    for (const spec of loadTimeImportsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        specifiers.add(spec)
        continue
      }
      const target = resolveImport(file, spec.replace(/\?.*$/, ''), known)
      if (target) todo.push(target)
    }
  }
  return specifiers
}

/** The packages of those specifiers (`@scope/name` or `name`). */
function packagesLoadedFrom(entries: string[]): Set<string> {
  return new Set(
    [...specifiersLoadedFrom(entries)].map((spec) =>
      spec.split('/')[0].startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0],
    ),
  )
}

describe('the page before its first frame', () => {
  it('does not load zod: the recording checks come with the first recording opened', () => {
    const page = packagesLoadedFrom([join(ROOT, 'src/main.tsx'), join(ROOT, 'src/ui/mount.tsx')])
    // The walk reaches the page's real dependencies (so an empty set cannot pass for a clean one).
    expect(page).toContain('three')
    expect(page).toContain('react')
    expect(page).not.toContain('zod')
  })

  it('does not load satellite.js: SGP4 for orbit loops comes with a scenario that has element sets', () => {
    const page = packagesLoadedFrom([join(ROOT, 'src/main.tsx'), join(ROOT, 'src/ui/mount.tsx')])
    expect(page).toContain('three')
    expect(page).not.toContain('satellite.js')
  })

  it('fetches the land outline as a file, not as JavaScript inside the interface', () => {
    const specs = [...specifiersLoadedFrom([join(ROOT, 'src/main.tsx'), join(ROOT, 'src/ui/mount.tsx')])]
    const atlas = specs.filter((spec) => spec.startsWith('world-atlas/'))
    expect(atlas.length).toBeGreaterThan(0)
    expect(atlas.filter((spec) => !spec.endsWith('?url'))).toEqual([])
  })
})
