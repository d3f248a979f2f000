// sinElevation when the satellite sits exactly at the station: no line of sight to measure, so it
// counts as overhead (sine 1) instead of dividing by a zero range into NaN, which every mask
// comparison would read as "not visible".

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { sinElevation, stationFrame } from '../../src/core/geometry'

describe('sinElevation at zero range', () => {
  it('is 1 for a satellite at the station itself', () => {
    const frame = new Float64Array(12)
    stationFrame(45 * DEG, 30 * DEG, 100, frame, 6)
    expect(sinElevation(frame, 6, frame[6], frame[7], frame[8])).toBe(1)
    // A metre straight up is overhead too, by the ordinary formula.
    expect(
      sinElevation(frame, 6, frame[6] + frame[9], frame[7] + frame[10], frame[8] + frame[11]),
    ).toBeCloseTo(1, 12)
  })
})
