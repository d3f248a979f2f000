// What every maintenance planner reads the same way (src/planners/maintenance/channels.ts):
// which channels are watched, which samples count, what was already raised, and the words.

import { describe, expect, it } from 'vitest'
import type { AlertView, ComponentName, SatelliteView, WorldView } from '../../src/core'
import {
  channelName,
  f2,
  firstAtOrAfter,
  hours,
  raised,
  watchedChannels,
} from '../../src/planners/maintenance/channels'

const sat = (k: number, over: Partial<SatelliteView> = {}) =>
  ({ index: k, id: `S${k + 1}`, failed: false, thrusterOk: true, ...over }) as SatelliteView

const alert = (satellite: string, component: ComponentName, severity: AlertView['severity']): AlertView => ({
  satellite,
  component,
  severity,
  atS: 0,
  predictedFailureS: null,
  planner: 'maintenance/x',
})

function view(satellites: SatelliteView[], alerts: AlertView[] = []): WorldView {
  return {
    satellites,
    alerts,
    // Sample j of satellite k, component c: 10k + c + j/10; a NaN every third sample of S1's battery.
    telemetry: (k: number, c: ComponentName) => {
      const ci = ['reactionWheel', 'battery', 'thruster'].indexOf(c)
      const t = Float64Array.from([0, 300, 600, 900, 1200, 1500])
      const v = t.map((_, j) => (k === 0 && ci === 1 && j % 3 === 0 ? Number.NaN : 10 * k + ci + j / 10))
      return { t, v }
    },
  } as unknown as WorldView
}

describe('maintenance channels', () => {
  it('raised: the highest severity on that very channel, by any planner', () => {
    const v = view(
      [sat(0)],
      [
        alert('S1', 'battery', 'warning'),
        alert('S1', 'reactionWheel', 'critical'),
        alert('S1', 'reactionWheel', 'warning'),
        alert('S2', 'thruster', 'critical'),
      ],
    )
    expect(raised(v, 'S1', 'battery')).toBe('warning')
    expect(raised(v, 'S1', 'reactionWheel')).toBe('critical')
    expect(raised(v, 'S1', 'thruster')).toBe('none')
    expect(raised(v, 'S2', 'battery')).toBe('none')
  })

  it('watches working satellites and thrusters, skips channels raised critical, drops NaN samples', () => {
    const v = view(
      [sat(0), sat(1, { failed: true }), sat(2, { thrusterOk: false })],
      [alert('S1', 'reactionWheel', 'critical'), alert('S3', 'battery', 'warning')],
    )
    const chans = watchedChannels(v)
    expect(chans.map((c) => `${c.sat.id}/${c.component}`)).toEqual([
      'S1/battery',
      'S1/thruster',
      'S3/reactionWheel',
      'S3/battery',
    ])
    const battery = chans[0]
    expect(Array.from(battery.t)).toEqual([300, 600, 1200, 1500])
    expect(Array.from(battery.v)).toEqual([1.1, 1.2, 1.4, 1.5])
    expect(Array.from(chans[3].v)).toEqual([21, 21.1, 21.2, 21.3, 21.4, 21.5])
  })

  it('firstAtOrAfter finds the first sample at or after a time', () => {
    const t = Float64Array.from([0, 300, 600])
    expect([-1, 0, 1, 300, 599, 600, 601].map((x) => firstAtOrAfter(t, x))).toEqual([0, 0, 1, 1, 2, 2, 3])
  })

  it('words: channel names, two decimals, hours with one decimal', () => {
    expect(channelName('P1-S3', 'reactionWheel')).toBe('P1-S3 reaction-wheel')
    expect(channelName('P1-S3', 'battery')).toBe('P1-S3 battery')
    expect(channelName('P1-S3', 'thruster')).toBe('P1-S3 thruster')
    expect(f2(0.625)).toBe('0.63')
    expect(hours(5400)).toBe('1.5')
  })
})
