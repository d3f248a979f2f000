// A fake clock and timer queue for driving the worker's loop in Node: `tick` runs due callbacks
// one by one, each 33 ms of wall time after the last (the loop's own frame period).

import type { LoopHost } from '../../src/worker/time-controls'

export function fakeLoop() {
  const timers: (() => void)[] = []
  let clock = 0
  const host: LoopHost = {
    now: () => clock,
    schedule: (fn) => timers.push(fn),
    cancel: (h) => {
      const i = timers.indexOf(h as () => void)
      if (i >= 0) timers.splice(i, 1)
    },
  }
  /** Runs up to `n` scheduled callbacks (until none is left). */
  const tick = (n = 100_000) => {
    for (let i = 0; i < n && timers.length; i++) {
      clock += 33
      timers.shift()!()
    }
  }
  return { host, tick, advance: (ms: number) => (clock += ms) }
}
