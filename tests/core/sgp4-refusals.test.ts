// The SGP4 wrapper refuses element sets satellite.js cannot initialise, naming the form and
// satellite.js's error code, and those whose numbers do not parse: a scenario never gets an orbit
// that silently propagates to nothing.

import { describe, expect, it } from 'vitest'
import { createOmmOrbit } from '../../src/core/sgp4'
import type { OmmElements } from '../../src/core/spec'

const OMM: OmmElements = {
  OBJECT_NAME: 'TEST',
  OBJECT_ID: '2026-001A',
  NORAD_CAT_ID: 99999,
  EPOCH: '2026-03-20T00:00:00.000000',
  MEAN_MOTION: 15.5,
  ECCENTRICITY: 0.001,
  INCLINATION: 51.6,
  RA_OF_ASC_NODE: 10,
  ARG_OF_PERICENTER: 20,
  MEAN_ANOMALY: 30,
  BSTAR: 0.0001,
  MEAN_MOTION_DOT: 0,
  MEAN_MOTION_DDOT: 0,
  ELEMENT_SET_NO: 999,
}

describe('createOmmOrbit refusals', () => {
  it('accepts the valid record these cases start from', () => {
    expect(() => createOmmOrbit(OMM)).not.toThrow()
  })

  it("refuses a negative eccentricity with satellite.js's error code (1: eccentricity out of range)", () => {
    expect(() => createOmmOrbit({ ...OMM, ECCENTRICITY: -0.5 })).toThrow(
      new Error('SGP4 cannot initialise this OMM (satellite.js error 1)'),
    )
  })

  it('refuses a negative mean motion, which satellite.js takes without an error code', () => {
    expect(() => createOmmOrbit({ ...OMM, MEAN_MOTION: -1 })).toThrow(
      new Error('SGP4 cannot initialise this OMM (unparseable mean motion, eccentricity or epoch)'),
    )
  })
})
