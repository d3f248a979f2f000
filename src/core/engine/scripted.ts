// The scenario's scripted timeline: applies every event whose time has come, and ends outages
// and storms whose time is up. Conjunction warnings place the debris where the satellite's
// current orbit would put it at closest approach, offset radially by the predicted miss.

import { COMPONENT_NAMES } from '../spec'
import type { Ctx } from './context'
import { failComponent, PROFILE_EXPONENTIAL, PROFILE_LINEAR } from './health'
import { NC } from './state'

export function scriptedPass(ctx: Ctx): void {
  const { world, s, log } = ctx
  const t = s.t
  for (let j = 0; j < world.stations.length; j++) {
    const end = s.outageEndS[j]
    if (!Number.isNaN(end) && t >= end) {
      s.outageEndS[j] = Number.NaN
      const { id, name } = world.stations[j]
      log({ t, type: 'stationOutageEnd', station: id, message: `Ground station ${name} is back in service.` })
    }
  }
  if (!Number.isNaN(s.stormEndS) && t >= s.stormEndS) {
    s.stormEndS = Number.NaN
    log({
      t,
      type: 'solarStormEnd',
      message: 'The solar storm is over: full array power and quiet telemetry.',
    })
  }
  while (s.nextScripted < world.scripted.length && world.scripted[s.nextScripted].atS <= t) {
    const e = world.scripted[s.nextScripted++]
    switch (e.type) {
      case 'degradation': {
        const k = world.satIndex.get(e.satellite)!
        const idx = k * NC + COMPONENT_NAMES.indexOf(e.component)
        s.onsetS[idx] = e.atS
        if (e.profile.kind === 'linear') {
          s.profileKind[idx] = PROFILE_LINEAR
          s.profileA[idx] = e.profile.ratePerS
        } else {
          s.profileKind[idx] = PROFILE_EXPONENTIAL
          s.profileA[idx] = e.profile.tauS
          s.profileB[idx] = e.profile.scale
        }
        log({
          t,
          type: 'degradationOnset',
          satellite: e.satellite,
          component: e.component,
          message: `Ground truth: ${e.satellite} ${e.component} starts wearing out (${e.profile.kind}). Planners do not see this.`,
        })
        break
      }
      case 'failure':
        failComponent(world, s, world.satIndex.get(e.satellite)!, e.component, 'sudden scripted failure', log)
        break
      case 'stationOutage': {
        const j = world.stationIndex.get(e.station)!
        s.outageEndS[j] = e.atS + e.durationS
        log({
          t,
          type: 'stationOutageStart',
          station: e.station,
          // People read the station's name; the id stays in the event's `station` field.
          message: `Ground station ${world.stations[j].name} goes dark for ${(e.durationS / 3600).toFixed(1)} h.`,
        })
        break
      }
      case 'solarStorm':
        s.stormEndS = e.atS + e.durationS
        s.stormPowerLoss = e.powerLoss
        s.stormNoise = e.noiseFactor
        log({
          t,
          type: 'solarStormStart',
          message: `Solar storm for ${(e.durationS / 3600).toFixed(1)} h: arrays lose ${(e.powerLoss * 100).toFixed(0)}% output, telemetry noise ×${e.noiseFactor}.`,
        })
        break
      case 'taskBurst':
        s.knownTasks += e.tasks.length
        log({
          t,
          type: 'taskBurst',
          message: `${e.tasks.length} new imaging request${e.tasks.length === 1 ? '' : 's'} arrived (${e.tasks.map((x) => x.id).join(', ')}).`,
          data: { count: e.tasks.length },
        })
        break
      case 'conjunction': {
        const k = world.satIndex.get(e.satellite)!
        const st = ctx.tmp6
        ctx.prop.propagateOne(k, e.tcaS, st)
        const r = Math.hypot(st[0], st[1], st[2])
        const f = e.missDistanceM / r
        s.conjunctions.push({
          satellite: e.satellite,
          warnedAtS: t,
          tcaS: e.tcaS,
          predictedMissM: e.missDistanceM,
          hardBodyRadiusM: e.hardBodyRadiusM,
          debrisAtTca: [st[0] * (1 + f), st[1] * (1 + f), st[2] * (1 + f)],
        })
        log({
          t,
          type: 'conjunctionWarning',
          satellite: e.satellite,
          message: `Conjunction warning: debris passes ${e.satellite} at ${e.missDistanceM.toFixed(0)} m in ${((e.tcaS - t) / 3600).toFixed(1)} h.`,
          data: { tcaS: e.tcaS, missM: e.missDistanceM },
        })
        break
      }
    }
  }
}

/** At closest approach, measures the real miss distance; inside the hard-body radius is a loss. */
export function conjunctionPass(ctx: Ctx, fail: (k: number, why: string) => void): void {
  const { world, s, log } = ctx
  for (let c = s.conjunctions.length - 1; c >= 0; c--) {
    const cj = s.conjunctions[c]
    if (s.t < cj.tcaS) continue
    s.conjunctions.splice(c, 1)
    const k = world.satIndex.get(cj.satellite)!
    if (s.failed[k] !== 0) continue
    const st = ctx.tmp6
    ctx.prop.propagateOne(k, cj.tcaS, st)
    const miss = Math.hypot(st[0] - cj.debrisAtTca[0], st[1] - cj.debrisAtTca[1], st[2] - cj.debrisAtTca[2])
    if (miss < cj.hardBodyRadiusM) {
      log({
        t: s.t,
        type: 'collision',
        satellite: cj.satellite,
        message: `${cj.satellite} was hit by debris (miss ${miss.toFixed(1)} m < ${cj.hardBodyRadiusM.toFixed(0)} m hard-body radius).`,
        data: { missM: miss },
      })
      fail(k, 'debris collision')
    } else {
      log({
        t: s.t,
        type: 'conjunctionPassed',
        satellite: cj.satellite,
        message: `Debris passed ${cj.satellite} at ${miss.toFixed(0)} m.`,
        data: { missM: miss },
      })
    }
  }
}
