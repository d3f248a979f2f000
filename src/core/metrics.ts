// Named metrics with units and a direction, so every table can mark the better value, and a
// sampled time series of each for charts. The engine writes them; nothing else does.

export type Better = 'higher' | 'lower'

export interface MetricDef {
  key: string
  label: string
  unit: string
  better: Better
  description: string
}

/** The catalogue, in display order. Keys are stable: reports and the UI refer to them. */
export const METRICS = [
  {
    key: 'tasksCompleted',
    label: 'Tasks completed',
    unit: 'tasks',
    better: 'higher',
    description: 'Imaging tasks whose data reached the ground.',
  },
  {
    key: 'priorityValue',
    label: 'Priority-weighted value',
    unit: 'points',
    better: 'higher',
    description: 'Sum of the priorities of the completed tasks.',
  },
  {
    key: 'tasksCaptured',
    label: 'Tasks captured',
    unit: 'tasks',
    better: 'higher',
    description: 'Imaging tasks captured on board (delivered or not).',
  },
  {
    key: 'meanDeliveryMin',
    label: 'Mean time to deliver data',
    unit: 'min',
    better: 'lower',
    description: 'From the opening of a task window to the last bit of its data on the ground.',
  },
  {
    key: 'dataDeliveredGb',
    label: 'Data delivered',
    unit: 'Gb',
    better: 'higher',
    description: 'Gigabits downlinked to ground stations.',
  },
  {
    key: 'coveragePct',
    label: 'Coverage',
    unit: '%',
    better: 'higher',
    description: 'Share of task targets that some working satellite could see, averaged over samples.',
  },
  {
    key: 'contactUtilisationPct',
    label: 'Contact utilisation',
    unit: '%',
    better: 'higher',
    description: 'Share of the time a station had a satellite in view that it spent receiving data.',
  },
  {
    key: 'contacts',
    label: 'Contacts',
    unit: 'passes',
    better: 'higher',
    description: 'Satellite–station passes above the station mask.',
  },
  {
    key: 'eclipseFractionPct',
    label: 'Time in eclipse',
    unit: '%',
    better: 'lower',
    description: "Share of satellite-time spent in Earth's shadow.",
  },
  {
    key: 'minBatterySoc',
    label: 'Minimum battery state of charge',
    unit: '%',
    better: 'higher',
    description: 'Lowest state of charge of any working satellite so far.',
  },
  {
    key: 'deltaVSpent',
    label: 'Δv spent',
    unit: 'm/s',
    better: 'lower',
    description: 'Sum of the magnitudes of executed manoeuvres.',
  },
  {
    key: 'propellantLeftKg',
    label: 'Propellant left',
    unit: 'kg',
    better: 'higher',
    description: 'Propellant remaining across the fleet.',
  },
  {
    key: 'slotFillH',
    label: 'Slot-fill time',
    unit: 'h',
    better: 'lower',
    description: 'From a satellite failure until a spare reached its slot (only when a slot was filled).',
  },
  {
    key: 'alertLeadH',
    label: 'Alert lead time',
    unit: 'h',
    better: 'higher',
    description: 'Mean time between the first correct alert and the component failure it predicted.',
  },
  {
    key: 'falseAlarms',
    label: 'False alarms',
    unit: 'alerts',
    better: 'lower',
    description: 'Alerts on components that had no scripted degradation or failure.',
  },
  {
    key: 'missedFailures',
    label: 'Missed failures',
    unit: 'failures',
    better: 'lower',
    description: 'Component failures that no alert announced beforehand.',
  },
  {
    key: 'alertPrecision',
    label: 'Alert precision',
    unit: '%',
    better: 'higher',
    description: 'Share of alerted components that really were degrading or failing.',
  },
  {
    key: 'alertRecall',
    label: 'Alert recall',
    unit: '%',
    better: 'higher',
    description: 'Share of component failures that an alert announced beforehand.',
  },
  {
    key: 'failures',
    label: 'Satellites failed',
    unit: 'satellites',
    better: 'lower',
    description: 'Satellites lost to component failures, collisions or orbital decay.',
  },
  {
    key: 'plannerFaults',
    label: 'Planner faults',
    unit: 'faults',
    better: 'lower',
    description: 'Planner outputs rejected: throws, invalid decisions, overrun time budgets.',
  },
  {
    key: 'plannerTimeMs',
    label: 'Planner time',
    unit: 'ms',
    better: 'lower',
    description: 'Total time spent inside planners (wall clock; not part of the deterministic report).',
  },
] as const satisfies readonly MetricDef[]

export type MetricKey = (typeof METRICS)[number]['key']
export type MetricValues = Record<MetricKey, number | null>

export const METRIC_BY_KEY: Record<MetricKey, MetricDef> = Object.fromEntries(
  METRICS.map((m) => [m.key, m]),
) as Record<MetricKey, MetricDef>

/** Metrics that depend on the wall clock; reports made for byte-comparison leave them out. */
export const NONDETERMINISTIC_METRICS: readonly MetricKey[] = ['plannerTimeMs']

/** Index of the better value, or -1 when none is (all equal or all missing). */
export function bestIndex(def: MetricDef, values: readonly (number | null)[]): number {
  let best = -1
  for (let k = 0; k < values.length; k++) {
    const v = values[k]
    if (v === null || !Number.isFinite(v)) continue
    if (best < 0) best = k
    else if (def.better === 'higher' ? v > (values[best] as number) : v < (values[best] as number)) best = k
  }
  if (best < 0) return -1
  const bv = values[best]
  const ties = values.filter((v) => v === bv).length
  return ties === values.length ? -1 : best
}

/** A growable sampled series: time and one column per metric key. */
export interface MetricSeries {
  t: number[]
  values: Record<MetricKey, (number | null)[]>
}

export function emptySeries(): MetricSeries {
  const values = {} as Record<MetricKey, (number | null)[]>
  for (const m of METRICS) values[m.key] = []
  return { t: [], values }
}
