// The stated bounds on what one run may ask for. The scenario loader checks them before any work
// starts (with a message naming the estimate, the limit and what to change) and the engine
// checks them again, so a spec built by hand cannot slip past.
//
// Work: the engine's per-step cost is one propagation per satellite plus one horizon test per
// satellite–station pair, so a run costs about steps × satellites × (stations + 1) units. On
// the reference machine (2 shared cores, Node 20) a unit takes about 30 ns, so the limit below
// is about a minute of engine time before planners.
//
// Memory: everything per satellite is fixed-size typed arrays; what grows with the run is the
// sampled metric series (one number per metric per sample). MAX_SAMPLES bounds it at about
// 200 000 × 21 metrics × 8 bytes ≈ 34 MB.

/**
 * Largest scenario file accepted, bytes. Far above any real scenario (the built-in ones are under
 * 20 kB; 5000 tasks are about 1 MB) and small enough that parsing and checking stay quick. The
 * CLI checks a file's size before reading it, the app a picked file's, the loader the text.
 */
export const MAX_SCENARIO_BYTES = 8_000_000

/** Largest work estimate a run may have, in satellite-steps × (stations + 1). */
export const MAX_WORK_UNITS = 2e9
/** Most metric samples a run may keep (duration / sampleEvery, plus the one at t = 0). */
export const MAX_SAMPLES = 200_000
/** Smallest step, s: below this nothing in the sandbox changes between steps. */
export const MIN_STEP_S = 0.1
/** Smallest sampling interval, s. */
export const MIN_SAMPLE_EVERY_S = 1

export interface RunSize {
  durationS: number
  stepS: number
  sampleEveryS: number
  satellites: number
  stations: number
}

export interface WorkEstimate {
  steps: number
  units: number
  samples: number
}

export function estimateWork(run: RunSize): WorkEstimate {
  const steps = Math.ceil(run.durationS / run.stepS - 1e-9)
  return {
    steps,
    units: steps * run.satellites * (run.stations + 1),
    samples: Math.floor(run.durationS / run.sampleEveryS + 1e-9) + 1,
  }
}

/** "2e+9" is no way to talk to people: 2,000,000,000 for whole numbers, 3 significant digits above. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (n >= 1e12) return n.toExponential(2)
  return Math.round(n).toLocaleString('en-US')
}

/** "8 MB", "270 kB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))} MB`
  if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))} kB`
  return `${n} bytes`
}

/** Why a run of this size is refused, one message per exceeded limit (empty when it fits). */
export function workProblems(run: RunSize): { key: 'work' | 'samples'; message: string }[] {
  const w = estimateWork(run)
  const out: { key: 'work' | 'samples'; message: string }[] = []
  if (w.units > MAX_WORK_UNITS) {
    out.push({
      key: 'work',
      message:
        `expected a run of at most ${formatCount(MAX_WORK_UNITS)} units of work ` +
        `(steps × satellites × (stations + 1)), got ${formatCount(w.units)} = ` +
        `${formatCount(w.steps)} steps × ${run.satellites} satellites × ${run.stations + 1}; ` +
        'use a longer step, a shorter duration, or fewer satellites or stations',
    })
  }
  if (w.samples > MAX_SAMPLES) {
    out.push({
      key: 'samples',
      message:
        `expected at most ${formatCount(MAX_SAMPLES)} metric samples (duration / sampleEvery + 1), ` +
        `got ${formatCount(w.samples)}; use a longer sampleEvery or a shorter duration`,
    })
  }
  return out
}

// Agent recordings (`sim run --record`, the app's "Open recording…"): one header line, then one
// line per agent call. A call's line holds at most MAX_DECISIONS_PER_CALL decisions as read; a
// day at a 10-minute cadence with three agents is 432 calls and well under 1 MB.

/** Largest recording file read, bytes (checked before reading, in the CLI and in the app). */
export const MAX_RECORDING_BYTES = 16_000_000
/** Most recorded calls one recording may hold (lines after the header; a call's line is ≥ 100 bytes). */
export const MAX_RECORDED_CALLS = 100_000

// Imaging opportunities an agent's plan message carries (src/planners/agent/opportunities.ts):
// for the open tasks, each healthy satellite's first window over the target until the next call,
// found with the view's canImage (one footprint test at one predicted position, about 0.5 µs on
// the reference machine). The bounds keep that under about 20 ms per call whatever the scenario.

/** Most canImage tests for one plan message's opportunities (tasks past it are left out). */
export const MAX_OPPORTUNITY_CHECKS = 40_000
/** Most opportunities listed in one plan message. */
export const MAX_OPPORTUNITIES = 2_000
/** Most sample times per satellite and task (a long horizon is sampled more coarsely than the step). */
export const MAX_OPPORTUNITY_SAMPLES = 120
/** Longest horizon of the opportunities, s (the next call is usually sooner: a planner cadence). */
export const MAX_OPPORTUNITY_HORIZON_S = 6 * 3600
