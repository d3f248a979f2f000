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

/** "2026-03-20 06:10:00 UTC" for a scenario time (s after the epoch). */
export function formatUtc(epochMs: number, tS: number): string {
  return formatEpoch(epochMs + tS * 1000)
}

/** "06:10:00" (UTC clock only), for tight places. */
export function formatClock(epochMs: number, tS: number): string {
  const ms = epochMs + tS * 1000
  if (!Number.isFinite(ms)) return '—'
  return new Date(ms).toISOString().slice(11, 19)
}

/** Elapsed scenario time for axes and lists: "T+6h", "T+6h 10m", "T+1d 2h". */
export function formatOffset(tS: number): string {
  if (!Number.isFinite(tS)) return '—'
  const s = Math.round(tS)
  // Days from 48 h on, as formatDuration does: a day-long run ends at "T+24h".
  const d = s >= 172800 ? Math.floor(s / 86400) : 0
  const h = Math.floor((s - d * 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `T+${d}d ${h}h${m ? ` ${m}m` : ''}`
  if (h > 0) return `T+${h}h${m ? ` ${m}m` : ''}`
  return `T+${m}m${s % 60 ? ` ${s % 60}s` : ''}`
}

/**
 * An integer below 1e21 with commas between thousands ("1,234,567", "-1,234"), as `toLocaleString('en-US')`
 * writes it, without it: the first locale-aware call loads the browser's ICU number data, tens of
 * milliseconds on the main thread while the page draws its first frame.
 */
export function groupThousands(n: number): string {
  const text = String(Math.abs(n))
  let out = text.slice(0, ((text.length - 1) % 3) + 1)
  for (let k = out.length; k < text.length; k += 3) out += `,${text.slice(k, k + 3)}`
  return n < 0 ? `-${out}` : out
}

/** A number for people: a few significant digits, thousands separated, no "-0". */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  if (Object.is(x, -0) || x === 0) return '0'
  const abs = Math.abs(x)
  if (Number.isInteger(x) && abs < 1e9) return groupThousands(x)
  if (abs >= 1000 && abs < 1e21) return groupThousands(Math.round(x))
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US')
  const decimals = Math.max(0, Math.min(4, digits - 1 - Math.floor(Math.log10(abs))))
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })
}

/** "41 %" from 0.41 */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—'
  return `${(fraction * 100).toFixed(digits)} %`
}

export function formatValue(x: number | null | undefined, unit: string): string {
  const n = formatNumber(x)
  if (n === '—') return n
  return unit === '%' ? `${n} %` : `${n} ${unit}`
}

/** Component names for people (the engine's names are camelCase identifiers). */
export const COMPONENT_LABEL: Record<string, string> = {
  reactionWheel: 'Reaction wheel',
  battery: 'Battery',
  thruster: 'Thruster',
}

/** Satellite statuses for people, in the one spelling the app uses ("manoeuvring"). */
export const STATUS_LABEL: Record<string, string> = {
  nominal: 'nominal',
  alert: 'alert',
  failed: 'failed',
  maneuvering: 'manoeuvring',
  safe: 'safe mode',
}
