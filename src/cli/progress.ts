// A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes
// stay clean) and only for runs long enough to need one.

import { formatElapsed } from '../core'

export interface Progress {
  update(fraction: number, simTimeS?: number): void
  done(): void
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} }
  const started = performance.now()
  let shown = false
  let last = 0
  return {
    update(fraction, simTimeS) {
      const now = performance.now()
      // Stay quiet for short runs, and redraw at most ten times a second.
      if (now - started < 400 || now - last < 100) return
      last = now
      shown = true
      const width = 30
      const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width)
      const time = simTimeS === undefined ? '' : ` ${formatElapsed(simTimeS)}`
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%${time}`,
      )
    },
    done() {
      if (shown) stream.write('\r\x1b[2K')
    },
  }
}
