// The agent adapter (src/planners/agent/adapter.ts) with no process: a fake AgentLink the test
// writes the agent's lines into, and the adapter's GuestTransport opened on it, with everything
// the adapter tells the host (messages, the process's end) kept in order. The adapter answers the
// host on a later microtask, as a thread's port would; `settle()` waits for those answers.

import { DEFAULT_TELEMETRY_WINDOW, type PlannerKind, type PortableViewData } from '../../src/core'
import { AGENT_PROTOCOL, type AgentLink, agentGuest } from '../../src/planners/agent'
import type { GuestTransport } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage } from '../../src/planners/isolation/protocol'
import { firstViewData } from '../support/first-view-data'
import { makeSpec } from '../support/spec-fixture'

export const spec = makeSpec()

// The engine's first call on the fixture: a short simulation, run once, inside the first test
// that needs it (not while collecting: mutation testing charges code run outside tests to all).
let data: Promise<PortableViewData> | null = null
export const viewData = () => (data ??= firstViewData(spec))

/** What the agent "process" saw and did. */
export interface FakeLink {
  /** Every line the adapter wrote to the agent, parsed (also after kill(): a mutant might). */
  sent: Record<string, unknown>[]
  /** How often the adapter killed the process. */
  kills: number
  /** Its standard error's tail, as the platform keeps it. */
  stderr: string
  /** The agent writes a line of text. */
  line(text: string): void
  /** The agent writes a value as one JSON line. */
  json(value: unknown): void
  /** The process ends (exits, is killed by a signal …) with this reason. */
  end(reason: string): void
}

export interface OpenAgent {
  link: FakeLink
  transport: GuestTransport
  /** Every message the adapter gave the host, in order. */
  toHost: GuestMessage[]
  /** Every end of the agent the adapter reported to the host, in order. */
  exits: string[]
}

export const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

function fakeLink(): FakeLink & { agentLink: AgentLink } {
  let onLine: (line: string) => void = () => {}
  let onEnd: (reason: string) => void = () => {}
  const link = {
    sent: [] as Record<string, unknown>[],
    kills: 0,
    stderr: '',
    line: (text: string) => onLine(text),
    json: (value: unknown) => onLine(JSON.stringify(value)),
    end: (reason: string) => onEnd(reason),
    agentLink: {
      send: (line: string) => {
        link.sent.push(JSON.parse(line))
      },
      onLine: (h: (line: string) => void) => (onLine = h),
      onEnd: (h: (reason: string) => void) => (onEnd = h),
      stderrTail: () => link.stderr,
      kill: () => {
        link.kills++
      },
    },
  }
  return link
}

/** Starts the adapter on a fake process, the host listening as createIsolatedPlanner does. */
export function openAgent(
  options: { kind?: PlannerKind; deadlineMs?: number; clock?: () => number } = {},
): OpenAgent {
  const link = fakeLink()
  const transport = agentGuest({
    start: () => link.agentLink,
    kind: options.kind ?? 'allocation',
    deadlineMs: options.deadlineMs ?? 5000,
    clock: options.clock,
  })()
  const toHost: GuestMessage[] = []
  const exits: string[] = []
  transport.onMessage((m) => toHost.push(m))
  transport.onExit((reason) => exits.push(reason))
  return { link, transport, toHost, exits }
}

export const INIT: HostMessage = {
  type: 'init',
  plannerId: 'agent:test',
  spec,
  telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
  params: undefined,
}

export const AGENT_HELLO = { protocol: AGENT_PROTOCOL, type: 'hello', agent: 'test' }

/** An agent past the greetings: the host sent init, the agent said hello. */
export async function greeted(options?: Parameters<typeof openAgent>[0]): Promise<OpenAgent> {
  const a = openAgent(options)
  a.transport.post(INIT)
  a.link.json(AGENT_HELLO)
  await settle()
  return a
}

/** An agent in the middle of call `call` on `data` (the plan line sent, no answer yet). */
export async function inCall(
  data: PortableViewData,
  call = 1,
  options?: Parameters<typeof openAgent>[0],
): Promise<OpenAgent> {
  const a = await greeted(options)
  a.transport.post({ type: 'plan', call, data })
  return a
}
