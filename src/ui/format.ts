// Human-readable units for the UI (the core speaks SI: ms since 1970, seconds).

/** 2026-03-20 00:00:00 UTC */
export function formatEpoch(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/**
 * At most two units, rounded to whole seconds: 90 s → "1 min 30 s", 86400 s → "24 h",
 * 172800 s → "2 d", 183600 s → "2 d 3 h". Days are used from 48 h on, so a day-long run reads "24 h".
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  let s = Math.round(seconds)
  if (s === 0) return '0 s'
  const parts: string[] = []
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ]
  for (const [unit, size] of s >= 172800 ? units : units.slice(1)) {
    const n = Math.floor(s / size)
    if (n > 0) parts.push(`${n} ${unit}`)
    s -= n * size
  }
  return parts.slice(0, 2).join(' ')
}

/** "1 item" / "3 items" */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}
