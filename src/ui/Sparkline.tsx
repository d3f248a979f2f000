// A small SVG line chart for component health: the measured samples, with the failure limit as
// a dashed line. Fixed 0..1 vertical range so sparklines compare at a glance.

export function Sparkline({
  t,
  v,
  limit,
  width = 150,
  height = 34,
  label,
}: {
  t: readonly number[]
  v: readonly number[]
  limit?: number
  width?: number
  height?: number
  label: string
}) {
  const pad = 2
  const n = Math.min(t.length, v.length)
  const t0 = n > 0 ? t[0] : 0
  const t1 = n > 1 ? t[n - 1] : t0 + 1
  const x = (tt: number) => pad + ((tt - t0) / (t1 - t0 || 1)) * (width - 2 * pad)
  const y = (vv: number) => pad + (1 - Math.max(0, Math.min(1.05, vv)) / 1.05) * (height - 2 * pad)
  const parts: string[] = []
  let open = false
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i])) {
      open = false
      continue
    }
    parts.push(`${open ? 'L' : 'M'}${x(t[i]).toFixed(1)},${y(v[i]).toFixed(1)}`)
    open = true
  }
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <rect x="0" y="0" width={width} height={height} rx="3" className="spark-bg" />
      {limit !== undefined ? (
        <line x1={pad} x2={width - pad} y1={y(limit)} y2={y(limit)} className="spark-limit" />
      ) : null}
      {parts.length ? <path d={parts.join('')} className="spark-line" /> : null}
    </svg>
  )
}
