// The app's stress path builds its scenario text and loads it like any file: at the largest
// size it allows (30,000 satellites) the text must pass the loader with that many satellites.
// And the headless scale target: a 100,000-satellite Walker shell for an hour at 60 s loads
// (the Walker cap and the work estimate both allow it).

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatIssues, loadScenarioText } from '../../src/scenario'
import { MAX_STRESS_SATELLITES, stressScenarioText } from '../../src/worker/stress'

describe('stress scenario', () => {
  it('loads at the largest size the app offers, with exactly that many satellites', () => {
    expect(MAX_STRESS_SATELLITES).toBe(30_000)
    const result = loadScenarioText(stressScenarioText(MAX_STRESS_SATELLITES), 'stress.json')
    if (!result.ok) throw new Error(formatIssues(result.issues))
    expect(result.scenario.satellites.length).toBe(30_000)
    expect(new Set(result.scenario.satellites.map((s) => s.id)).size).toBe(30_000)
  })
})

describe('the 100,000-satellite bench scenario', () => {
  it('loads: one Walker shell of 100,000 for an hour at a 60 s step, 20 stations', () => {
    const file = 'bench/scenarios/walker-100000.json'
    const result = loadScenarioText(readFileSync(file, 'utf8'), file)
    if (!result.ok) throw new Error(formatIssues(result.issues))
    expect(result.scenario.satellites.length).toBe(100_000)
    expect(result.scenario.durationS).toBe(3600)
    expect(result.scenario.stepS).toBe(60)
    expect(result.scenario.groundStations.length).toBe(20)
  }, 60_000)
})
