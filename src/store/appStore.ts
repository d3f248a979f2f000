// The app-wide store: which scenario runs, which strategies are shown (each with its own
// SimStore), the clock as the last digest reported it, the selection, load errors, messages
// and a few view settings. Low-rate only: per-frame data never comes through here.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ScenarioSpec } from '../core/spec'
import type { ScenarioIssue } from '../scenario/issues'
import type { BusyState, ScenarioSource, Speed } from '../worker/protocol'
import type { SimStore } from './simStore'

export type PanelTab = 'overview' | 'inspector' | 'alerts' | 'decisions' | 'metrics' | 'compare'

export interface AppMessage {
  id: number
  kind: 'error' | 'note'
  text: string
}

export interface AppState {
  /** Nothing loaded yet (the first scenario is on its way). */
  loading: boolean
  /** A load was asked for and has not been answered. */
  pendingFile: string | null
  scenario: ScenarioSpec | null
  file: string | null
  source: ScenarioSource | null
  satelliteIds: string[]
  strategies: string[]
  /** Per strategy of the scenario, its planner parameters that differ from the defaults. */
  strategyParams: Record<string, string[]>
  sims: SimStore[]
  seed: number | null
  totalSteps: number
  snapshotEvery: number
  /** Engine time (s after epoch) and step, as of the last digest. */
  timeS: number
  stepIndex: number
  playing: boolean
  speed: Speed
  done: boolean
  busy: BusyState | null
  selected: string | null
  /** The last file that failed to load and why; the running scenario stays. */
  loadIssues: { file: string; issues: ScenarioIssue[] } | null
  messages: AppMessage[]
  tab: PanelTab
  helpOpen: boolean
  /** Which shown strategy the inspector, alerts and decision log describe. */
  focusStrategy: number
  focusRequest: number
  resetRequest: number
  /** Render every animation frame even when nothing moves (benchmarks measure the render rate). */
  renderAlways: boolean
  /** Compare mode: dim what is the same in every strategy, highlight what differs. */
  differences: boolean
}

export type AppStore = StoreApi<AppState>

export function initialAppState(): AppState {
  return {
    loading: true,
    pendingFile: null,
    scenario: null,
    file: null,
    source: null,
    satelliteIds: [],
    strategies: [],
    strategyParams: {},
    sims: [],
    seed: null,
    totalSteps: 0,
    snapshotEvery: 1,
    timeS: 0,
    stepIndex: 0,
    playing: false,
    speed: 60,
    done: false,
    busy: null,
    selected: null,
    loadIssues: null,
    messages: [],
    tab: 'overview',
    helpOpen: false,
    focusStrategy: 0,
    focusRequest: 0,
    resetRequest: 0,
    renderAlways: false,
    differences: false,
  }
}

export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({ ...initialAppState(), ...initial }))
}

let nextMessageId = 1

/** Adds a message (the same text twice in a row is shown once). */
export function pushMessage(store: AppStore, kind: AppMessage['kind'], text: string): void {
  const { messages } = store.getState()
  if (messages.length > 0 && messages[messages.length - 1].text === text) return
  store.setState({ messages: [...messages.slice(-4), { id: nextMessageId++, kind, text }] })
}

export function dismissMessage(store: AppStore, id: number): void {
  store.setState({ messages: store.getState().messages.filter((m) => m.id !== id) })
}
