// Command-line values that need more than a string: durations and seeds.

import { clip, parseDuration } from '../scenario'
import { UsageError } from './errors'

export function durationOption(name: string, text: string): number {
  const s = parseDuration(text)
  if (s === undefined)
    throw new UsageError(
      `--${name}: expected a duration such as 90s, 45m, 24h or 2d, got "${clip(text, 60)}"`,
    )
  return s
}

export function seedOption(text: string): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n >= 2 ** 32)
    throw new UsageError(`--seed: expected an integer from 0 to 4294967295, got "${clip(text, 60)}"`)
  return n
}
