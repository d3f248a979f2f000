// Above the viewports: which strategies run (two or more is compare mode, in lockstep from the
// same seed) — the scenario's own, the user's (made under "Strategies…") and recorded agent runs
// ("Open recording…") — and the seed.

import { useEffect, useState } from 'react'
import { removeRecording } from '../store/recordings'
import { MAX_STRATEGIES } from '../worker/protocol'
import { usePlanners, usePlugins } from './plugins/context'
import { OpenRecordingButton } from './plugins/OpenRecordingButton'
import { useApp, useSession } from './session-context'

function StrategyChooser() {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const shown = useApp((s) => s.strategies)
  const mine = usePlanners((s) => s.strategies)
  const recordings = usePlanners((s) => s.recordings)
  const { planners } = usePlugins()
  if (!scenario) return null
  // A recording shows only beside the scenario it was recorded on.
  const recorded = recordings.filter((r) => r.data.header.scenario === scenario.id)
  const all = [...scenario.strategies, ...mine, ...recorded].map((s) => s.name)
  const isMine = (name: string) => mine.some((s) => s.name === name)
  const recordingOf = (name: string) => recorded.find((r) => r.name === name)
  const toggle = (name: string, on: boolean) => {
    const next = all.filter((n) => (n === name ? on : shown.includes(n)))
    if (next.length === 0 || next.length > MAX_STRATEGIES) return
    session.setStrategies(next)
  }
  return (
    <fieldset className="chooser" data-testid="strategy-chooser">
      <legend>Strategies</legend>
      {all.map((name) => {
        const on = shown.includes(name)
        const rec = recordingOf(name)
        const title = rec
          ? `A recorded agent run (${rec.file}: strategy ${rec.data.header.strategy}, seed ${rec.data.header.seed}), replayed here; links only name it`
          : isMine(name)
            ? 'Your strategy: it runs here, and links only name it'
            : undefined
        return (
          <label
            key={name}
            className={`chip${on ? ' on' : ''}${isMine(name) || rec ? ' mine' : ''}`}
            title={title}
          >
            <input
              type="checkbox"
              checked={on}
              disabled={on && shown.length === 1}
              onChange={(e) => toggle(name, e.target.checked)}
              data-testid={`strategy-${name}`}
            />
            {name}
            {rec ? (
              <button
                type="button"
                className="chip-close"
                aria-label={`Close the recording ${rec.file}`}
                title={`Close the recording ${rec.file}`}
                onClick={(e) => {
                  e.preventDefault()
                  removeRecording(planners, name)
                }}
                data-testid="close-recording"
              >
                ×
              </button>
            ) : null}
          </label>
        )
      })}
      {all.length > 1 && shown.length < 2 ? (
        <button
          type="button"
          className="button small"
          onClick={() => session.setStrategies(all.slice(0, MAX_STRATEGIES))}
          data-testid="compare-all"
        >
          Compare all
        </button>
      ) : null}
    </fieldset>
  )
}

function SeedInput() {
  const session = useSession()
  const seed = useApp((s) => s.seed)
  const [text, setText] = useState(seed === null ? '' : String(seed))
  useEffect(() => setText(seed === null ? '' : String(seed)), [seed])
  const apply = () => {
    if (text.trim() === '' || seed === null) return setText(seed === null ? '' : String(seed))
    const n = Number(text)
    if (n === seed) return
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n >= 2 ** 32) {
      session.setSeed(Number.NaN, text)
      setText(String(seed))
      return
    }
    session.setSeed(n)
  }
  return (
    <label className="seed" title="The random seed of every engine (noise, failures); same seed, same run">
      Seed
      <input
        type="text"
        inputMode="numeric"
        value={text}
        size={8}
        data-testid="seed"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply()
          if (e.key === 'Escape') setText(seed === null ? '' : String(seed))
        }}
      />
    </label>
  )
}

function StrategiesButton() {
  const { planners } = usePlugins()
  return (
    <button
      type="button"
      className="button small"
      onClick={() => planners.setState({ editorOpen: true })}
      title="Make a strategy from built-in planners or your own planner modules"
      data-testid="open-strategies"
    >
      Strategies…
    </button>
  )
}

export function RunBar() {
  const source = useApp((s) => s.source)
  return (
    <div className="runbar">
      <StrategyChooser />
      <StrategiesButton />
      <OpenRecordingButton />
      <SeedInput />
      {source?.kind === 'stress' ? (
        <span className="tag warn" data-testid="stress-tag">
          Stress test · synthetic
        </span>
      ) : null}
    </div>
  )
}
