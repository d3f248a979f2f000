import { describe, expect, it } from 'vitest'
import { preview } from '../../src/scenario/preview'
import { closest, editDistance } from '../../src/scenario/suggest'

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('window', 'window')).toBe(0)
    expect(editDistance('windw', 'window')).toBe(1)
    expect(editDistance('windoww', 'window')).toBe(1)
    expect(editDistance('wandow', 'window')).toBe(1)
    expect(editDistance('widnow', 'window')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })
})

describe('closest', () => {
  it('finds a near miss, ignoring case', () => {
    expect(closest('Svalbard', ['svalbard', 'fairbanks'])).toBe('svalbard')
    expect(closest('prority', ['id', 'priority', 'window'])).toBe('priority')
  })

  it('stays silent when nothing is close or two candidates tie', () => {
    expect(closest('colour', ['id', 'title', 'seed'])).toBeUndefined()
    expect(closest('P1-S9', ['P1-S1', 'P1-S2'])).toBeUndefined()
    expect(closest('x'.repeat(100), ['x'])).toBeUndefined()
  })
})

describe('preview of a found value', () => {
  it('shows JSON-like text on one short line', () => {
    expect(preview(undefined)).toBe('nothing')
    expect(preview('a\nb')).toBe('"a\\nb"')
    expect(preview(Number.NaN)).toBe('NaN')
    expect(preview(-0)).toBe('0')
    expect(preview({ a: [1, { b: { c: 1 } }], d: null })).toBe('{"a": [1, {…}], "d": null}')
    expect(preview([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, …]')
  })

  it('never recurses into a deep or cyclic value', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(preview(cyclic)).toBe('{"self": {"self": {…}}}')
    let deep: unknown = 0
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(preview(deep)).toBe('[[[…]]]')
  })
})
