// Sweeps beyond one machine: `compare --shard K/N` runs the K-th of N disjoint slices of the
// (strategy, seed) jobs and writes a partial JSON; `merge` checks that a set of partials is
// complete and of one sweep, and aggregates them into exactly what the unsharded compare prints.
// Jobs are pure functions of (scenario, strategy, seed), which is what makes this byte-exact.

import { createHash } from 'node:crypto'
import { InputError, UsageError } from '../errors'
import type { CompareJob, JobResult } from './job'

export interface Shard {
  /** 1-based. */
  k: number
  n: number
}

export const PARTIAL_FORMAT = 'mission-sandbox/compare-partial'
const PARTIAL_VERSION = 1
/** A sweep larger than this is a typo ("1..1e9"): the bound is named so it can be raised. */
export const MAX_SHARDS = 100_000

export interface Partial {
  format: typeof PARTIAL_FORMAT
  version: number
  /** Same for every shard of one sweep: the scenario text, strategies, seeds and modules. */
  sweep: string
  shard: Shard
  scenario: { id: string; title: string }
  strategies: string[]
  seeds: number[]
  jobs: number
  results: JobResult[]
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const k = m ? Number(m[1]) : Number.NaN
  const n = m ? Number(m[2]) : Number.NaN
  if (!m || n < 1 || n > MAX_SHARDS || k < 1 || k > n) {
    throw new UsageError(
      `--shard: expected K/N with 1 ≤ K ≤ N ≤ ${MAX_SHARDS} (for a Kubernetes Indexed Job: $((JOB_COMPLETION_INDEX+1))/N), got "${text}"`,
    )
  }
  return { k, n }
}

/** Job i goes to shard (i mod N) + 1: disjoint, covering, and each shard gets every strategy. */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.n === shard.k - 1
}

export function sweepId(jobs: readonly CompareJob[]): string {
  const hash = createHash('sha256')
  const first = jobs[0]
  hash.update(first?.text ?? '')
  hash.update('\u0000')
  hash.update(JSON.stringify(jobs.map((j) => [j.strategy, j.seed])))
  hash.update(JSON.stringify(first?.plannerModules ?? []))
  return hash.digest('hex').slice(0, 32)
}

export function formatPartial(p: Omit<Partial, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: PARTIAL_FORMAT, version: PARTIAL_VERSION, ...p })}\n`
}

/** Reads partials (file name, text) into one complete, ordered result list, or says what is wrong. */
export function mergePartials(files: readonly { file: string; text: string }[]): {
  scenario: { id: string; title: string }
  strategies: string[]
  seeds: number[]
  results: JobResult[]
} {
  if (files.length === 0)
    throw new UsageError('merge needs the partial JSON files that compare --shard wrote')
  const partials = files.map(({ file, text }) => readPartial(file, text))
  const first = partials[0]
  const seen = new Map<number, string>()
  const results: JobResult[] = new Array(first.jobs)
  partials.forEach((p, i) => {
    const file = files[i].file
    if (p.sweep !== first.sweep || p.shard.n !== first.shard.n) {
      throw new InputError(
        `${file}: expected a shard of the same sweep as ${files[0].file} (same scenario, strategies, seeds and N), got another`,
      )
    }
    const other = seen.get(p.shard.k)
    if (other !== undefined)
      throw new InputError(`${file}: shard ${p.shard.k}/${p.shard.n} is also in ${other}`)
    seen.set(p.shard.k, file)
    for (const r of p.results) {
      if (!Number.isInteger(r.index) || r.index < 0 || r.index >= first.jobs || !inShard(r.index, p.shard))
        throw new InputError(
          `${file}: expected job indices of shard ${p.shard.k}/${p.shard.n}, got ${r.index}`,
        )
      results[r.index] = r
    }
  })
  const missing: number[] = []
  for (let k = 1; k <= first.shard.n && missing.length < 10; k++) if (!seen.has(k)) missing.push(k)
  if (missing.length > 0) {
    throw new InputError(
      `merge: expected all ${first.shard.n} shards, missing ${missing.join(', ')}${missing.length === 10 ? ', …' : ''}`,
    )
  }
  for (let i = 0; i < first.jobs; i++) {
    if (results[i] === undefined) throw new InputError(`merge: job ${i} has no result in its shard's file`)
  }
  return { scenario: first.scenario, strategies: first.strategies, seeds: first.seeds, results }
}

function readPartial(file: string, text: string): Partial {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new InputError(
      `${file}: expected a partial JSON written by compare --shard, got text that does not parse`,
    )
  }
  const p = value as Partial
  if (typeof p !== 'object' || p === null || p.format !== PARTIAL_FORMAT || p.version !== PARTIAL_VERSION) {
    throw new InputError(
      `${file}: expected a partial JSON written by compare --shard (format ${PARTIAL_FORMAT} ${PARTIAL_VERSION})`,
    )
  }
  if (
    !Array.isArray(p.results) ||
    !Array.isArray(p.strategies) ||
    !Array.isArray(p.seeds) ||
    !Number.isInteger(p.jobs)
  ) {
    throw new InputError(
      `${file}: expected "results", "strategies", "seeds" and "jobs" in the partial, got a damaged file`,
    )
  }
  return p
}
