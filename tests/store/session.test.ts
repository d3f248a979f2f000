// The session with a fake worker port: digests land in per-strategy stores (incrementally),
// frames in a per-run FrameRef, load errors keep the running scenario, and a silent worker
// is reported.

import { describe, expect, it, vi } from 'vitest'
import { emptySeries } from '../../src/core/metrics'
import type { ScenarioSpec } from '../../src/core/spec'
import { createSession, type SimPortLike } from '../../src/store/session'
import { currentEvents } from '../../src/store/simStore'
import type { FromWorker, StrategyDigest, ToWorker } from '../../src/worker/protocol'

function fakePort() {
  const sent: ToWorker[] = []
  let listener: (m: FromWorker) => void = () => {}
  const port: SimPortLike = {
    post: (m) => sent.push(m),
    listen: (fn) => {
      listener = fn
    },
    terminate: vi.fn(),
  }
  return { port, sent, emit: (m: FromWorker) => listener(m) }
}

const spec = {
  id: 's',
  title: 'S',
  durationS: 3600,
  stepS: 30,
  seed: 7,
  epochMs: 0,
  strategies: [
    { name: 'a', params: {} },
    { name: 'b', params: {} },
  ],
  satellites: [],
} as unknown as ScenarioSpec

function digest(strategy: string, eventsFrom: number, n: number, eventCount: number): StrategyDigest {
  const series = emptySeries()
  return {
    strategy,
    metrics: { tasksCompleted: n } as StrategyDigest['metrics'],
    eventCount,
    newEvents: {
      from: eventsFrom,
      events: Array.from({ length: n }, (_, i) => ({
        t: (eventsFrom + i) * 30,
        type: 'decision',
        message: `e${eventsFrom + i}`,
      })),
    },
    seriesCount: 0,
    newSeries: { from: 0, t: [], values: series.values },
    tasks: { known: 0, pending: 0, open: 0, captured: 0, delivered: 0, expired: 0 },
    fleet: { total: 0, nominal: 0, alert: 0, failed: 0, maneuvering: 0, safe: 0, decayed: 0 },
    alerts: [],
    conjunctions: [],
    selected: null,
  }
}

function loaded(strategies: string[]): FromWorker {
  return {
    type: 'loaded',
    file: 'f.json',
    source: { kind: 'library', key: 's' },
    scenario: spec,
    satelliteIds: ['X1'],
    strategies,
    planners: {},
    seed: 7,
    totalSteps: 120,
    snapshotEvery: 10,
    notes: [],
  }
}

/** A one-strategy, one-satellite frame with its own buffers. */
function frameMsg(seq: number): FromWorker {
  return {
    type: 'frame',
    seq,
    timeS: 30 * seq,
    gmstRad: 0,
    sunEci: [1, 0, 0],
    playing: true,
    frames: [
      {
        strategy: 'a',
        positionsKm: new Float32Array([7000, 0, 0]),
        status: new Uint8Array(1),
        linkStation: new Int16Array([-1]),
      },
    ],
  }
}

describe('session', () => {
  it('asks the worker for an export of the first strategy and settles on its answer', async () => {
    const { port, emit, sent } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['b', 'a']))
    const first = session.requestExport('czml')
    const second = session.requestExport('report')
    const asks = sent.filter((m) => m.type === 'export')
    expect(asks).toEqual([
      { type: 'export', id: 1, format: 'czml', strategy: 'b' },
      { type: 'export', id: 2, format: 'report', strategy: 'b' },
    ])
    // Answers may come in any order; each settles its own request.
    emit({ type: 'exported', id: 2, ok: false, message: 'no good' })
    emit({ type: 'exported', id: 1, ok: true, fileName: 'x.czml', mime: 'application/json', text: '[]' })
    await expect(first).resolves.toEqual({ fileName: 'x.czml', mime: 'application/json', text: '[]' })
    await expect(second).rejects.toThrow('no good')
    // A restart forgets the worker's requests: waiting ones are refused, not left hanging.
    const third = session.requestExport('access-csv')
    session.restart()
    await expect(third).rejects.toThrow('restarted')
    session.dispose()
  })

  it("shows the scenario's warnings (an old element set) as notes when it loads", () => {
    const { port, emit } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    const warning = 'constellation.tle[0]: the element set of "OLD" dates from 2000-01-01, 9,575 days before…'
    emit({ ...loaded(['a']), scenario: { ...spec, warnings: [warning] } } as FromWorker)
    expect(session.app.getState().messages.map((m) => [m.kind, m.text])).toEqual([['note', warning]])
  })

  it('keeps no more than a few undrawn frames while nothing is drawn (a hidden page)', () => {
    const { port, emit, sent } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['a']))
    const frames = Array.from({ length: 50 }, (_, k) => frameMsg(k + 1))
    for (const f of frames) emit(f)
    session.frameShown(50)
    const back = sent.at(-1)
    // Four frames are kept (47–50); of those, 47 and 48 are two or more behind the one drawn and
    // come back; frames 1–46 were left to the collector.
    const kept = [frames[46], frames[47]] as Extract<FromWorker, { type: 'frame' }>[]
    expect(back?.type === 'frameShown' && back.recycle).toEqual(
      kept.flatMap((f) => [
        f.frames[0].positionsKm.buffer,
        f.frames[0].status.buffer,
        f.frames[0].linkStation.buffer,
      ]),
    )
  })

  it('gives frame buffers back to the worker once no view can read them', () => {
    const { port, emit, sent } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['a']))
    const frames = [1, 2, 3].map(frameMsg)
    emit(frames[0])
    session.frameShown(1)
    emit(frames[1])
    session.frameShown(2)
    // Frame 1 may still be on screen in a view that has not redrawn: nothing comes back yet.
    expect(sent.filter((m) => m.type === 'frameShown').every((m) => !('recycle' in m))).toBe(true)
    emit(frames[2])
    session.frameShown(3)
    const last = sent.at(-1)
    expect(last?.type).toBe('frameShown')
    const first = frames[0] as Extract<FromWorker, { type: 'frame' }>
    expect(last?.type === 'frameShown' && last.recycle).toEqual([
      first.frames[0].positionsKm.buffer,
      first.frames[0].status.buffer,
      first.frames[0].linkStation.buffer,
    ])
  })

  it('fills one store per strategy from incremental digests', () => {
    const { port, emit } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['a', 'b']))
    const { sims } = session.app.getState()
    expect(sims.map((s) => s.getState().strategy)).toEqual(['a', 'b'])
    const base = {
      type: 'digest' as const,
      stepIndex: 3,
      playing: false,
      speed: 60 as const,
      done: false,
      busy: null,
    }
    emit({ ...base, timeS: 90, digests: [digest('a', 0, 3, 3), digest('b', 0, 1, 1)] })
    emit({ ...base, timeS: 120, digests: [digest('a', 3, 2, 5), digest('b', 1, 0, 1)] })
    expect(sims[0].getState().history.map((e) => e.message)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4'])
    // A step back: the log now is shorter, the history stays for the timeline.
    emit({ ...base, timeS: 60, digests: [digest('a', 5, 0, 2), digest('b', 1, 0, 1)] })
    expect(sims[0].getState().history.length).toBe(5)
    expect(currentEvents(sims[0].getState()).length).toBe(2)
    expect(session.app.getState().timeS).toBe(60)
    session.dispose()
  })

  it('keeps frames per run and drops frames of another shape', () => {
    const { port, emit } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['a']))
    const holder = session.frame()
    const frame = (n: number): FromWorker => ({
      type: 'frame',
      seq: 1,
      timeS: 30,
      gmstRad: 0,
      sunEci: [1, 0, 0],
      playing: false,
      frames: Array.from({ length: n }, () => ({
        strategy: 'a',
        positionsKm: new Float32Array(3),
        status: new Uint8Array(1),
        linkStation: new Int16Array(1),
      })),
    })
    emit(frame(2))
    expect(holder.current).toBeNull()
    emit(frame(1))
    expect(holder.current?.timeS).toBe(30)
    emit(loaded(['a', 'b']))
    expect(session.frame()).not.toBe(holder)
    expect(session.frame().current).toBeNull()
    session.dispose()
  })

  it('shows load errors and keeps what runs', () => {
    const { port, emit, sent } = fakePort()
    const session = createSession(() => port, { stallMs: 1e9 })
    emit(loaded(['a']))
    session.loadText({ text: '{', file: 'bad.json', source: { kind: 'file', name: 'bad.json' } })
    expect(sent.at(-1)?.type).toBe('load')
    expect(session.app.getState().pendingFile).toBe('bad.json')
    emit({
      type: 'loadError',
      file: 'bad.json',
      issues: [{ file: 'bad.json', path: '', message: 'expected JSON' }],
    })
    const s = session.app.getState()
    expect(s.loadIssues?.issues.length).toBe(1)
    expect(s.file).toBe('f.json')
    expect(s.pendingFile).toBeNull()
    session.dispose()
  })

  it('refuses a bad seed and reports a silent worker', () => {
    vi.useFakeTimers()
    try {
      let now = 0
      const { port, emit, sent } = fakePort()
      const session = createSession(() => port, { stallMs: 5000, now: () => now })
      emit(loaded(['a']))
      session.setSeed(-1)
      expect(sent.some((m) => m.type === 'setSeed')).toBe(false)
      expect(session.app.getState().messages.at(-1)?.kind).toBe('error')
      // What the user typed is echoed, not "NaN".
      session.setSeed(Number.NaN, ' 12abc ')
      expect(session.app.getState().messages.at(-1)?.text).toContain('"12abc" is not')
      session.play()
      emit({
        type: 'digest',
        timeS: 0,
        stepIndex: 0,
        playing: true,
        speed: 60,
        done: false,
        busy: null,
        digests: [],
      })
      now = 20_000
      vi.advanceTimersByTime(2000)
      expect(session.app.getState().messages.some((m) => /not responding/.test(m.text))).toBe(true)
      session.restart()
      expect(port.terminate).toHaveBeenCalled()
      session.dispose()
    } finally {
      vi.useRealTimers()
    }
  })
})
