// The documented bounds of every maintenance planner's parameters, checked through the path a
// scenario author's strategy takes (registry.bind, as the CLI and the worker use it): the value
// at each bound (or just inside an open one) binds, the value just outside is refused with a
// message that names the strategy, the parameter and the bound.

import { describe } from 'vitest'
import { type Bounds, itKeepsBounds } from './param-bounds'

const BOUNDS: Record<string, Record<string, Bounds>> = {
  cusum: {
    mu0: { gt: 0, max: 1.5 },
    k: { min: 0, max: 20 },
    h: { gt: 0, max: 1000 },
    cap: { gt: 0, max: 100 },
    minSamples: { int: true, min: 4, max: 1000 },
    localSamples: { int: true, min: 1, max: 50 },
    retireBelow: { gt: 0, lt: 1 },
  },
  threshold: {
    threshold: { gt: 0, lt: 1 },
    samples: { int: true, min: 1, max: 50 },
  },
  trend: {
    windowH: { gt: 0, max: 48 },
    horizonH: { gt: 0, max: 240 },
    retireWithinH: { min: 0, max: 240 },
    k: { gt: 0, max: 50 },
    margin: { min: 0, max: 20 },
    confirmCalls: { int: true, min: 1, max: 12 },
    minSamples: { int: true, min: 4, max: 1000 },
  },
}

describe('maintenance planner parameter bounds, through registry.bind', () => {
  itKeepsBounds('maintenance', BOUNDS)
})
