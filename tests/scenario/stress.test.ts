// The app's stress path builds its scenario text and loads it like any file: at the largest
// size it allows (30,000 satellites) the text must pass the loader with that many satellites.

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
