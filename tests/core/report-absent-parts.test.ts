// The report's optional parts are absent, not present with an empty value, when the run did not
// keep them: a reader checking `'access' in report` (or the report's keys) must find no access
// log in a run made without one (SimReport.access: "Absent when the run kept no access log"), and
// likewise no series without withSeries and no timing without a clock.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('a report without its optional parts', () => {
  it('has no access, series or timing key at all', () => {
    const spec = makeSpec({ durationS: 600 })
    const sim = createSimulation(spec, spec.strategies[0].name, { accessLog: false })
    sim.runUntil(spec.durationS)
    const report = sim.report()
    expect('access' in report).toBe(false)
    expect('series' in report).toBe(false)
    expect('timing' in report).toBe(false)
  })

  it('has the access key when the run kept its access log (the default)', () => {
    const spec = makeSpec({ durationS: 600 })
    const sim = createSimulation(spec, spec.strategies[0].name)
    sim.runUntil(spec.durationS)
    expect(Object.keys(sim.report())).toContain('access')
  })
})
