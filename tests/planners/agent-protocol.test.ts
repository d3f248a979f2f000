// The agent protocol (issue 14): its committed JSON Schema is the zod schemas' output, and the
// engine's side answers queries within their bounds.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation, type WorldView } from '../../src/core'
import {
  agentCallLineSchema,
  agentProtocolJsonSchema,
  answerQuery,
  decisionSchema,
  MAX_LINE_BYTES,
  MAX_WINDOW_SPAN_S,
} from '../../src/planners/agent'
import { loadScenarioText } from '../../src/scenario'

const ROOT = join(import.meta.dirname, '..', '..')

describe('the agent protocol', () => {
  it('is committed as generated', () => {
    const committed = readFileSync(join(ROOT, 'docs/agent-protocol.schema.json'), 'utf8')
    const fresh = `${JSON.stringify(agentProtocolJsonSchema(), null, 2)}\n`
    if (committed !== fresh)
      throw new Error(
        'docs/agent-protocol.schema.json is stale: the protocol changed. Run `npm run schema:agent`.',
      )
  })

  it('reads decisions in the shape of src/core/decisions.ts and refuses others', () => {
    expect(
      decisionSchema.safeParse({ kind: 'assignTask', satellite: 'S1', task: 't', rationale: 'why' }).success,
    ).toBe(true)
    expect(decisionSchema.safeParse({ kind: 'assignTask', satellite: 'S1', task: 't' }).success).toBe(false)
    expect(decisionSchema.safeParse({ kind: 'teleport', satellite: 'S1', rationale: 'x' }).success).toBe(
      false,
    )
    expect(agentCallLineSchema.safeParse({ type: 'decisions', call: 1, decisions: [] }).success).toBe(true)
    expect(agentCallLineSchema.safeParse({ type: 'decisions', call: 'one', decisions: [] }).success).toBe(
      false,
    )
  })

  it("reads a call's decisions line whatever its decisions hold: they are checked one by one later", () => {
    // An invalid decision is refused alone with a fault of its own (docs/agent-protocol.md);
    // it does not make the line a protocol break that disables the agent.
    const odd = [{ kind: 'teleport' }, 42, null]
    expect(decisionSchema.safeParse(odd[0]).success).toBe(false)
    expect(agentCallLineSchema.safeParse({ type: 'decisions', call: 1, decisions: odd }).success).toBe(true)
    expect(agentCallLineSchema.safeParse({ type: 'decisions', call: 1, decisions: {} }).success).toBe(false)
  })

  it('limits a line to 512 KB, as documented and as the hello tells the agent', () => {
    expect(MAX_LINE_BYTES).toBe(512 * 1024)
  })

  it('answers canImage and visibilityWindows as the view does, and refuses unbounded queries', async () => {
    const text = readFileSync(join(ROOT, 'tests/cli/fixtures/mini.json'), 'utf8')
    const loaded = loadScenarioText(text, 'mini.json')
    if (!loaded.ok) throw new Error('mini.json does not load')
    let view: WorldView | null = null
    const sim = createSimulation(loaded.scenario, loaded.scenario.strategies[0].name, {
      planners: [
        {
          id: 'spy',
          kind: 'allocation',
          plan: (v) => {
            view ??= v
            return []
          },
        },
      ],
    })
    sim.runUntil(loaded.scenario.plannerCadenceS * 2)
    if (!view) throw new Error('the planner was not called')
    const v = view as WorldView
    const windows = answerQuery(v, {
      type: 'query',
      id: 1,
      query: 'visibilityWindows',
      satellite: 0,
      station: 0,
      fromS: v.timeS,
      toS: v.timeS + 6 * 3600,
    })
    expect(windows.result).toEqual(v.visibilityWindows(0, 0, v.timeS, v.timeS + 6 * 3600))
    const can = answerQuery(v, {
      type: 'query',
      id: 2,
      query: 'canImage',
      satellite: 0,
      task: 0,
      timeS: v.timeS,
    })
    expect(can.result).toBe(v.canImage(0, 0, v.timeS))
    const far = answerQuery(v, {
      type: 'query',
      id: 3,
      query: 'visibilityWindows',
      satellite: 0,
      station: 0,
      fromS: 0,
      toS: MAX_WINDOW_SPAN_S + 1,
    })
    expect(far).toMatchObject({ id: 3, result: null, error: expect.stringContaining(`${MAX_WINDOW_SPAN_S}`) })
    const bad = answerQuery(v, { type: 'query', id: 4, query: 'canImage', satellite: 999, task: 0, timeS: 0 })
    expect(bad.error).toMatch(/satellite index 999 is not in 0\.\./)
  })
})
