// Small, textbook statistics for noisy health telemetry: median; noise estimated from first
// differences (robustly over a window, and locally per sample, because a solar storm makes the
// noise change with time); and weighted least-squares fits of three wear shapes — a straight
// line, a "broken stick" (healthy, then steady wear from an onset) and accelerating wear
// (log-linear). Weights are 1/σᵢ², so noisy samples count less and residual sums are χ² in
// units of the noise. Pure functions over plain arrays; no state.

/** Median of the finite values in xs (NaN when there are none). */
export function median(xs: ArrayLike<number>): number {
  let n = 0
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) n++
  if (n === 0) return Number.NaN
  const v = new Float64Array(n)
  for (let i = 0, j = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) v[j++] = xs[i]
  v.sort()
  const m = n >> 1
  return n % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

/** 1 / Φ⁻¹(3/4): turns a median absolute deviation into a Gaussian standard deviation. */
const MAD_TO_SIGMA = 1.4826

/**
 * Noise standard deviation of xs estimated from first differences: a difference of two samples
 * has variance 2σ² whatever the (slow) trend, and the median ignores outliers. NaN when fewer
 * than three samples.
 */
export function noiseFromDiffs(xs: ArrayLike<number>): number {
  if (xs.length < 3) return Number.NaN
  const d = new Float64Array(xs.length - 1)
  for (let i = 1; i < xs.length; i++) d[i - 1] = Math.abs(xs[i] - xs[i - 1])
  return (MAD_TO_SIGMA * median(d)) / Math.SQRT2
}

/**
 * Per-sample noise: the RMS of the first differences within ±halfWidth samples (÷√2) where
 * that exceeds `raiseAbove` × `floor` (the window's robust estimate), else `floor`. Quick to
 * rise where the noise grows, so a noisy spell is recognised as noise rather than as a change
 * of level; with raiseAbove > 1 it ignores the ordinary scatter of a small-sample estimate.
 */
export function localNoise(
  v: ArrayLike<number>,
  halfWidth: number,
  floor: number,
  raiseAbove = 1,
): Float64Array {
  const n = v.length
  const out = new Float64Array(n)
  // cum[j] = sum of the squared differences d_1 … d_j, with d_j = v[j] − v[j − 1].
  const cum = new Float64Array(n)
  for (let j = 1; j < n; j++) cum[j] = cum[j - 1] + (v[j] - v[j - 1]) ** 2
  for (let i = 0; i < n; i++) {
    const lo = Math.max(1, i - halfWidth)
    const hi = Math.min(n - 1, i + halfWidth)
    const local = hi >= lo ? Math.sqrt((cum[hi] - cum[lo - 1]) / (2 * (hi - lo + 1))) : 0
    out[i] = local > raiseAbove * floor ? local : floor
  }
  return out
}

const weightAt = (w: ArrayLike<number> | undefined, i: number): number => (w ? w[i] : 1)

export interface LineFit {
  /** Value of the line at t = 0. */
  a: number
  /** Slope, per unit of t. */
  b: number
  /** Standard error of the slope, scaled by the residuals (never below the weights' own). */
  seB: number
  /** Weighted residual sum of squares (χ² when w = 1/σ²). */
  chi2: number
  n: number
}

/** Weighted least squares y = a + b·t; null with fewer than three points or no spread in t. */
export function fitLine(t: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): LineFit | null {
  const n = Math.min(t.length, y.length)
  if (n < 3) return null
  let sw = 0
  let mt = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    const wi = weightAt(w, i)
    sw += wi
    mt += wi * t[i]
    my += wi * y[i]
  }
  if (!(sw > 0)) return null
  mt /= sw
  my /= sw
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const wi = weightAt(w, i)
    sxx += wi * (t[i] - mt) ** 2
    sxy += wi * (t[i] - mt) * (y[i] - my)
  }
  if (!(sxx > 0)) return null
  const b = sxy / sxx
  const a = my - b * mt
  let chi2 = 0
  for (let i = 0; i < n; i++) chi2 += weightAt(w, i) * (y[i] - a - b * t[i]) ** 2
  const scale = w ? Math.max(1, chi2 / (n - 2)) : chi2 / (n - 2)
  return { a, b, seB: Math.sqrt(scale / sxx), chi2, n }
}

export interface HingeFit {
  /** Onset of the wear: health = healthy before it. */
  t0: number
  /** Wear rate after the onset, per unit of t (health = healthy − b·(t − t0)). */
  b: number
  chi2: number
}

/**
 * Fits steady wear that began inside the window, health = healthy − b·max(0, t − t0), by
 * weighted least squares: for every candidate onset t0 (a sample time leaving at least
 * `minAfter` samples after it) b has a closed form, and the t0 with the smallest residuals
 * wins. Suffix sums make the scan O(n). Null when no candidate leaves enough samples or none
 * wears (b ≤ 0).
 */
export function fitHinge(
  t: ArrayLike<number>,
  h: ArrayLike<number>,
  healthy: number,
  minAfter: number,
  w?: ArrayLike<number>,
): HingeFit | null {
  const n = Math.min(t.length, h.length)
  let total = 0
  for (let i = 0; i < n; i++) total += weightAt(w, i) * (healthy - h[i]) ** 2
  // Suffix sums over samples j > i of w, w·t, w·t², w·y and w·t·y, with y = healthy − h.
  let c = 0
  let s0 = 0
  let st = 0
  let st2 = 0
  let sy = 0
  let sty = 0
  let best: HingeFit | null = null
  for (let i = n - 1; i >= 0; i--) {
    if (c >= Math.max(minAfter, 2)) {
      const t0 = t[i]
      const sxy = sty - t0 * sy
      const sxx = st2 - 2 * t0 * st + t0 * t0 * s0
      if (sxx > 0 && sxy > 0) {
        const chi2 = total - (sxy * sxy) / sxx
        if (!best || chi2 < best.chi2) best = { t0, b: sxy / sxx, chi2 }
      }
    }
    const wi = weightAt(w, i)
    const y = healthy - h[i]
    c++
    s0 += wi
    st += wi * t[i]
    st2 += wi * t[i] * t[i]
    sy += wi * y
    sty += wi * t[i] * y
  }
  return best
}

export interface ExpFit {
  /** Wear 1 − health = A·e^{r·t}. */
  A: number
  /** Growth rate of the wear, per unit of t (> 0). */
  r: number
  /** Weighted residual sum of squares of the health values, over all points. */
  chi2: number
}

/**
 * Fits accelerating wear 1 − health = A·e^{r·t} by weighted least squares on ln(1 − health).
 * Only points whose wear stands clear of their noise (1 − h > 3σᵢ) enter, each weighted by
 * (1 − h)²/σᵢ², because the log of a noisy value has variance σ²/(1 − h)². The residuals are
 * then measured on the health values themselves, over every point, so the fit can be compared
 * with the others. Null when too few points qualify or the wear does not grow.
 */
export function fitExponentialWear(
  t: ArrayLike<number>,
  h: ArrayLike<number>,
  sigma: ArrayLike<number>,
  minPoints: number,
): ExpFit | null {
  const n = Math.min(t.length, h.length, sigma.length)
  const use = (i: number) => 1 - h[i] > 3 * sigma[i]
  let sw = 0
  let st = 0
  let sy = 0
  let used = 0
  for (let i = 0; i < n; i++) {
    if (!use(i)) continue
    const wear = 1 - h[i]
    const wi = (wear * wear) / (sigma[i] * sigma[i])
    sw += wi
    st += wi * t[i]
    sy += wi * Math.log(wear)
    used++
  }
  if (used < Math.max(minPoints, 3)) return null
  const mt = st / sw
  const my = sy / sw
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    if (!use(i)) continue
    const wear = 1 - h[i]
    const wi = (wear * wear) / (sigma[i] * sigma[i])
    sxx += wi * (t[i] - mt) ** 2
    sxy += wi * (t[i] - mt) * (Math.log(wear) - my)
  }
  if (!(sxx > 0)) return null
  const r = sxy / sxx
  if (!(r > 0)) return null
  const A = Math.exp(my - r * mt)
  let chi2 = 0
  for (let i = 0; i < n; i++) chi2 += (h[i] - (1 - A * Math.exp(r * t[i]))) ** 2 / (sigma[i] * sigma[i])
  return { A, r, chi2 }
}
