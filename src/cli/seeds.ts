// `--seeds`: "7", "1,2,5" or a range "1..20". One cap however the seeds are written: a list is
// counted before it is read, so "0,1,…,2999" is refused like "0..2999".

import { clip } from '../scenario'
import { seedOption } from './durations'
import { UsageError } from './errors'

export const MAX_SEEDS = 1000

const tooMany = (n: number, max: number) =>
  new UsageError(
    `--seeds: at most ${max} seeds (a range or a list${max === MAX_SEEDS ? '' : `; ${MAX_SEEDS} per shard of --shard K/N`}), got ${n}`,
  )

/** `max` is MAX_SEEDS for one machine; a sharded sweep allows MAX_SEEDS per shard. */
export function parseSeeds(text: string, max = MAX_SEEDS): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text)
  let seeds: number[]
  if (range) {
    const [a, b] = [seedOption(range[1]), seedOption(range[2])]
    if (b < a) throw new UsageError(`--seeds: the range ${text} runs backwards`)
    if (b - a + 1 > max) throw tooMany(b - a + 1, max)
    seeds = Array.from({ length: b - a + 1 }, (_, k) => a + k)
  } else if (/^\d+(,\d+)*$/.test(text)) {
    const count = text.split(',').length
    if (count > max) throw tooMany(count, max)
    seeds = text.split(',').map(seedOption)
  } else {
    throw new UsageError(
      `--seeds: expected a seed (7), a list (1,2,5) or a range (1..20), got "${clip(text, 60)}"`,
    )
  }
  if (new Set(seeds).size !== seeds.length)
    throw new UsageError(`--seeds: ${clip(text, 60)} names a seed twice`)
  return seeds
}
