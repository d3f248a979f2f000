// A fake clock and timer queue for driving the worker's loop in Node: `tick` runs due callbacks
// one by one, each after the delay it was scheduled with (the loop's frame period, 33 ms, or a
// job's shorter pause) of fake wall time. `delays` lists the delays asked for, in order.

import type { LoopHost } from '../../src/worker/time-controls'

export function fakeLoop() {
  const timers: { fn: () => void; ms: number }[] = []
  const delays: number[] = []
  let clock = 0
  const host: LoopHost = {
    now: () => clock,
    schedule: (fn, ms) => {
      delays.push(ms)
      const timer = { fn, ms }
      timers.push(timer)
      return timer
    },
    cancel: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number])
      if (i >= 0) timers.splice(i, 1)
    },
  }
  /** Runs up to `n` scheduled callbacks (until none is left). */
  const tick = (n = 100_000) => {
    for (let i = 0; i < n && timers.length; i++) {
      const timer = timers.shift()!
      clock += timer.ms
      timer.fn()
    }
  }
  return { host, tick, delays, advance: (ms: number) => (clock += ms) }
}
