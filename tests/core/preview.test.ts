// The "got …" half of error messages (src/core/preview.ts): one short line for any value, however
// large, deep or strange, cut where the contract says and showing what kind of thing was found.

import { describe, expect, it } from 'vitest'
import { clip, expectGot, preview } from '../../src/core/preview'

describe('clip', () => {
  it('keeps text of exactly the limit and cuts one character more to the limit, ending in …', () => {
    expect(clip('abc', 3)).toBe('abc')
    expect(clip('abcd', 3)).toBe('ab…')
    expect(clip('x'.repeat(121))).toHaveLength(120)
    expect(clip('x'.repeat(120))).toBe('x'.repeat(120))
  })
})

describe('preview', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [true, 'true'],
    [false, 'false'],
    [-0, '0'],
    [Number.NaN, 'NaN'],
    [-Number.POSITIVE_INFINITY, '-Infinity'],
    [2.5, '2.5'],
    [10n, '10n'],
    ['ok', '"ok"'],
    [[undefined, true, 3], '[nothing, true, 3]'],
  ])('shows %s as %s', (value, shown) => {
    expect(preview(value)).toBe(shown)
  })

  it('names a function or a symbol by its kind', () => {
    expect(preview(() => 1)).toBe('a function')
    expect(preview(Symbol('s'))).toBe('a symbol')
  })

  it('shows four items of a list or object and marks a fifth with …', () => {
    expect(preview([1, 2, 3, 4])).toBe('[1, 2, 3, 4]')
    expect(preview([1, 2, 3, 4, 5])).toBe('[1, 2, 3, 4, …]')
    expect(preview({ a: 1, b: 2, c: 3, d: 4 })).toBe('{"a": 1, "b": 2, "c": 3, "d": 4}')
    expect(preview({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('{"a": 1, "b": 2, "c": 3, "d": 4, …}')
  })

  it('opens two levels of nesting, and shows an empty list or object as such at any level', () => {
    expect(preview([[[1]]])).toBe('[[[…]]]')
    expect(preview({ a: { b: { c: 1 } } })).toBe('{"a": {"b": {…}}}')
    expect(preview([[[]]])).toBe('[[[]]]')
    expect(preview([[{}]])).toBe('[[{}]]')
    expect(preview([])).toBe('[]')
    expect(preview({})).toBe('{}')
  })

  it('cuts a long list to 60 characters ending in …', () => {
    const got = preview(['a'.repeat(50), 'b'.repeat(50)])
    expect(got).toHaveLength(60)
    expect(got.startsWith(`["${'a'.repeat(50)}", "bb`)).toBe(true)
    expect(got.endsWith('b…')).toBe(true)
  })

  it('cuts a long string inside its quotes, also when escapes make it longer than its text', () => {
    // Sixty characters of text, then … and the closing quote.
    expect(preview('y'.repeat(200))).toBe(`"${'y'.repeat(58)}…"`)
    // Newlines print as \n, two characters each: the quoted form is cut to 60 and closed.
    const got = preview('\n'.repeat(200))
    expect(got).toHaveLength(62)
    expect(got.startsWith(`"${'\\n'.repeat(29)}`)).toBe(true)
    expect(got.endsWith('…"')).toBe(true)
  })

  it('is what expectGot prints after "got"', () => {
    expect(expectGot('a number', [1, 'two'])).toBe('expected a number, got [1, "two"]')
  })
})
