// A validated file → the engine's ScenarioSpec. Stations, tasks, events and strategies are
// already in spec form (their schemas convert them); what is left needs the whole file: the
// satellites, whose buses layer the scenario's bus under their own, and whose order is fixed
// here: walker planes and slots first, then explicit satellites, then TLE records, then OMM.

import type { SatelliteSpec, ScenarioSpec } from '../core/spec'
import { busToSpec } from './schema/bus'
import { ommId } from './schema/omm'
import type { ScenarioFile } from './schema/scenario'
import { expandWalker } from './walker'
import { ommAgeWarnings, tleAgeWarnings } from './warnings'

export function toScenarioSpec(file: ScenarioFile): ScenarioSpec {
  const spec: ScenarioSpec = {
    formatVersion: file.formatVersion,
    id: file.id,
    title: file.title,
    demonstrates: file.demonstrates,
    description: file.description,
    epochMs: file.epoch,
    durationS: file.duration,
    stepS: file.step,
    seed: file.seed,
    j2: file.j2,
    plannerCadenceS: file.plannerCadence,
    sampleEveryS: file.sampleEvery,
    components: { failureHealth: file.components.failureHealth, noiseSigma: file.components.noiseSigma },
    satellites: satellites(file),
    groundStations: file.groundStations,
    tasks: file.tasks,
    events: file.events,
    strategies: file.strategies,
    view: file.view ?? null,
  }
  const warnings = [
    ...tleAgeWarnings(file.constellation.tle ?? [], file.epoch),
    ...ommAgeWarnings(file.constellation.omm ?? [], file.epoch),
  ]
  if (warnings.length > 0) spec.warnings = warnings
  return spec
}

function satellites(file: ScenarioFile): SatelliteSpec[] {
  const { walker, satellites: explicit = [], tle = [], omm = [] } = file.constellation
  const walkers = walker === undefined ? [] : Array.isArray(walker) ? walker : [walker]
  const out: SatelliteSpec[] = []
  for (const w of walkers) {
    for (const slot of expandWalker(w)) {
      out.push({
        id: slot.id,
        role: 'active',
        orbit: { kind: 'kepler', elements: slot.elements },
        bus: busToSpec(file.bus, w.bus),
        plane: slot.plane,
        slot: slot.slot,
      })
    }
  }
  for (const s of explicit) {
    out.push({
      id: s.id,
      role: s.role,
      orbit: { kind: 'kepler', elements: s.elements },
      bus: busToSpec(file.bus, s.bus),
    })
  }
  for (const record of tle) {
    out.push({
      id: record.id,
      role: 'active',
      orbit: { kind: 'tle', name: record.name, line1: record.line1, line2: record.line2 },
      bus: busToSpec(file.bus),
    })
  }
  for (const record of omm) {
    const id = ommId(record)
    out.push({ id, role: 'active', orbit: { kind: 'omm', name: id, omm: record }, bus: busToSpec(file.bus) })
  }
  return out
}
