// A scenario may name its area of interest and its playback speed: the camera opens on the area,
// the clock plays at that speed (snapped to one the speed menu offers); bad values are named.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { loadScenarioText } from '../../src/scenario'
import { homeCameraPosition, initialCameraPosition } from '../../src/scene/view'
import { scenarioSpeed } from '../../src/store/session'

const TEXT = readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')

function withView(view: unknown) {
  const json = JSON.parse(TEXT)
  json.view = view
  return loadScenarioText(JSON.stringify(json), 'x.json')
}

describe('scenario view', () => {
  it('reads the area in radians and the speed, and leaves both out when absent', () => {
    const r = withView({ latDeg: 30, lonDeg: -90, speed: 500 })
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(r.scenario.view?.latRad).toBeCloseTo(30 * DEG, 12)
    expect(r.scenario.view?.lonRad).toBeCloseTo(-90 * DEG, 12)
    expect(scenarioSpeed(r.scenario)).toBe(300)
    const none = withView(undefined)
    if (!none.ok) throw new Error('no load')
    expect(none.scenario.view).toBeNull()
    expect(scenarioSpeed(none.scenario)).toBeNull()
  })

  it('names a latitude out of range and a speed beyond the fastest', () => {
    const r = withView({ latDeg: 95, lonDeg: 0, speed: 1e6 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.issues.map((i) => i.path)
    expect(paths).toContain('view.latDeg')
    expect(paths).toContain('view.speed')
  })

  it('puts the home camera straight above the area, turned with the Earth', () => {
    const area = { latRad: 0, lonRad: 0 }
    const p = homeCameraPosition([1, 0, 0], 4, area, Math.PI / 2)
    // Lon 0 on the equator at a rotation of 90° lies on +y (ECI).
    expect(p[0]).toBeCloseTo(0, 9)
    expect(p[1]).toBeCloseTo(4, 9)
    expect(p[2]).toBeCloseTo(0, 9)
    expect(homeCameraPosition([1, 0, 0], 4, null, 0)).toEqual(initialCameraPosition([1, 0, 0], 4))
  })
})
