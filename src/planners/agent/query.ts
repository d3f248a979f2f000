// Answers an agent's queries from the view of the current call, with the same functions a
// TypeScript planner calls. Every query is bounded: indices must exist, a visibility span is at
// most MAX_WINDOW_SPAN_S and sampled no finer than MIN_SAMPLE_S, so no query can make the engine
// work without limit.

import type { WorldView } from '../../core'
import { type AnswerMessage, MAX_WINDOW_SPAN_S, MIN_SAMPLE_S, type QueryMessage } from './protocol'

function refuse(id: number, error: string): AnswerMessage {
  return { type: 'answer', id, result: null, error }
}

function index(n: number, length: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < length
}

export function answerQuery(view: WorldView, q: QueryMessage): AnswerMessage {
  if (!index(q.satellite, view.satellites.length))
    return refuse(q.id, `satellite index ${q.satellite} is not in 0..${view.satellites.length - 1}`)
  if (q.query === 'canImage') {
    if (!index(q.task, view.tasks.length))
      return refuse(q.id, `task index ${q.task} is not in 0..${view.tasks.length - 1}`)
    if (!Number.isFinite(q.timeS)) return refuse(q.id, 'timeS must be a finite number')
    return { type: 'answer', id: q.id, result: view.canImage(q.satellite, q.task, q.timeS) }
  }
  if (!index(q.station, view.stations.length))
    return refuse(q.id, `station index ${q.station} is not in 0..${view.stations.length - 1}`)
  const span = q.toS - q.fromS
  if (!(Number.isFinite(span) && span >= 0 && span <= MAX_WINDOW_SPAN_S))
    return refuse(q.id, `toS - fromS must be from 0 to ${MAX_WINDOW_SPAN_S} s`)
  const sampleS = q.sampleS ?? view.stepS
  if (!(sampleS >= MIN_SAMPLE_S) || span / sampleS > MAX_WINDOW_SPAN_S)
    return refuse(q.id, `sampleS must be at least ${MIN_SAMPLE_S} s`)
  return {
    type: 'answer',
    id: q.id,
    result: view.visibilityWindows(q.satellite, q.station, q.fromS, q.toS, sampleS),
  }
}
