// The production build hands R3F's <Canvas> a catalogue of three.js classes instead of the whole
// namespace (vite.config.ts, src/scene/three-catalogue.ts). An element the scene writes in JSX but
// the catalogue lacks would work on the dev server and throw in the built app, so this compares
// the two; and it checks the build still finds R3F's module to redirect.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import * as catalogue from '../../src/scene/three-catalogue'
import { R3F_CANVAS_MODULE } from '../../vite.config'

const ROOT = join(import.meta.dirname, '..', '..')

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return tsxFiles(path)
    return name.endsWith('.tsx') ? [path] : []
  })
}

/** Lower-case JSX tags of a text whose PascalCase name is a three.js export (<mesh> → Mesh). */
function threeElementsIn(text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(/<([a-z][A-Za-z0-9]*)[\s/>]/g)) {
    const name = m[1][0].toUpperCase() + m[1].slice(1)
    if (name in THREE) out.add(name)
  }
  return [...out].sort()
}

// Every file that renders inside a <Canvas>: the scene, and the viewports' probes.
const FILES = [...tsxFiles(join(ROOT, 'src', 'scene')), join(ROOT, 'src', 'ui', 'Viewports.tsx')]

describe('the three.js catalogue of the built app', () => {
  it('finds three.js elements in JSX and ignores HTML and generics', () => {
    expect(
      threeElementsIn('<group>\n<mesh onClick={f}>\n<meshBasicMaterial\n color="red" /></mesh></group>'),
    ).toEqual(['Group', 'Mesh', 'MeshBasicMaterial'])
    expect(threeElementsIn('<div><span>x</span></div> Array<number> <primitive object={o} />')).toEqual([])
  })

  it('holds every element the scene writes in JSX', () => {
    const used = new Set(FILES.flatMap((f) => threeElementsIn(readFileSync(f, 'utf8'))))
    expect(used.size).toBeGreaterThan(0)
    const missing = [...used].filter((name) => !(name in catalogue))
    expect(missing).toEqual([])
  })

  it("redirects R3F's own <Canvas> module, which registers the whole namespace", () => {
    const path = join(ROOT, 'node_modules', '@react-three', 'fiber', 'dist', 'react-three-fiber.esm.js')
    expect(R3F_CANVAS_MODULE.test(path)).toBe(true)
    expect(readFileSync(path, 'utf8')).toMatch(/extend\(THREE\)/)
  })
})
