// A valid small prograde burn decision for engine tests: 0.5 m/s along-track at a chosen time.

export const burnDecision = (satellite: string, atS: number) => ({
  kind: 'maneuver',
  satellite,
  atS,
  dv: { frame: 'rtn', r: 0, t: 0.5, n: 0 },
  purpose: 'other',
  rationale: `burn of ${satellite} at ${atS}`,
})
