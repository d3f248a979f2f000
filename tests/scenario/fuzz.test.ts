import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LoadResult, loadScenarioText, loadScenarioValue } from '../../src/scenario'
import { findJsonSyntaxError } from '../../src/scenario/json-syntax'
import { FILE, ISS_LINE_1, ISS_LINE_2, minimal } from './helpers'

// Hostile input never makes the loader throw: it always answers with a LoadResult, and what it
// answers is well formed. A throw here is a bug, never an acceptable way to reject a file.

// FUZZ_RUNS=20000 npx vitest run tests/scenario/fuzz.test.ts for a long hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DEFAULT_TEXT = readFileSync(resolve(ROOT, 'scenarios/default.json'), 'utf8')

function wellFormed(result: LoadResult): void {
  if (result.ok) {
    expect(typeof result.scenario.id).toBe('string')
    // The engine does arithmetic on everything; no NaN or Infinity may slip through.
    expect(nonFiniteNumbers(result.scenario)).toEqual([])
    return
  }
  expect(result.issues.length).toBeGreaterThan(0)
  for (const issue of result.issues) {
    expect(issue.file).toBe(FILE)
    expect(typeof issue.path).toBe('string')
    // Our own wording everywhere, never zod's defaults, always one line.
    expect(issue.message).toMatch(/^(expected |unknown key|invalid JSON: )/)
    expect(issue.message).not.toMatch(/Invalid input|Invalid option|Too (small|big)|Unrecognized key/)
    expect(issue.message).not.toContain('\n')
    expect(issue.path).not.toContain('\n')
  }
}

function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => nonFiniteNumbers(child, `${path}.${key}`))
}

// Values a scenario's fields might plausibly hold, to get past the outer checks and deep inside.
const plausible = fc.constantFrom<unknown>(
  0,
  -1,
  0.5,
  1,
  3,
  24,
  1e308,
  2 ** 53,
  '',
  ' ',
  '0s',
  '24h',
  '1h30m',
  '2026-03-20T00:00:00Z',
  'P1-S1',
  'SPARE-1',
  'svalbard',
  'delta',
  'star',
  'spare',
  'image',
  'exponential',
  'linear',
  'taskBurst',
  'conjunction',
  'degradation',
  'stationOutage',
  'battery',
  ['1h', '2h'],
  ['2h', '1h'],
  [ISS_LINE_1, ISS_LINE_2],
  ['ISS', ISS_LINE_1],
  { latDeg: 0, lonDeg: 0 },
  { kind: 'exponential', tauH: 1 },
  [],
  {},
  null,
  true,
)
const KEYS = [
  'formatVersion',
  'duration',
  'walker',
  'satellites',
  'planes',
  'prefix',
  'elements',
  'altitudeKm',
  'semiMajorAxisKm',
  'tle',
  'window',
  'tasks',
  'events',
  'type',
  'at',
  'tca',
  'satellite',
  'station',
  'profile',
  'bus',
  'params',
  '__proto__',
  'constructor',
  'toString',
]

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'insert'),
  container: fc.nat(),
  key: fc.nat(),
  name: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
  value: fc.oneof(plausible, fc.jsonValue({ maxDepth: 3 })),
})
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

/** Every object and array in a JSON value, outermost first. */
function containers(value: unknown): (Record<string, unknown> | unknown[])[] {
  if (typeof value !== 'object' || value === null) return []
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(containers)]
}

function apply(document: unknown, mutation: Mutation): void {
  // A copy: the generated values are shared between runs and must not end up inside themselves.
  const m = { ...mutation, value: structuredClone(mutation.value) }
  const all = containers(document)
  const target = all[m.container % all.length]
  if (Array.isArray(target)) {
    const i = m.key % (target.length + 1)
    if (m.kind === 'delete') target.splice(i, 1)
    else if (m.kind === 'replace' && i < target.length) target[i] = m.value
    else target.splice(i, 0, m.value)
    return
  }
  const keys = Object.keys(target)
  const key = keys[m.key % Math.max(keys.length, 1)]
  if (m.kind === 'delete' && key !== undefined) delete target[key]
  // defineProperty, as JSON.parse does: an own "__proto__" key, not a prototype change.
  else if (m.kind === 'replace' && key !== undefined) target[key] = m.value
  else
    Object.defineProperty(target, m.name, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

describe('the loader never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => wellFormed(loadScenarioValue(value, FILE))),
      { numRuns: RUNS },
    )
  })

  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        wellFormed(loadScenarioText(text, FILE)),
      ),
      { numRuns: RUNS },
    )
  })

  it('on valid scenarios with keys and values deleted, replaced and inserted at random paths', () => {
    const seeds = [minimal(), JSON.parse(DEFAULT_TEXT)]
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (which, mutations) => {
          const document = structuredClone(seeds[which])
          for (const m of mutations) apply(document, m)
          const before = JSON.stringify(document)
          wellFormed(loadScenarioValue(document, FILE))
          // Loading reads the value and never writes to it.
          expect(JSON.stringify(document)).toBe(before)
        },
      ),
      { numRuns: RUNS * 2 },
    )
  })

  it('on the default file cut off anywhere, with the position of the problem inside the text', () => {
    fc.assert(
      fc.property(fc.nat(DEFAULT_TEXT.length - 1), (cut) => {
        const text = DEFAULT_TEXT.slice(0, cut)
        const result = loadScenarioText(text, FILE)
        wellFormed(result)
        if (result.ok) return
        const [issue] = result.issues
        const lines = text.split('\n')
        expect(issue.line).toBeGreaterThanOrEqual(1)
        expect(issue.line).toBeLessThanOrEqual(lines.length)
        expect(issue.column).toBeGreaterThanOrEqual(1)
        expect(issue.column).toBeLessThanOrEqual((lines[(issue.line ?? 1) - 1]?.length ?? 0) + 1)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('the JSON recogniser', () => {
  // Built from JSON's own pieces, so most strings are nearly JSON and the edge cases get hit.
  const jsonish = fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ':',
        ',',
        '"',
        '"a"',
        '1',
        '0',
        '-',
        '.',
        'e',
        '+',
        'true',
        'nul',
        ' ',
        '\n',
        '\\',
        'u',
        '\t',
        '\u0001',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''))

  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          jsonish,
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          fc.string(),
        ),
        (text) => {
          let refused = false
          try {
            JSON.parse(text)
          } catch {
            refused = true
          }
          const found = findJsonSyntaxError(text)
          expect(found !== undefined).toBe(refused)
          if (found !== undefined) expect(found.offset).toBeLessThanOrEqual(text.length)
        },
      ),
      { numRuns: RUNS * 5 },
    )
  })
})
