// The formats the app's Export menu offers (RUN_EXPORT_FORMATS): each one exportRun makes, to a
// file of its own name. (The files' contents: run-export.test.ts.)

import { describe, expect, it } from 'vitest'
import { exportRun, RUN_EXPORT_FORMATS } from '../../src/core/export/run-export'
import { makeSpec, walker } from '../support/spec-fixture'

// Ten minutes of two satellites: the names are what is checked here.
const spec = makeSpec({ durationS: 600, satellites: walker(2, 1, 0, 550, 53) })

describe('RUN_EXPORT_FORMATS', () => {
  it('lists each format exportRun makes once, each to a file of its own name', () => {
    const names = RUN_EXPORT_FORMATS.map((f) => exportRun(spec, 'none', [], 3, f).fileName)
    expect(names).toEqual([
      'fixture-none-seed3.json',
      'fixture-none-seed3-access.csv',
      'fixture-none-seed3-series.csv',
      'fixture-none-seed3.czml',
    ])
  })
})
