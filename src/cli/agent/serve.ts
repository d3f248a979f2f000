// `sim serve FILE --stdio`: gym-style stepping for learning agents, over the agent protocol's
// lines. The client plays one planner kind (--kind, default allocation) of a strategy; the rest
// of the strategy runs as usual. The engine runs until that kind's planner is due, sends the
// observation (the same view an agent's `plan` carries) and waits for the client's `step` with
// the decisions; those go through the same checks as any planner's. docs/agent-protocol.md,
// "Gym-style stepping", lists the messages and the observation and reward fields.

import { createInterface } from 'node:readline'
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
} from '../../core'
import { registry } from '../../planners'
import { AGENT_PROTOCOL, viewJson } from '../../planners/agent'
import { clip } from '../../scenario'
import { UsageError } from '../errors'

/** The metric whose growth is the reward: the priority-weighted value of delivered tasks. */
export const REWARD_METRIC = 'priorityValue'

interface Episode {
  /** Resolves the pending planner call with the client's decisions. */
  answer: ((o: PlanOutcome) => void) | null
  next: Promise<Record<string, unknown>>
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

/** Answers reset / step / observe lines from `input` on `output` until the input ends. */
export async function serveStdio(
  spec: ScenarioSpec,
  strategy: StrategySpec,
  kind: PlannerKind,
  untilS: number,
  write: (line: string) => void,
  input: NodeJS.ReadableStream,
): Promise<void> {
  const send = (m: unknown) => write(`${JSON.stringify(m)}\n`)
  const rest: StrategySpec = { ...strategy }
  delete rest[kind]
  const others = registry.bind(rest)
  if (others.problems.length) throw new UsageError(others.problems.join('\n'))
  send({ protocol: AGENT_PROTOCOL, type: 'hello', mode: 'serve', kind, scenario: spec.id, untilS })
  let episode: Episode | null = null
  let last: Record<string, unknown> | null = null

  function reset(seed: number | undefined): Episode {
    episode?.answer?.({ ok: false, fault: 'episode reset', disable: true })
    const rebuild = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)
    let deliver: (o: Record<string, unknown>) => void = () => {}
    const wait = () => new Promise<Record<string, unknown>>((r) => (deliver = r))
    const observation = (view: Record<string, unknown> | null, done: boolean) => {
      const value = (ep.sim.metrics()[REWARD_METRIC] as number | null) ?? 0
      const reward = value - ep.lastValue
      ep.lastValue = value
      return { type: 'observation', step: ep.steps, timeS: ep.sim.time(), done, reward, value, view }
    }
    const client: EnginePlanner = {
      id: `client:${kind}`,
      kind,
      isolated: {
        telemetryKnown: () => 0,
        call: (_t, data) =>
          new Promise<PlanOutcome>((resolve) => {
            ep.answer = resolve
            deliver(observation(viewJson(rebuild(data)), false))
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
      () => deliver(observation(null, true)),
      (err) => deliver({ type: 'error', message: String(err) }),
    )
    return ep
  }

  for await (const line of createInterface({ input })) {
    let m: { type?: string; seed?: number; decisions?: unknown }
    try {
      m = JSON.parse(line)
    } catch {
      send({ type: 'error', message: `not JSON: ${clip(line, 60)}` })
      continue
    }
    if (m.type === 'hello') continue
    if (m.type === 'reset') {
      episode = reset(typeof m.seed === 'number' ? m.seed : undefined)
      last = await episode.next
      send(last)
    } else if (m.type === 'step') {
      const ep = episode
      if (!ep?.answer || last?.done) {
        send({ type: 'error', message: 'step needs a running episode: send reset first' })
        continue
      }
      const answer = ep.answer
      ep.answer = null
      ep.steps++
      ep.renew()
      answer({ ok: true, read: readDecisions(m.decisions ?? []) })
      last = await ep.next
      send(last)
    } else if (m.type === 'observe') {
      send(last ?? { type: 'error', message: 'no episode yet: send reset' })
    } else send({ type: 'error', message: `unknown message type "${clip(String(m.type), 40)}"` })
  }
  episode?.answer?.({ ok: false, fault: 'client left', disable: true })
}
