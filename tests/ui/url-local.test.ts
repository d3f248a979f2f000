// A user's own strategy in the shareable link: named under `local=` (never rebuilt, never with
// its planner), and a link that names one tells whoever opens it instead of dropping it silently.

import { describe, expect, it } from 'vitest'
import type { ScenarioSpec } from '../../src/core'
import { createAppStore, initialAppState } from '../../src/store/appStore'
import type { LoadRequest, LoadWishes, Session } from '../../src/store/session'
import { loadFromUrl, readUrl, urlFor } from '../../src/ui/url'

const scenario = { id: 'default', seed: 7, strategies: [{ name: 'baseline' }, { name: 'predictive' }] }

function state(strategies: string[]) {
  return {
    ...initialAppState(),
    scenario: scenario as unknown as ScenarioSpec,
    source: { kind: 'library' as const, key: 'default' },
    strategies,
    seed: 7,
  }
}

/** A session that only records what it is asked to load. */
function loadingSession() {
  const app = createAppStore()
  const loads: [LoadRequest, LoadWishes | undefined][] = []
  const session = {
    app,
    loadText: (r: LoadRequest, w?: LoadWishes) => loads.push([r, w]),
  } as unknown as Session
  return { app, loads, session }
}

describe('user strategies in links', () => {
  it('keeps them out of `strategies` and names them under `local`', () => {
    expect(urlFor(state(['baseline', 'first']))).toBe('?scenario=default&local=first')
    expect(urlFor(state(['baseline', 'predictive', 'first', 'second']))).toBe(
      '?scenario=default&strategies=baseline,predictive&local=first,second',
    )
    expect(urlFor(state(['baseline']))).toBe('?scenario=default')
  })

  it('reads `local` as names only, and says on load what cannot be shown', async () => {
    const url = readUrl('?scenario=default&strategies=baseline&local=first,<x>')
    expect(url.local).toEqual(['first'])
    const { app, loads, session } = loadingSession()
    await loadFromUrl(session, url)
    expect(app.getState().messages.map((m) => m.text)).toEqual([
      expect.stringContaining('strategy of its author\'s own ("first"), which links cannot carry'),
    ])
    // The worker is asked only for the scenario's own strategies.
    expect(loads[0][1]?.strategies).toEqual(['baseline'])
  })

  it('names a recorded agent run under `recorded`, and says on load to open the recording again', async () => {
    const query = urlFor(state(['baseline', 'recorded: greedy_agent.py', 'first']))
    expect(query).toBe('?scenario=default&local=first&recorded=greedy_agent.py')
    const url = readUrl(query!)
    expect(url.recorded).toEqual(['greedy_agent.py'])
    const { app, loads, session } = loadingSession()
    await loadFromUrl(session, url)
    expect(app.getState().messages.map((m) => m.text)).toEqual([
      expect.stringContaining('strategy of its author\'s own ("first")'),
      expect.stringContaining(
        "a recorded agent run (“recorded: greedy_agent.py”), which links cannot carry: it is a file on its author's computer. Ask for the recording (made with sim run --record) and open it with “Open recording…”.",
      ),
    ])
    // Only the default strategy is asked for: no recorded one.
    expect(loads[0][1]?.strategies).toBeUndefined()
  })

  it('says nothing when the link names none', async () => {
    const app = createAppStore()
    const session = { app, loadText: () => {} } as unknown as Session
    await loadFromUrl(session, readUrl('?scenario=default'))
    expect(app.getState().messages).toEqual([])
  })
})
