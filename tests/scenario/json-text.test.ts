import { describe, expect, it } from 'vitest'
import { formatIssue, loadScenarioText } from '../../src/scenario'
import { findJsonSyntaxError, lineColumn } from '../../src/scenario/json-syntax'
import { engineIssue } from '../../src/scenario/json-text'
import { minimal } from './helpers'

const FILE = 'scenarios/x.json'

function syntaxProblem(text: string): string {
  const result = loadScenarioText(text, FILE)
  if (result.ok) throw new Error('expected invalid JSON to be rejected')
  expect(result.issues).toHaveLength(1)
  return formatIssue(result.issues[0])
}

describe('malformed JSON', () => {
  it('points at the line and column of a missing comma', () => {
    const text = '{\n  "id": "x",\n  "title": "T"  "seed": 1\n}'
    expect(syntaxProblem(text)).toBe(
      `${FILE}: line 3, column 17: invalid JSON: expected ',' or '}' after a property value, got '"'`,
    )
  })

  it('names the usual hand-editing mistakes', () => {
    expect(syntaxProblem('{"a": 1,}')).toBe(
      `${FILE}: line 1, column 9: invalid JSON: ` +
        `expected a property name in double quotes after ',', got '}' (JSON allows no trailing comma)`,
    )
    expect(syntaxProblem('[1, 2,\n]')).toBe(
      `${FILE}: line 2, column 1: invalid JSON: ` +
        `expected a value (object, array, string, number, true, false or null)` +
        `, got ']' (JSON allows no trailing comma)`,
    )
    expect(syntaxProblem('{\n  // the default\n  "a": 1\n}')).toBe(
      `${FILE}: line 2, column 3: invalid JSON: ` +
        `expected a property name in double quotes or '}', got '/' (JSON allows no comments)`,
    )
    expect(syntaxProblem("{'a': 1}")).toBe(
      `${FILE}: line 1, column 2: invalid JSON: ` +
        `expected a property name in double quotes or '}', got ''' (JSON strings need double quotes)`,
    )
    expect(syntaxProblem('{"a": 1, b: 2}')).toBe(
      `${FILE}: line 1, column 10: invalid JSON: ` +
        `expected a property name in double quotes after ',', got 'b' (property names need double quotes)`,
    )
  })

  it('describes bad scalars', () => {
    expect(syntaxProblem('{"a": NaN}')).toBe(
      `${FILE}: line 1, column 7: invalid JSON: ` +
        `expected a value (object, array, string, number, true, false or null), got 'NaN'`,
    )
    expect(syntaxProblem('[01]')).toBe(
      `${FILE}: line 1, column 3: invalid JSON: expected a number without leading zeros, got '1'`,
    )
    expect(syntaxProblem('{"a": "one\ntwo"}')).toBe(
      `${FILE}: line 1, column 11: invalid JSON: ` +
        `expected '"' to close the string before the end of the line, got a line break`,
    )
    expect(syntaxProblem('["\\x"]')).toBe(
      `${FILE}: line 1, column 3: invalid JSON: ` +
        `expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits)` +
        `, got '\\'`,
    )
  })

  it('reports an empty file, a cut-off file and trailing text', () => {
    expect(syntaxProblem('')).toBe(
      `${FILE}: line 1, column 1: invalid JSON: ` +
        `expected a value (object, array, string, number, true, false or null), got the end of the file`,
    )
    expect(syntaxProblem('{"a": [1, 2')).toBe(
      `${FILE}: line 1, column 12: invalid JSON: ` +
        `expected ',' or ']' after an array item, got the end of the file`,
    )
    expect(syntaxProblem('{"a": "b')).toBe(
      `${FILE}: line 1, column 9: invalid JSON: expected '"' to close the string, got the end of the file`,
    )
    expect(syntaxProblem('{}\n{}')).toBe(
      `${FILE}: line 2, column 1: invalid JSON: expected the end of the file after the JSON value, got '{'`,
    )
  })

  it('accepts a byte-order mark before the JSON', () => {
    const result = loadScenarioText(`\uFEFF${JSON.stringify(minimal())}`, FILE)
    expect(result.ok).toBe(true)
  })

  it('survives nesting far deeper than any call stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`
    expect(findJsonSyntaxError(deep)).toEqual({
      offset: 399_999,
      message: "expected ',' or ']' after an array item, got the end of the file",
    })
    expect(syntaxProblem(deep)).toMatch(/^scenarios\/x\.json: line 1, column 400000: invalid JSON: /)
  })

  it('agrees with JSON.parse on valid documents', () => {
    for (const text of [
      '0',
      '-0.5e+3',
      '"\\u00e9\\n"',
      ' [ ] ',
      '{"a":{"b":[true,false,null,{}]}}',
      JSON.stringify(minimal()),
    ]) {
      expect(() => JSON.parse(text)).not.toThrow()
      expect(findJsonSyntaxError(text)).toBeUndefined()
    }
  })
})

describe('line and column', () => {
  it('counts lines from 1 and columns in characters from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 })
    expect(lineColumn('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 })
  })
})

describe("salvaging an engine's own message", () => {
  it('reads a Node 20 position', () => {
    const text = '{\n  "a" 1\n}'
    expect(engineIssue(text, "Expected ':' after property name in JSON at position 8")).toEqual({
      path: [],
      message: "invalid JSON: expected ':' after property name",
      line: 2,
      column: 7,
    })
  })

  it('reads a line and column when the engine gives them', () => {
    expect(
      engineIssue('', "Expected ',' or '}' after property value in JSON at position 30 (line 3 column 14)"),
    ).toEqual({
      path: [],
      message: "invalid JSON: expected ',' or '}' after property value",
      line: 3,
      column: 14,
    })
  })

  it('keeps the words when there is no position at all', () => {
    expect(engineIssue('abc', 'Unexpected token \'a\', "abc" is not valid JSON')).toEqual({
      path: [],
      message: 'invalid JSON: unexpected token \'a\', "abc" is not valid JSON',
    })
  })
})
