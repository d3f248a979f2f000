// The mutated files in shards: `npm run mutate` runs one Stryker run per shard, in this order.
//
// Each shard is a few hundred mutants (Stryker writes a shard's results only when it ends).
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

/** Name → files. The folders with a target (core/engine, planners) first. */
export const SHARDS = {
  // Decision validation and what an accepted decision does.
  'engine-decisions': engine(['decision-check', 'apply-decision']),
  // When planners are called and what they are given.
  'engine-planning': engine(['planning', 'planner-io', 'context']),
  // Burns, scripted events and the run's records.
  'engine-events': engine(['maneuver', 'scripted', 'run-records']),
  // The step: the simulation's loop, its state and the world.
  'engine-step': engine(['simulation', 'state', 'status-pass', 'world', 'timing']),
  // Orbits and geometry: propagation, Earth-fixed positions, station visibility, access windows.
  'engine-orbits': engine(['propagator', 'geometry-pass', 'geodetic', 'station-cells', 'access']),
  // The bus: health, payload, measurements.
  'engine-bus': engine(['health', 'payload', 'measure']),
  // What the engine shows: views for planners and the app, reports, series, snapshots.
  'engine-views': engine([
    'view-builder',
    'view-data',
    'view-rebuild',
    'report',
    'sat-series',
    'snapshot-share',
  ]),
  'planners-allocation': ['src/planners/allocation/*.ts'],
  'planners-maintenance': ['src/planners/maintenance/*.ts'],
  'planners-trajectory': ['src/planners/trajectory/*.ts'],
  'planners-agent': ['src/planners/agent/*.ts', 'src/planners/isolation/*.ts', 'src/planners/*.ts'],
  core: ['src/core/*.ts', 'src/core/export/*.ts'],
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
