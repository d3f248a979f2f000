// Global keyboard shortcuts (see HelpOverlay's list). Keys typed into a text field, a select
// or while a dialog other than the help is open are left alone.

import { useEffect } from 'react'
import type { Session } from '../store/session'
import { SPEEDS } from '../worker/protocol'

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return type !== 'checkbox' && type !== 'radio' && type !== 'button'
  }
  return false
}

export function handleKey(session: Session, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  const s = session.app.getState()
  if (e.key === '?') {
    session.app.setState({ helpOpen: !s.helpOpen })
    return true
  }
  if (e.key === 'Escape') {
    if (s.helpOpen) session.app.setState({ helpOpen: false })
    else if (s.loadIssues) session.app.setState({ loadIssues: null })
    else session.select(null)
    return true
  }
  if (s.helpOpen || typing(e.target) || !s.scenario) return false
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      session.togglePlay()
      return true
    case 'ArrowRight':
      session.step()
      return true
    case 'ArrowLeft':
      session.stepBack()
      return true
    case 'Home':
      session.toStart()
      return true
    case 'End':
      session.toEnd()
      return true
    case 'n':
    case 'N':
      session.nextEvent()
      return true
    case '+':
    case '=':
    case '-':
    case '_': {
      const i = SPEEDS.indexOf(s.speed)
      const j = Math.max(
        0,
        Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + (e.key === '+' || e.key === '=' ? 1 : -1)),
      )
      session.setSpeed(SPEEDS[j])
      return true
    }
  }
  return false
}

export function useKeyboard(session: Session): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      // Sliders, buttons and lists keep their own arrows when focused; the page takes the rest.
      const el = e.target instanceof HTMLElement ? e.target : null
      if (el?.getAttribute('role') === 'slider' && e.key.startsWith('Arrow')) {
        if (handleKey(session, e)) e.preventDefault()
        return
      }
      if (el?.getAttribute('role') === 'option' && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return
      if (handleKey(session, e)) e.preventDefault()
    }
    window.addEventListener('keydown', down)
    return () => window.removeEventListener('keydown', down)
  }, [session])
}
