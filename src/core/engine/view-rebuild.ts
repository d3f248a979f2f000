// The other side of portableViewData: rebuilds, in an isolated planner's thread, the very
// WorldView the engine would have given the planner in-process. Same World, same propagator
// code loaded with the engine's elements, same telemetry ring: so the same numbers.

import type { ScenarioSpec } from '../spec'
import type { WorldView } from '../view'
import { createPropagator } from './propagator'
import { viewFromData } from './view-builder'
import { applyTelemetryDelta, type PortableViewData, type TelemetryRing, unpackView } from './view-data'
import { buildWorld } from './world'

/** Makes views from successive PortableViewData of one simulation (calls in order). */
export function createViewRebuilder(
  spec: ScenarioSpec,
  telemetryWindow: number,
): (data: PortableViewData) => WorldView {
  const world = buildWorld(spec, telemetryWindow)
  const prop = createPropagator(world, spec.j2)
  const ring: TelemetryRing = {
    telemetryCount: 0,
    telemetryT: new Float64Array(telemetryWindow),
    telemetryV: new Float32Array(telemetryWindow * world.satCount * 3),
  }
  return (data) => {
    const { kepler, telemetry, ...plain } = data
    prop.load(kepler)
    applyTelemetryDelta(ring, telemetry, world.satCount)
    return viewFromData({ world, prop }, unpackView(world, plain), ring)
  }
}
