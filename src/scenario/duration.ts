// Durations as people write them: "90s", "45m", "24h", "2d", combinations in descending order
// such as "1h30m" or "1d6h", or a plain non-negative number of seconds. The pattern is shared
// with the schema (and so with the exported JSON Schema), so an editor and the loader agree.

const NUMBER = String.raw`\d+(?:\.\d+)?`
const PART = (unit: string) => `(?:(${NUMBER})${unit})?`

/** Every unit is optional, so the lookahead insists on a leading digit: "" and "h" do not match. */
export const DURATION_PATTERN = new RegExp(
  String.raw`^(?=\d)${PART('d')}${PART('h')}${PART('m')}${PART('s')}$`,
)

const UNIT_SECONDS = [86400, 3600, 60, 1]

/** Seconds in a duration, or undefined when the text or number is not a valid duration. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined
  if (typeof text !== 'string') return undefined
  const match = DURATION_PATTERN.exec(text)
  // A bare number as text ("90") never matches: is it seconds or minutes? A unit is required.
  if (match === null) return undefined
  let seconds = 0
  for (let i = 0; i < UNIT_SECONDS.length; i++) {
    const part = match[i + 1]
    if (part !== undefined) seconds += Number(part) * UNIT_SECONDS[i]
  }
  // Four hundred digits overflow to Infinity, which is no duration.
  return Number.isFinite(seconds) ? seconds : undefined
}

/** Compact human form of a number of seconds ("1h30m", "90s" → "1m30s"), for messages. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return `${seconds}s`
  if (seconds === 0) return '0s'
  let rest = seconds
  let out = ''
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    const whole = Math.floor(rest / size)
    if (whole > 0) {
      out += `${whole}${unit}`
      rest -= whole * size
    }
  }
  // Round away binary noise (0.1 + 0.2) so messages never print 0.30000000000000004s.
  const secondsPart = Math.round(rest * 1000) / 1000
  if (secondsPart > 0) out += `${secondsPart}s`
  return out === '' ? '0s' : out
}
