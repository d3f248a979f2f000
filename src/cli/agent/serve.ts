// `sim serve FILE --stdio`: gym-style stepping for learning agents, over the agent protocol's
// lines. The client plays one planner kind (--kind, default allocation) of a strategy; the rest
// of the strategy runs as usual. The engine runs until that kind's planner is due, sends the
// observation (the same view and opportunities an agent's `plan` carries) and waits for the
// client's `step` with the decisions; those go through the same checks as any planner's. Every
// client line is bounded (MAX_LINE_BYTES) and checked with the zod schemas of serve-protocol.ts;
// a bad one is answered with an `error` naming the line, and a client silent for the idle
// timeout is told and the server stops. docs/agent-protocol.md, "Gym-style stepping", lists the
// messages and the observation and reward fields.

import {
  createSimulation,
  createViewRebuilder,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  PLANNER_KINDS,
  type PlannerKind,
  type PlanOutcome,
  readDecisions,
  type ScenarioSpec,
  type StrategySpec,
  type WorldView,
} from '../../core'
import { registry } from '../../planners'
import {
  AGENT_PROTOCOL,
  imagingOpportunities,
  MAX_LINE_BYTES,
  type Observation,
  readClientLine,
  type ServeHello,
  viewJson,
} from '../../planners/agent'
import { formatDeadline } from '../../planners/isolation/host'
import { clip } from '../../scenario'
import { InputError, UsageError } from '../errors'
import { clientLines } from './client-lines'

/** The metric whose growth is the reward: the priority-weighted value of delivered tasks. */
export const REWARD_METRIC = 'priorityValue'

/** How long the server waits for a client's next line by default, s (`--idle-timeout`). */
export const DEFAULT_IDLE_TIMEOUT_S = 300

type ServeReply = Observation | { type: 'error'; message: string }

interface Episode {
  /** Resolves the pending planner call with the client's decisions. */
  answer: ((o: PlanOutcome) => void) | null
  next: Promise<ServeReply>
  /** Starts waiting for the next observation (before the pending call is answered). */
  renew(): void
  sim: ReturnType<typeof createSimulation>
  lastValue: number
  steps: number
}

export function serveKind(text: string | undefined): PlannerKind {
  const kind = (text ?? 'allocation') as PlannerKind
  if (!PLANNER_KINDS.includes(kind))
    throw new UsageError(`--kind: expected one of ${PLANNER_KINDS.join(', ')}, got "${clip(kind, 40)}"`)
  return kind
}

/**
 * Answers reset / step / observe lines from `input` on `output` until the input ends; throws an
 * InputError (after telling the client) when no line comes for `idleTimeoutMs`.
 */
export async function serveStdio(
  spec: ScenarioSpec,
  strategy: StrategySpec,
  kind: PlannerKind,
  untilS: number,
  write: (line: string) => void,
  input: NodeJS.ReadableStream,
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_S * 1000,
): Promise<void> {
  const send = (m: unknown) => write(`${JSON.stringify(m)}\n`)
  const rest: StrategySpec = { ...strategy }
  delete rest[kind]
  const others = registry.bind(rest)
  if (others.problems.length) throw new UsageError(others.problems.join('\n'))
  const hello: ServeHello = {
    protocol: AGENT_PROTOCOL,
    type: 'hello',
    mode: 'serve',
    kind,
    scenario: spec.id,
    untilS,
    idleTimeoutS: idleTimeoutMs / 1000,
    maxLineBytes: MAX_LINE_BYTES,
  }
  send(hello)
  let episode: Episode | null = null
  let last: ServeReply | null = null

  function reset(seed: number | undefined): Episode {
    episode?.answer?.({ ok: false, fault: 'episode reset', disable: true })
    const rebuild = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)
    let deliver: (o: ServeReply) => void = () => {}
    const wait = () => new Promise<ServeReply>((r) => (deliver = r))
    const observation = (seen: WorldView | null): Observation => {
      const value = (ep.sim.metrics()[REWARD_METRIC] as number | null) ?? 0
      const reward = value - ep.lastValue
      ep.lastValue = value
      return {
        type: 'observation',
        step: ep.steps,
        timeS: ep.sim.time(),
        done: seen === null,
        reward,
        value,
        view: seen && viewJson(seen),
        opportunities: seen && imagingOpportunities(seen),
      }
    }
    const client: EnginePlanner = {
      id: `client:${kind}`,
      kind,
      isolated: {
        telemetryKnown: () => 0,
        call: (_t, data) =>
          new Promise<PlanOutcome>((resolve) => {
            ep.answer = resolve
            deliver(observation(rebuild(data)))
          }),
      },
    }
    const sim = createSimulation(spec, strategy.name, { planners: [...others.planners, client], seed })
    const ep: Episode = {
      answer: null,
      next: wait(),
      renew: () => {
        ep.next = wait()
      },
      sim,
      lastValue: 0,
      steps: 0,
    }
    void sim.runUntilAsync(Math.min(untilS, spec.durationS)).then(
      () => deliver(observation(null)),
      (err) => deliver({ type: 'error', message: String(err) }),
    )
    return ep
  }

  const lines = clientLines(input, MAX_LINE_BYTES)
  let lineNo = 0
  for (;;) {
    const read = await lines.next(idleTimeoutMs)
    if ('end' in read) break
    if ('idle' in read) {
      const message = `no message from the client within ${formatDeadline(idleTimeoutMs)} (--idle-timeout ${idleTimeoutMs / 1000}s); the server stops`
      send({ type: 'error', message })
      lines.close()
      episode?.answer?.({ ok: false, fault: 'client silent', disable: true })
      throw new InputError(`serve: ${message}`)
    }
    lineNo++
    if ('tooLong' in read) {
      send({
        type: 'error',
        message: `line ${lineNo} is longer than ${MAX_LINE_BYTES / 1024} KB: ignored (a message must fit in ${MAX_LINE_BYTES} bytes)`,
      })
      continue
    }
    if (read.line.trim() === '') continue
    const r = readClientLine(read.line)
    if (!r.ok) {
      const error =
        r.error === 'is not JSON'
          ? `line ${lineNo} is not JSON ("${clip(read.line, 60)}")`
          : `line ${lineNo}: ${r.error}`
      send({ type: 'error', message: error })
      continue
    }
    const m = r.message
    if (m.type === 'hello') continue
    if (m.type === 'reset') {
      episode = reset(m.seed)
      last = await episode.next
      send(last)
    } else if (m.type === 'step') {
      const ep = episode
      if (!ep?.answer || (last?.type === 'observation' && last.done)) {
        send({ type: 'error', message: `line ${lineNo}: step needs a running episode: send reset first` })
        continue
      }
      const answer = ep.answer
      ep.answer = null
      ep.steps++
      ep.renew()
      answer({ ok: true, read: readDecisions(m.decisions) })
      last = await ep.next
      send(last)
    } else send(last ?? { type: 'error', message: `line ${lineNo}: no episode yet: send reset` })
  }
  episode?.answer?.({ ok: false, fault: 'client left', disable: true })
}
