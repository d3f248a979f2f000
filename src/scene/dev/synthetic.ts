// Dev harness only: a synthetic Walker-delta scenario of any size, for looking at the scene with
// hundreds or thousands of satellites (performance checks). Built as a ScenarioSpec directly;
// the stations and tasks are the default scenario's.

import defaultText from '../../../scenarios/default.json?raw'
import type { BusSpec, SatelliteSpec, ScenarioSpec } from '../../core'
import { DEG, R_EARTH } from '../../core'
import { loadScenarioText } from '../../scenario'

const BUS: BusSpec = {
  dryMassKg: 150,
  propellantKg: 20,
  ispS: 220,
  batteryCapacityJ: 1200 * 3600,
  solarPowerW: 400,
  baseLoadW: 150,
  imagingLoadW: 120,
  downlinkLoadW: 80,
  processingLoadW: 60,
  storageBits: 64e9,
  downlinkRateBps: 150e6,
  maxOffNadirRad: 30 * DEG,
  minSoc: 0.2,
  initialSoc: 0.9,
}

/** A Walker delta i:t/p/1 constellation of about `count` satellites at 550 km and 53°. */
export function syntheticScenario(count: number): ScenarioSpec {
  const base = loadScenarioText(defaultText, 'scenarios/default.json')
  if (!base.ok) throw new Error('the default scenario does not load')
  const planes = Math.max(1, Math.round(Math.sqrt(count / 2)))
  const perPlane = Math.max(1, Math.round(count / planes))
  const total = planes * perPlane
  const satellites: SatelliteSpec[] = []
  for (let p = 0; p < planes; p++) {
    for (let s = 0; s < perPlane; s++) {
      satellites.push({
        id: `W${p + 1}-${s + 1}`,
        role: 'active',
        plane: p,
        slot: s,
        bus: BUS,
        orbit: {
          kind: 'kepler',
          elements: {
            a: R_EARTH + 550e3,
            e: 0,
            i: 53 * DEG,
            raan: ((2 * Math.PI) / planes) * p,
            argp: 0,
            m0: ((2 * Math.PI) / perPlane) * s + ((2 * Math.PI) / total) * p,
          },
        },
      })
    }
  }
  return {
    ...base.scenario,
    id: `synthetic-${total}`,
    title: `Synthetic Walker 53°:${total}/${planes}/1`,
    satellites,
    events: [],
    strategies: [{ name: 'none', params: {} }],
  }
}
