// The agent adapter's side toward the isolation host: what it tells the host it is, how it turns
// the host's init into the engine's hello line and each call into a plan line
// (docs/agent-protocol.md), and what it answers when a call cannot be made.

import { describe, expect, it } from 'vitest'
import { createViewRebuilder, DEFAULT_TELEMETRY_WINDOW, type PortableViewData } from '../../src/core'
import {
  AGENT_PROTOCOL,
  agentManifest,
  engineHelloSchema,
  imagingOpportunities,
  planSchema,
  viewJson,
} from '../../src/planners/agent'
import { greeted, INIT, inCall, openAgent, settle, spec, viewData } from './agent-adapter-support'

const viaJson = (x: unknown) => JSON.parse(JSON.stringify(x))

describe('the manifest of an agent', () => {
  it('describes no parameters and no triggers: an agent plans on the cadence', () => {
    expect(agentManifest('agent:python3 a.py', 'maintenance', 'python3 a.py')).toEqual({
      id: 'agent:python3 a.py',
      kind: 'maintenance',
      label: expect.any(String),
      description: expect.any(String),
      triggers: [],
      paramsJsonSchema: null,
      defaultParams: null,
    })
  })
})

describe('the adapter toward the host', () => {
  it('says it loaded, with no planners to describe, once the host listens', async () => {
    const a = openAgent()
    await settle()
    expect(a.toHost).toEqual([{ type: 'loaded', planners: [] }])
    expect(a.link.sent).toEqual([])
  })

  it("greets the agent at init with the scenario's facts and the run's limits, then is ready", async () => {
    const a = openAgent({ kind: 'maintenance', deadlineMs: 1234 })
    a.transport.post(INIT)
    // The values of the documented example hello (docs/agent-protocol.md), on the fixture.
    expect(a.link.sent).toEqual([
      {
        protocol: AGENT_PROTOCOL,
        type: 'hello',
        kind: 'maintenance',
        scenario: {
          id: 'fixture',
          title: 'Fixture',
          epoch: '2026-03-20T00:00:00.000Z',
          stepS: 30,
          durationS: 6 * 3600,
          plannerCadenceS: 600,
        },
        limits: {
          deadlineMs: 1234,
          maxLineBytes: 524_288,
          maxQueriesPerCall: 20_000,
          maxDecisionsPerCall: 10_000,
          maxWindowSpanS: 604_800,
          maxOpportunities: 2000,
          maxOpportunityChecks: 40_000,
        },
      },
    ])
    expect(engineHelloSchema.safeParse(a.link.sent[0]).success).toBe(true)
    await settle()
    expect(a.toHost).toEqual([
      { type: 'loaded', planners: [] },
      { type: 'ready', problems: [] },
    ])
  })

  it('sends a call as a plan line: its number, kind and time, the view and its opportunities', async () => {
    const d = await viewData()
    const view = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)(d)
    const a = await inCall(d, 5, { kind: 'allocation' })
    const plan = a.link.sent.at(-1)
    expect(planSchema.safeParse(plan).success).toBe(true)
    expect(plan).toEqual({
      type: 'plan',
      call: 5,
      kind: 'allocation',
      timeS: view.timeS,
      view: viaJson(viewJson(view)),
      opportunities: viaJson(imagingOpportunities(view)),
    })
  })

  it('ignores the wake hint, before init and after it: the plan line itself wakes an agent', async () => {
    const fresh = openAgent()
    fresh.transport.post({ type: 'wake' })
    await settle()
    expect(fresh.toHost).toEqual([{ type: 'loaded', planners: [] }])
    expect(fresh.link.sent).toEqual([])
    const a = await greeted()
    const sent = a.link.sent.length
    const told = a.toHost.length
    a.transport.post({ type: 'wake' })
    await settle()
    expect(a.link.sent).toHaveLength(sent)
    expect(a.toHost).toHaveLength(told)
  })

  it('answers a call before init as a planner thread does: a stray error, the agent not asked', async () => {
    const a = openAgent()
    a.transport.post({ type: 'plan', call: 1, data: await viewData() })
    await settle()
    expect(a.toHost.at(-1)).toEqual({ type: 'stray', message: 'a call came before init' })
    expect(a.link.sent).toEqual([])
  })

  it('fails a call whose view cannot be rebuilt, saying what threw, without asking the agent', async () => {
    const a = await greeted()
    const sent = a.link.sent.length
    a.transport.post({ type: 'plan', call: 4, data: {} as PortableViewData })
    await settle()
    expect(a.toHost.at(-1)).toEqual({
      type: 'planned',
      call: 4,
      ok: false,
      error: expect.stringMatching(/TypeError: /),
      ms: 0,
      rebuildMs: 0,
    })
    expect(a.link.sent).toHaveLength(sent)
    expect(a.exits).toEqual([])
  })
})
