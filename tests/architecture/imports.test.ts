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
