// Turns the engine's running sums and records into the named metrics of `../metrics`, and
// scores maintenance alerts against the scenario's ground truth (which components were
// scripted to degrade or fail, and when they really failed).

import type { MetricValues } from '../metrics'
import { COMPONENT_NAMES } from '../spec'
import type { Ctx } from './context'
import { NC } from './state'

export interface AlertScore {
  leadTimesS: number[]
  falseAlarms: number
  missedFailures: number
  truePositives: number
  /** Distinct components alerted on. */
  alerted: number
}

/** An alert is true when its component was scripted to degrade or fail; a failure is announced
 * when an alert on that component came before it. */
export function scoreAlerts(ctx: Ctx): AlertScore {
  const { world, s } = ctx
  const doomed = new Set<string>()
  for (const e of world.scripted) {
    if (e.type === 'degradation' || e.type === 'failure') doomed.add(`${e.satellite}/${e.component}`)
  }
  const firstAlert = new Map<string, number>()
  let falseAlarms = 0
  const counted = new Set<string>()
  for (const a of s.alerts) {
    const key = `${a.satellite}/${a.component}`
    if (!firstAlert.has(key)) firstAlert.set(key, a.atS)
    if (!doomed.has(key) && !counted.has(key)) {
      falseAlarms++
      counted.add(key)
    }
  }
  const leadTimesS: number[] = []
  let missedFailures = 0
  let truePositives = 0
  const nc = NC // read once (an imported name is a getter call per use under tsx's CommonJS)
  for (let k = 0; k < world.satCount; k++) {
    for (let c = 0; c < nc; c++) {
      const failedAt = s.componentFailedAtS[k * nc + c]
      if (Number.isNaN(failedAt)) continue
      const at = firstAlert.get(`${world.sats[k].id}/${COMPONENT_NAMES[c]}`)
      if (at !== undefined && at <= failedAt) {
        leadTimesS.push(failedAt - at)
        truePositives++
      } else missedFailures++
    }
  }
  return { leadTimesS, falseAlarms, missedFailures, truePositives, alerted: firstAlert.size }
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
/** Four decimals: enough for every metric's unit, and stable text in reports. */
const round = (x: number): number => Math.round(x * 1e4) / 1e4

export function currentMetrics(ctx: Ctx): MetricValues {
  const { world, s } = ctx
  const acc = s.acc
  let completed = 0
  let priority = 0
  let captured = 0
  const latencies: number[] = []
  for (let q = 0; q < s.knownTasks; q++) {
    const rec = s.tasks[q]
    if (rec.capturedBy >= 0) captured++
    if (rec.state === 'delivered') {
      completed++
      priority += world.tasks[q].priority
    }
  }
  for (const e of s.events) if (e.type === 'taskDelivered' && e.data) latencies.push(Number(e.data.latencyS))
  let propellant = 0
  let failures = 0
  for (let k = 0; k < world.satCount; k++) {
    propellant += s.propellantKg[k]
    if (s.failed[k] !== 0) failures++
  }
  const alerts = scoreAlerts(ctx)
  const lead = mean(alerts.leadTimesS)
  const meanLatency = mean(latencies)
  const slot = mean(acc.slotFillS)
  return {
    tasksCompleted: completed,
    priorityValue: priority,
    tasksCaptured: captured,
    meanDeliveryMin: meanLatency === null ? null : round(meanLatency / 60),
    dataDeliveredGb: round(acc.deliveredBits / 1e9),
    coveragePct: acc.coverageSamples ? round((100 * acc.coverageSum) / acc.coverageSamples) : null,
    contactUtilisationPct: acc.visibleS > 0 ? round((100 * acc.transmitS) / acc.visibleS) : null,
    contacts: acc.contacts,
    eclipseFractionPct: acc.satS > 0 ? round((100 * acc.eclipseSatS) / acc.satS) : null,
    minBatterySoc: round(acc.minSoc * 100),
    deltaVSpent: round(acc.dvSpent),
    propellantLeftKg: round(propellant),
    slotFillH: slot === null ? null : round(slot / 3600),
    alertLeadH: lead === null ? null : round(lead / 3600),
    falseAlarms: alerts.falseAlarms,
    missedFailures: alerts.missedFailures,
    alertPrecision: alerts.alerted
      ? round((100 * (alerts.alerted - alerts.falseAlarms)) / alerts.alerted)
      : null,
    alertRecall:
      alerts.truePositives + alerts.missedFailures
        ? round((100 * alerts.truePositives) / (alerts.truePositives + alerts.missedFailures))
        : null,
    failures,
    plannerFaults: acc.plannerFaults,
    plannerTimeMs: round(acc.plannerTimeMs),
  }
}
