// An agent process behind the isolation host: a GuestTransport (isolation/host.ts) whose "thread"
// is a program speaking the agent protocol over lines of text. The host gives it the same
// contract as a user's planner module — one deadline per call, a fault naming the planner, the
// planner disabled when its process ends, breaks the protocol or stays silent — so this file
// only translates: host messages into protocol lines, protocol lines into host messages.
// Platform-neutral: the process and its pipes are the AgentLink a runner provides.

import {
  createViewRebuilder,
  describeThrown,
  MAX_DECISIONS_PER_CALL,
  MAX_OPPORTUNITIES,
  MAX_OPPORTUNITY_CHECKS,
  type PlannerKind,
  readDecisions,
  type WorldView,
} from '../../core'
import type { GuestTransport, StartGuest } from '../isolation/host'
import type { GuestMessage, HostMessage, PlannerManifest } from '../isolation/protocol'
import { imagingOpportunities } from './opportunities'
import {
  AGENT_PROTOCOL,
  agentCallLineSchema,
  agentHelloSchema,
  type EngineHello,
  MAX_LINE_BYTES,
  MAX_QUERIES_PER_CALL,
  MAX_WINDOW_SPAN_S,
  type PlanMessage,
} from './protocol'
import { answerQuery } from './query'
import { viewJson } from './view-json'

/** One running agent process, as the platform provides it: lines in, lines out. */
export interface AgentLink {
  /** Writes one line (the newline is added) to the agent's standard input. */
  send(line: string): void
  /** Receives each line the agent writes to standard output, without its newline. */
  onLine(handler: (line: string) => void): void
  /** Receives, at most once, why the process ended ("exited with code 1", "sent a line over …"). */
  onEnd(handler: (reason: string) => void): void
  /** The last characters the agent wrote to standard error (bounded), '' when none. */
  stderrTail(): string
  /** Ends the process now. */
  kill(): void
}

export type StartAgent = () => AgentLink

export interface AgentGuestOptions {
  start: StartAgent
  kind: PlannerKind
  deadlineMs: number
  /** Milliseconds, to time calls for the report's timing section (optional: measured only). */
  clock?: () => number
}

/** The manifest the host needs: an agent describes no parameters and reacts to the cadence. */
export function agentManifest(id: string, kind: PlannerKind, command: string): PlannerManifest {
  return {
    id,
    kind,
    label: `Agent: ${command}`,
    description: `An external program (${command}) planning over the agent protocol.`,
    triggers: [],
    paramsJsonSchema: null,
    defaultParams: null,
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s)

/** ", stderr: …" when the agent wrote any, for fault text. */
export function withStderr(reason: string, tail: string): string {
  const t = tail.trim().replace(/\s+/g, ' ')
  return t ? `${reason}; its stderr ends: "${t}"` : reason
}

/** A StartGuest for the isolation host: each start spawns the agent and speaks for it. */
export function agentGuest(o: AgentGuestOptions): StartGuest {
  return (): GuestTransport => {
    const link = o.start()
    let hostHandler: (m: GuestMessage) => void = () => {}
    // Like a thread's port, answers arrive later, never inside post(): the host waits after posting.
    const toHost = (m: GuestMessage) => queueMicrotask(() => hostHandler(m))
    let exitHandler: (reason: string) => void = () => {}
    let ended = false
    let helloSeen = false
    let rebuild: ((d: Extract<HostMessage, { type: 'plan' }>['data']) => WorldView) | null = null
    let current: { call: number; view: WorldView; queries: number; t0: number } | null = null
    let lineNo = 0

    const end = (reason: string) => {
      if (ended) return
      ended = true
      link.kill()
      exitHandler(withStderr(reason, link.stderrTail()))
    }
    const broke = (why: string) => end(`broke the protocol: ${why}`)

    link.onEnd((reason) => end(reason))
    link.onLine((line) => {
      if (ended) return
      lineNo++
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        return broke(`line ${lineNo} is not JSON ("${clip(line, 80)}")`)
      }
      if (!helloSeen) {
        const hello = agentHelloSchema.safeParse(value)
        if (!hello.success)
          return broke(`its first line must be {"protocol":"${AGENT_PROTOCOL}","type":"hello",…}`)
        helloSeen = true
        return
      }
      if (!current) return broke(`line ${lineNo} came between calls`)
      const parsed = agentCallLineSchema.safeParse(value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return broke(`line ${lineNo}: ${issue.path.join('.') || '(line)'}: ${issue.message}`)
      }
      const m = parsed.data
      if (m.type === 'query') {
        if (++current.queries > MAX_QUERIES_PER_CALL)
          return broke(`more than ${MAX_QUERIES_PER_CALL} queries in one call`)
        link.send(JSON.stringify(answerQuery(current.view, m)))
        return
      }
      if (m.call !== current.call) return broke(`answered call ${m.call} during call ${current.call}`)
      const ms = o.clock ? o.clock() - current.t0 : 0
      const call = current.call
      current = null
      toHost({ type: 'planned', call, ok: true, read: readDecisions(m.decisions), ms, rebuildMs: 0 })
    })

    function onHost(m: HostMessage): void {
      // An agent process is woken by the call itself; the wake hint is for planner threads.
      if (m.type === 'wake') return
      if (ended) return
      if (m.type === 'init') {
        rebuild = createViewRebuilder(m.spec, m.telemetryWindow)
        const hello: EngineHello = {
          protocol: AGENT_PROTOCOL,
          type: 'hello',
          kind: o.kind,
          scenario: {
            id: m.spec.id,
            title: m.spec.title,
            epoch: new Date(m.spec.epochMs).toISOString(),
            stepS: m.spec.stepS,
            durationS: m.spec.durationS,
            plannerCadenceS: m.spec.plannerCadenceS,
          },
          limits: {
            deadlineMs: o.deadlineMs,
            maxLineBytes: MAX_LINE_BYTES,
            maxQueriesPerCall: MAX_QUERIES_PER_CALL,
            maxDecisionsPerCall: MAX_DECISIONS_PER_CALL,
            maxWindowSpanS: MAX_WINDOW_SPAN_S,
            maxOpportunities: MAX_OPPORTUNITIES,
            maxOpportunityChecks: MAX_OPPORTUNITY_CHECKS,
          },
        }
        link.send(JSON.stringify(hello))
        toHost({ type: 'ready', problems: [] })
        return
      }
      if (!rebuild) {
        toHost({ type: 'stray', message: 'a call came before init' })
        return
      }
      let view: WorldView
      try {
        view = rebuild(m.data)
      } catch (err) {
        const error = `its view could not be rebuilt: ${describeThrown(err)}`
        toHost({ type: 'planned', call: m.call, ok: false, error, ms: 0, rebuildMs: 0 })
        return
      }
      current = { call: m.call, view, queries: 0, t0: o.clock?.() ?? 0 }
      const plan: PlanMessage = {
        type: 'plan',
        call: m.call,
        kind: o.kind,
        timeS: view.timeS,
        view: viewJson(view),
        opportunities: imagingOpportunities(view),
      }
      link.send(JSON.stringify(plan))
    }

    return {
      post: (m) => onHost(m),
      onMessage: (h) => {
        hostHandler = h
        // The host listens from now on: tell it what the agent is (nothing to load first).
        toHost({ type: 'loaded', planners: [] })
      },
      onExit: (h) => {
        exitHandler = h
      },
      terminate: () => {
        ended = true
        link.kill()
      },
      detail: () => withStderr('', link.stderrTail()),
    }
  }
}
