// The address bar holds what you see — scenario, strategies, seed, time and selection — so a
// shared link reproduces the view: ?scenario=default&strategies=baseline,predictive&seed=7&t=3600
// (and the open tab). A local file cannot travel in a link: its name does, so a reload says so.
// Updates use replaceState (no history entry per tick) and are throttled.
//
// A strategy the user built in the app is not the scenario's: it may run planner modules from
// the user's disk, which no link can carry. The link names it under `local=` only so that whoever
// opens the link is told what they are not seeing, instead of it vanishing without a word. A
// recorded agent run ("Open recording…") is a file on the user's disk too: named under
// `recorded=` (its agent), for the same reason.

import type { AppState, PanelTab } from '../store/appStore'
import { pushMessage } from '../store/appStore'
import type { Session } from '../store/session'
import { RECORDED_PREFIX, type Speed } from '../worker/protocol'
import { MAX_STRESS_SATELLITES } from '../worker/stress'
import { findEntry, LIBRARY, libraryText } from './library'

export interface UrlState {
  scenario?: string
  strategies?: string[]
  /** The user's own strategies that were shown: named, never rebuilt from the link. */
  local?: string[]
  /** Recorded agent runs that were shown, by agent ("greedy_agent.py"): named, never rebuilt. */
  recorded?: string[]
  seed?: number
  t?: number
  sat?: string
  /** A synthetic Walker constellation of this many satellites (stress tests, benchmarks). */
  stress?: number
  /** Start playing at this speed (benchmarks). */
  play?: Speed
  /** render=always: draw every animation frame (benchmarks); the default draws when something changed. */
  renderAlways?: boolean
  /** The side panel's open tab. */
  tab?: PanelTab
  /** The name of a local file the link was made from (a link cannot carry the file itself). */
  file?: string
}

const TABS: readonly PanelTab[] = ['overview', 'inspector', 'alerts', 'decisions', 'metrics', 'compare']

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$/

/** The valid names of a comma-separated list, at most MAX_NAMES of them. */
function nameList(text: string | null): string[] {
  if (!text) return []
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => NAME.test(s))
    .slice(0, MAX_NAMES)
}

const MAX_NAMES = 16

export function readUrl(search: string): UrlState {
  const q = new URLSearchParams(search)
  const out: UrlState = {}
  const scenario = q.get('scenario')
  if (scenario && NAME.test(scenario)) out.scenario = scenario
  const strategies = nameList(q.get('strategies'))
  if (strategies.length) out.strategies = strategies
  const local = nameList(q.get('local'))
  if (local.length) out.local = local
  const recorded = nameList(q.get('recorded'))
  if (recorded.length) out.recorded = recorded
  const seed = q.get('seed')
  if (seed !== null && /^\d{1,10}$/.test(seed) && Number(seed) < 2 ** 32) out.seed = Number(seed)
  const t = Number(q.get('t'))
  if (q.get('t') !== null && Number.isFinite(t) && t >= 0) out.t = t
  const sat = q.get('sat')
  if (sat && sat.length <= 80) out.sat = sat
  const stress = Number(q.get('stress'))
  if (q.get('stress') !== null && Number.isInteger(stress) && stress >= 1 && stress <= MAX_STRESS_SATELLITES)
    out.stress = stress
  if (q.get('render') === 'always') out.renderAlways = true
  const tab = q.get('tab')
  if (tab && (TABS as readonly string[]).includes(tab)) out.tab = tab as PanelTab
  const file = q.get('file')
  if (file && file.length <= 200) out.file = file
  const play = q.get('play')
  if (play === 'max') out.play = 'max'
  else if (play !== null && Number(play) > 0) out.play = Number(play)
  return out
}

/** The query string for a state, or null while nothing is loaded. */
export function urlFor(s: AppState): string | null {
  if (!s.scenario || !s.source) return null
  const q = new URLSearchParams()
  if (s.source.kind === 'library') q.set('scenario', s.source.key)
  else if (s.source.kind === 'stress') q.set('stress', String(s.source.satellites))
  else q.set('file', s.source.name)
  const own = new Set(s.scenario.strategies.map((x) => x.name))
  const shown = s.strategies.filter((name) => own.has(name))
  const local = s.strategies.filter((name) => !own.has(name) && !name.startsWith(RECORDED_PREFIX))
  const recorded = s.strategies
    .filter((name) => name.startsWith(RECORDED_PREFIX))
    .map((name) => name.slice(RECORDED_PREFIX.length))
  const defaultStrategy = s.scenario.strategies[0]?.name
  if (shown.length > 0 && !(shown.length === 1 && shown[0] === defaultStrategy))
    q.set('strategies', shown.join(','))
  if (local.length > 0) q.set('local', local.join(','))
  if (recorded.length > 0) q.set('recorded', recorded.join(','))
  if (s.seed !== null && s.seed !== s.scenario.seed) q.set('seed', String(s.seed))
  if (s.timeS > 0) q.set('t', String(Math.round(s.timeS)))
  if (s.selected) q.set('sat', s.selected)
  if (s.tab !== 'overview') q.set('tab', s.tab)
  const text = q.toString().replace(/%2C/g, ',')
  return text ? `?${text}` : ''
}

/**
 * Loads what the link asks for (the default scenario when it asks for nothing). A library file's
 * text is fetched on demand (see library.ts); the promise settles once the worker has been asked.
 */
export async function loadFromUrl(session: Session, url: UrlState): Promise<void> {
  if (url.renderAlways) session.app.setState({ renderAlways: true })
  if (url.tab) session.setTab(url.tab)
  if (url.file !== undefined && url.scenario === undefined && url.stress === undefined) {
    pushMessage(
      session.app,
      'note',
      `This view was of your local file "${url.file}", which a link or a reload cannot bring back: open it again with “Open file…”. Showing the default scenario.`,
    )
  }
  if (url.stress !== undefined) {
    session.loadStress(url.stress, { timeS: url.t, play: url.play })
    return
  }
  let entry = findEntry(url.scenario ?? 'default')
  if (!entry) {
    if (url.scenario)
      pushMessage(
        session.app,
        'note',
        `The link names a scenario "${url.scenario}" that is not built in; showing the default.`,
      )
    entry = findEntry('default') ?? LIBRARY[0]
  }
  if (!entry) {
    pushMessage(session.app, 'error', 'No built-in scenario is available.')
    return
  }
  if (url.local) {
    const names = url.local.map((n) => `"${n}"`).join(', ')
    pushMessage(
      session.app,
      'note',
      `The link also showed ${url.local.length === 1 ? 'a strategy' : 'strategies'} of its author's own (${names}), which links cannot carry: it may use planner modules from their computer. Ask for the module, load it with “Strategies…” → “Load planner…” and build the strategy again.`,
    )
  }
  if (url.recorded) {
    const names = url.recorded.map((n) => `“${RECORDED_PREFIX}${n}”`).join(', ')
    pushMessage(
      session.app,
      'note',
      `The link also showed ${url.recorded.length === 1 ? 'a recorded agent run' : 'recorded agent runs'} (${names}), which links cannot carry: it is a file on its author's computer. Ask for the recording (made with sim run --record) and open it with “Open recording…”.`,
    )
  }
  const text = await libraryText(session, entry)
  if (text === null) return
  session.loadText(
    { text, file: entry.file, source: { kind: 'library', key: entry.key } },
    { strategies: url.strategies, seed: url.seed, timeS: url.t, selected: url.sat ?? null },
  )
  if (url.play !== undefined) session.play(url.play)
}

/**
 * Keeps the address bar in step with the app: at most once per `everyMs`, and while playing at
 * most once per `playingMs` (a playing clock changes constantly, and replaceState is not free:
 * 5–18 ms of main thread each in headless Chromium on a loaded machine, a frame's worth).
 */
export function startUrlSync(session: Session, everyMs = 800, playingMs = 30_000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let due = 0
  let last = 0
  const write = () => {
    timer = null
    last = performance.now()
    const query = urlFor(session.app.getState())
    if (query === null) return
    const next = `${location.pathname}${query}${location.hash}`
    if (next !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, '', next)
  }
  const unsubscribe = session.app.subscribe((s, p) => {
    if (
      s.timeS === p.timeS &&
      s.source === p.source &&
      s.strategies === p.strategies &&
      s.seed === p.seed &&
      s.selected === p.selected &&
      s.tab === p.tab &&
      s.playing === p.playing
    )
      return
    const gap = s.playing && s.source === p.source && s.strategies === p.strategies ? playingMs : everyMs
    const at = Math.max(performance.now(), last + gap)
    // A write already planned at least as soon stays; a sooner one (a pause, a seek) replaces it.
    if (timer !== null && due <= at) return
    if (timer !== null) clearTimeout(timer)
    due = at
    timer = setTimeout(write, at - performance.now())
  })
  return () => {
    unsubscribe()
    if (timer !== null) clearTimeout(timer)
  }
}
