// How `sim serve --stdio` reads a client line (serve-protocol.ts, docs/agent-protocol.md,
// "Gym-style stepping"), in process: each message type is taken as sent, and a bad line is told
// what was wrong, naming the field. The answers the docs print are the protocol's words and are
// checked to the letter; 'is not JSON' is what the server (src/cli/agent/serve.ts) recognises to
// quote the line back.

import { describe, expect, it } from 'vitest'
import { readClientLine } from '../../src/planners/agent'

const error = (line: string) => {
  const r = readClientLine(line)
  if (r.ok) throw new Error(`${line} was taken`)
  return r.error
}

describe('a client line', () => {
  it('is taken as sent when it is one of the four messages', () => {
    const good = [
      { protocol: 'mission-sandbox/1', type: 'hello', agent: 'gym' },
      { type: 'reset' },
      { type: 'reset', seed: 0 },
      { type: 'reset', seed: 2 ** 32 - 1 },
      { type: 'step', decisions: [] },
      { type: 'step', decisions: [{ kind: 'assignTask' }, 'not checked here'] },
      { type: 'observe' },
    ]
    for (const m of good) expect(readClientLine(JSON.stringify(m))).toEqual({ ok: true, message: m })
  })

  it('is "not JSON" when it does not parse', () => {
    expect(readClientLine('this is not json {')).toEqual({ ok: false, error: 'is not JSON' })
    expect(readClientLine('{"type":"reset"')).toEqual({ ok: false, error: 'is not JSON' })
  })

  it('must be an object, and is told so rather than about a missing type', () => {
    for (const line of ['3', '"reset"', 'null', 'true', '[]', '[{"type":"reset"}]']) {
      const e = error(line)
      expect(e).not.toBe('')
      expect(e).not.toMatch(/^type:/)
      expect(e).toBe(error('[]'))
    }
  })

  it('must have a known type, and the answer lists them and quotes what came', () => {
    const known = 'type: expected one of "hello", "reset", "step", "observe", got'
    expect(error('{"type":"teleport"}')).toBe(`${known} "teleport"`)
    expect(error('{}')).toBe(`${known} null`)
    expect(error('{"type":3}')).toBe(`${known} 3`)
    expect(error('{"type":"toString"}')).toBe(`${known} "toString"`)
    // What came is quoted as JSON, cut at 40 characters.
    expect(error(JSON.stringify({ type: 'x'.repeat(100) }))).toBe(`${known} "${'x'.repeat(39)}`)
  })

  it('names the field of the wrong shape, or the line when the message as a whole is wrong', () => {
    expect(error('{"type":"step","decisions":3}')).toBe(
      'decisions: Invalid input: expected array, received number',
    )
    expect(error('{"type":"reset","seed":-1}')).toMatch(/^seed: ./)
    expect(error('{"type":"reset","seed":4294967296}')).toMatch(/^seed: ./)
    expect(error('{"type":"reset","seed":1.5}')).toMatch(/^seed: ./)
    expect(error('{"type":"hello","agent":"gym"}')).toMatch(/^protocol: ./)
    expect(error('{"type":"step"}')).toMatch(/^decisions: ./)
    expect(error('{"type":"observe","extra":1}')).toMatch(/^\(line\): ./)
  })
})
