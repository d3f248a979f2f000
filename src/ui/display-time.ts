// The displayed simulation time for the DOM that follows frames (the clock, the scrub cursor):
// ONE animation-frame callback per session serves every listener, woken by frames and digests
// and idle otherwise. Each callback is a task of its own on the main thread; several listeners
// with a requestAnimationFrame each would pay that entry cost several times a frame.

import { useEffect, useRef } from 'react'
import type { Session } from '../store/session'
import { useSession } from './session-context'

interface Ticker {
  listeners: Set<(t: number) => void>
  raf: number
  unsubscribe: (() => void) | null
}

const tickers = new WeakMap<Session, Ticker>()

function tickerOf(session: Session): Ticker {
  let ticker = tickers.get(session)
  if (!ticker) {
    ticker = { listeners: new Set(), raf: 0, unsubscribe: null }
    tickers.set(session, ticker)
  }
  return ticker
}

/** The time shown now: the latest frame's, else the last digest's. */
function shownTime(session: Session): number {
  const f = session.frame().current
  return f ? f.timeS : session.app.getState().timeS
}

function listen(session: Session, fn: (t: number) => void): () => void {
  const ticker = tickerOf(session)
  const update = () => {
    ticker.raf = 0
    const t = shownTime(session)
    for (const listener of ticker.listeners) listener(t)
  }
  const wake = () => {
    if (ticker.raf === 0) ticker.raf = requestAnimationFrame(update)
  }
  ticker.listeners.add(fn)
  if (!ticker.unsubscribe) {
    const offFrame = session.onFrame(wake)
    const offApp = session.app.subscribe(wake)
    ticker.unsubscribe = () => {
      offFrame()
      offApp()
    }
  }
  wake()
  return () => {
    ticker.listeners.delete(fn)
    if (ticker.listeners.size > 0) return
    ticker.unsubscribe?.()
    ticker.unsubscribe = null
    if (ticker.raf !== 0) cancelAnimationFrame(ticker.raf)
    ticker.raf = 0
  }
}

/** Calls `onTime` with the displayed time once per animation frame in which it changed. */
export function useDisplayTime(onTime: (t: number) => void): void {
  const session = useSession()
  const cb = useRef(onTime)
  cb.current = onTime
  useEffect(() => {
    let last = Number.NaN
    return listen(session, (t) => {
      if (t === last) return
      last = t
      cb.current(t)
    })
  }, [session])
}

/**
 * Writes `text` into an element that holds only text, per frame: changes the text node's data
 * when it differs rather than replacing the node (what textContent does: a new node, a removal,
 * and more for the browser to redo).
 */
export function writeText(el: HTMLElement | null, text: string): void {
  if (!el) return
  const node = el.firstChild
  if (node !== null && node === el.lastChild && node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== text) (node as Text).data = text
  } else el.textContent = text
}
