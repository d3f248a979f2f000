// The mutated files in shards: `npm run mutate` runs one Stryker run per shard, in this order.
//
// Each shard is at most about 450 mutants: Stryker writes a shard's results only when it ends, so
// a shard should end within an hour on two busy cores (a stopped shard loses all its work).
//
// Why shards: Stryker instruments every mutated file at once, and instrumented code (each mutant
// behind a switch, each statement counting its coverage) runs the engine's hot loops many times
// slower — the initial test run took 13.6 minutes with all of src/core and src/planners
// instrumented, about 1.3 minutes with one engine file. A shard instruments only its own files,
// so the tests that judge its mutants run the rest of the engine at full speed. Each shard also
// keeps its own incremental file and report: a run that is stopped loses only the shard under
// way, and a later run (another day) takes up from the results of the shards already measured.
//
// The shards together must hold every mutated file exactly once: checkShards() says which file
// is missing or doubled, run.mjs refuses to start without that, and a unit test checks it.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The files Stryker mutates (stryker.config.mjs `mutate` is built from these). */
export const MUTATED = ['src/core/**/*.ts', 'src/planners/**/*.ts']
export const NOT_MUTATED = ['src/**/index.ts']

const engine = (names) => names.map((n) => `src/core/engine/${n}.ts`)
const core = (names) => names.map((n) => `src/core/${n}.ts`)
const planners = (folder, names) => names.map((n) => `src/planners/${folder}/${n}.ts`)

/** Name → files. The folders with a target (core/engine, planners) first. */
export const SHARDS = {
  // Decision validation and what an accepted decision does.
  'engine-decisions': engine(['decision-check', 'apply-decision']),
  // When planners are called and what they are given.
  'engine-planning': engine(['planning', 'planner-io', 'context']),
  // Burns, scripted events and the run's records.
  'engine-events': engine(['maneuver', 'scripted', 'run-records']),
  // The step: the simulation's loop and its clock.
  'engine-step': engine(['simulation', 'timing']),
  // The state the step works on, the per-step status pass and the world it is made from.
  'engine-state': engine(['state', 'status-pass', 'world']),
  // Orbits and geometry: propagation, Earth-fixed positions, geodetic coordinates.
  'engine-orbits': engine(['propagator', 'geometry-pass', 'geodetic']),
  // Station visibility and access windows.
  'engine-access': engine(['station-cells', 'access']),
  // The bus: health and measurements.
  'engine-health': engine(['health', 'measure']),
  // The payload: tasks, captures, downlinks.
  'engine-payload': engine(['payload']),
  // What the engine shows planners and the app: views.
  'engine-views': engine(['view-builder', 'view-data', 'view-rebuild']),
  // What a run leaves: the report, the series, shared snapshots.
  'engine-report': engine(['report', 'sat-series', 'snapshot-share']),
  // The planners, by folder, each cut to a shard's size.
  // The allocation model, one file a shard: every whole run with an allocation planner covers
  // both, and with both instrumented each of those runs was so slow that the shard came to about
  // a minute a mutant; alone, a file's mutants are judged with the other one at full speed.
  'planners-allocation-problem': planners('allocation', ['problem']),
  'planners-allocation-opportunities': planners('allocation', ['opportunities']),
  'planners-allocation-solvers': planners('allocation', ['assignment', 'solvers', 'optimal']),
  'planners-allocation-rules': planners('allocation', [
    'edf',
    'greedy-priority',
    'edge-mode',
    'params',
    'run',
  ]),
  'planners-maintenance-stats': planners('maintenance', ['stats', 'channels']),
  'planners-maintenance': planners('maintenance', ['cusum', 'threshold', 'trend']),
  'planners-trajectory-transfers': planners('trajectory', [
    'hohmann',
    'bi-elliptic',
    'transfers',
    'legs',
    'timing',
  ]),
  'planners-trajectory-phasing': planners('trajectory', ['phasing', 'slots', 'recovery', 'trim']),
  'planners-trajectory-model': planners('trajectory', [
    'orbit-model',
    'avoidance',
    'collision-avoidance',
    'windows',
  ]),
  'planners-agent': planners('agent', ['adapter', 'protocol', 'json-schema', 'view-json', 'query']),
  'planners-agent-replay': planners('agent', [
    'recording-format',
    'replay',
    'serve-protocol',
    'opportunities',
  ]),
  'planners-isolation': ['src/planners/isolation/*.ts'],
  'planners-registry': ['src/planners/*.ts'],
  // The rest of core (no target of its own, measured for what it tells).
  // The fleet propagator, one file a shard: every engine test runs it in its hottest loop, and
  // together with the Kepler formulas the two were near 1,300 mutants, three times a shard's size.
  'core-kepler-set': core(['kepler-set']),
  'core-kepler-groups': core(['kepler-groups']),
  'core-kepler': core(['kepler', 'j2']),
  'core-sgp4-frames': core(['sgp4', 'frames']),
  'core-geometry': core(['geometry', 'eclipse', 'sun', 'time', 'constants', 'limits', 'rng']),
  'core-metrics': core(['metrics', 'best', 'seed-stats', 'preview', 'events', 'decisions']),
  'core-spec': core(['spec', 'view']),
  'core-export': ['src/core/export/*.ts'],
}

// A glob of the forms used here (a path, `dir/` + `*.ts`, `dir/` + `**/*.ts`) as a regular expression.
const globRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split(/(\*\*\/|\*)/)
      .map((part) =>
        part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  )
const SOURCES = readdirSync(join(import.meta.dirname, '..', 'src'), { recursive: true })
  .map((f) => `src/${String(f).replaceAll('\\', '/')}`)
  .filter((f) => f.endsWith('.ts'))
const expand = (patterns) => {
  const res = patterns.map(globRegExp)
  return SOURCES.filter((f) => res.some((re) => re.test(f))).sort()
}

/** Files of the mutated set no shard holds, and files two shards hold (empty lists when sound). */
export function checkShards(shards = SHARDS) {
  const excluded = new Set(expand(NOT_MUTATED))
  const mutated = expand(MUTATED).filter((f) => !excluded.has(f))
  const owner = new Map()
  const doubled = []
  for (const [name, patterns] of Object.entries(shards)) {
    for (const f of expand(patterns)) {
      if (excluded.has(f)) continue
      if (owner.has(f)) doubled.push(`${f} (${owner.get(f)} and ${name})`)
      else owner.set(f, name)
    }
  }
  const missing = mutated.filter((f) => !owner.has(f))
  const stray = [...owner.keys()].filter((f) => !mutated.includes(f))
  return { missing, doubled, stray }
}

/** Stryker's `mutate` list for a shard: its files, without the index files. */
export const mutateOf = (name) => [...SHARDS[name], ...NOT_MUTATED.map((p) => `!${p}`)]
