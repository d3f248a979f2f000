// The agent protocol, mission-sandbox/1: newline-delimited JSON between the engine and a planner
// that is any program (an "agent"), over the agent's standard input and output. These zod
// schemas are the single source of truth: the engine validates every line the agent sends with
// them, and docs/agent-protocol.schema.json is generated from them (`npm run schema:agent`).
//
// The conversation (docs/agent-protocol.md has every field, with examples):
//   engine → agent  hello     protocol, planner kind, scenario facts, limits      once
//   agent  → engine hello     protocol, the agent's name                          once
//   engine → agent  plan      call number, kind, time, the view as plain JSON,   ┐ per call
//                             imaging opportunities until the next call          │
//   agent  → engine query     canImage / visibilityWindows (bounded)  ┐ any      │
//   engine → agent  answer    the query's result                      ┘ number   │
//   agent  → engine decisions the call's decisions, each with a rationale        ┘
// A line that is not one of these, a line over MAX_LINE_BYTES, silence past the deadline or the
// process ending turns into a fault that disables the agent for the rest of the run.

import { z } from 'zod'
import { MAX_OPPORTUNITIES } from '../../core/limits'

export const AGENT_PROTOCOL = 'mission-sandbox/1'
/** Longest line an agent may send, bytes (the engine stops reading and disables it past this). */
export const MAX_LINE_BYTES = 512 * 1024
/** Queries an agent may ask during one call. */
export const MAX_QUERIES_PER_CALL = 20_000
/** Longest span of one visibilityWindows query, s (a week). */
export const MAX_WINDOW_SPAN_S = 7 * 86_400
/** Fewest seconds between samples of a visibilityWindows query. */
export const MIN_SAMPLE_S = 1
/** Characters of an agent's standard error kept for fault text (the last ones). */
export const STDERR_TAIL_CHARS = 600

const kind = z.enum(['trajectory', 'allocation', 'maintenance'])
const rationale = z.string().min(1).max(2000).describe('One line in plain language: why.')
const satellite = z.string().describe('Satellite id.')

const dv = z.union([
  z.object({ frame: z.literal('rtn'), r: z.number(), t: z.number(), n: z.number() }).strict(),
  z.object({ frame: z.literal('eci'), x: z.number(), y: z.number(), z: z.number() }).strict(),
])

/** The decisions of src/core/decisions.ts, as an agent writes them. */
export const decisionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('maneuver'),
      satellite,
      atS: z.number().describe('Seconds after epoch; executed at the first step at or after it.'),
      dv: dv.describe('Impulsive Δv, m/s: RTN (radial, along-track, normal) or ECI components.'),
      purpose: z.enum(['slot-recovery', 'orbit-raise', 'collision-avoidance', 'return', 'other']),
      replaces: z.string().optional().describe('For slot recovery: whose slot this spare fills.'),
      rationale,
    })
    .strict(),
  z.object({ kind: z.literal('assignTask'), satellite, task: z.string(), rationale }).strict(),
  z
    .object({
      kind: z.literal('downlink'),
      satellite,
      station: z.string(),
      startS: z.number(),
      endS: z.number(),
      rationale,
    })
    .strict(),
  z
    .object({
      kind: z.literal('alert'),
      satellite,
      component: z.string().describe('A component name, e.g. "reactionWheel".'),
      severity: z.enum(['warning', 'critical']),
      predictedFailureS: z.number().optional(),
      retire: z.boolean().optional().describe('Ask the strategy to stop relying on this satellite.'),
      rationale,
    })
    .strict(),
  z.object({ kind: z.literal('setMode'), satellite, mode: z.enum(['edge', 'raw']), rationale }).strict(),
  z.object({ kind: z.literal('note'), satellite: satellite.optional(), rationale }).strict(),
])

const protocol = z.literal(AGENT_PROTOCOL)

/** Engine → agent. */
export const engineHelloSchema = z
  .object({
    protocol,
    type: z.literal('hello'),
    kind: kind.describe('The planner kind this agent plays in the run.'),
    scenario: z.object({
      id: z.string(),
      title: z.string(),
      epoch: z.string().describe('ISO 8601 UTC; every time in the protocol is seconds after it.'),
      stepS: z.number(),
      durationS: z.number(),
      plannerCadenceS: z.number(),
    }),
    limits: z.object({
      deadlineMs: z.number().describe('Time for one call, queries included.'),
      maxLineBytes: z.number(),
      maxQueriesPerCall: z.number(),
      maxDecisionsPerCall: z.number(),
      maxWindowSpanS: z.number(),
      maxOpportunities: z.number().describe('Most imaging opportunities listed in one plan message.'),
      maxOpportunityChecks: z.number().describe('Most canImage tests the engine spends on them per call.'),
    }),
  })
  .strict()

/** Agent → engine, once, after the engine's hello. */
export const agentHelloSchema = z
  .object({
    protocol,
    type: z.literal('hello'),
    agent: z.string().max(200).describe("The agent's name, for the log."),
  })
  .strict()

/** What the engine computed for the agent: imaging windows until the next call (opportunities.ts). */
export const opportunitiesSchema = z
  .object({
    fromS: z.number().describe('The horizon: from the call’s time…'),
    toS: z.number().describe('…to the next planner call (at most 6 h, at most the run’s end).'),
    sampleS: z.number().describe('canImage was tested every sampleS from fromS.'),
    complete: z.boolean().describe('False when the bounds left tasks out (they are scanned by priority).'),
    tasksScanned: z.number().int(),
    imaging: z
      .array(
        z
          .object({
            task: z.number().int().describe('Task index in view.tasks.'),
            satellite: z.number().int().describe('Satellite index in view.satellites.'),
            startS: z.number().describe('First sample with the target in the satellite’s footprint.'),
            endS: z.number().describe('Last sample of that window (within the horizon).'),
          })
          .strict(),
      )
      .max(MAX_OPPORTUNITIES)
      .describe('Each healthy satellite’s first window over each pending or open task, by start time.'),
  })
  .strict()

export const planSchema = z
  .object({
    type: z.literal('plan'),
    call: z.number().int().describe('1, 2, 3 … within one process.'),
    kind,
    timeS: z.number(),
    view: z.record(z.string(), z.unknown()).describe('The WorldView data (docs/agent-protocol.md).'),
    opportunities: opportunitiesSchema,
  })
  .strict()

export const querySchema = z.discriminatedUnion('query', [
  z
    .object({
      type: z.literal('query'),
      id: z.number().int(),
      query: z.literal('canImage'),
      satellite: z.number().int().describe('Satellite index in view.satellites.'),
      task: z.number().int().describe('Task index in view.tasks.'),
      timeS: z.number(),
    })
    .strict(),
  z
    .object({
      type: z.literal('query'),
      id: z.number().int(),
      query: z.literal('visibilityWindows'),
      satellite: z.number().int(),
      station: z.number().int().describe('Station index in view.stations.'),
      fromS: z.number(),
      toS: z.number(),
      sampleS: z.number().optional(),
    })
    .strict(),
])

export const answerSchema = z
  .object({
    type: z.literal('answer'),
    id: z.number().int(),
    result: z.unknown().describe('canImage: boolean; visibilityWindows: [startS, endS][].'),
    error: z.string().optional().describe('Why the query was refused (result is null then).'),
  })
  .strict()

export const decisionsSchema = z
  .object({
    type: z.literal('decisions'),
    call: z.number().int().describe('The call being answered.'),
    decisions: z.array(decisionSchema),
  })
  .strict()

/** What the engine reads from an agent during a call: decisions are checked one by one later. */
export const agentCallLineSchema = z.union([
  querySchema,
  decisionsSchema.extend({ decisions: z.array(z.unknown()) }),
])

export type EngineHello = z.infer<typeof engineHelloSchema>
export type AgentHello = z.infer<typeof agentHelloSchema>
export type PlanMessage = z.infer<typeof planSchema>
export type OpportunitiesMessage = z.infer<typeof opportunitiesSchema>
export type QueryMessage = z.infer<typeof querySchema>
export type AnswerMessage = z.infer<typeof answerSchema>
