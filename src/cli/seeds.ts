// `--seeds`: "7", "1,2,5" or a range "1..20".

import { seedOption } from './durations'
import { UsageError } from './errors'

export const MAX_SEEDS = 1000

/** `max` is MAX_SEEDS for one machine; a sharded sweep allows MAX_SEEDS per shard. */
export function parseSeeds(text: string, max = MAX_SEEDS): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text)
  let seeds: number[]
  if (range) {
    const [a, b] = [seedOption(range[1]), seedOption(range[2])]
    if (b < a) throw new UsageError(`--seeds: the range ${text} runs backwards`)
    if (b - a + 1 > max)
      throw new UsageError(
        `--seeds: at most ${max} seeds (${MAX_SEEDS} per machine; --shard K/N allows ${MAX_SEEDS} × N), got ${b - a + 1}`,
      )
    seeds = Array.from({ length: b - a + 1 }, (_, k) => a + k)
  } else if (/^\d+(,\d+)*$/.test(text)) {
    seeds = text.split(',').map(seedOption)
  } else {
    throw new UsageError(`--seeds: expected a seed (7), a list (1,2,5) or a range (1..20), got "${text}"`)
  }
  if (new Set(seeds).size !== seeds.length) throw new UsageError(`--seeds: ${text} names a seed twice`)
  return seeds
}
