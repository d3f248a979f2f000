// The phasing design's cases, against the textbook (Curtis §6.7, Vallado §6.6): a spare in one
// plane with its slot, no J2, placed so that a Hohmann transfer started at once arrives a chosen
// angle behind or ahead of the slot. The phasing orbit over k revolutions has the period
// T_ph = T·(1 − θ/(2πk)) (θ > 0: catch up); its cost, its perigee and the transfer's are all
// computed here from vis-viva. The cases: arriving in phase, catching up and falling back, the
// long way round when it is cheaper, more revolutions than asked (perigee, propellant), the
// cheapest when none fits the budget, and the skip when no phasing orbit stays above 200 km.

import { describe, expect, it } from 'vitest'
import { DEG, G0, MU_EARTH, R_EARTH } from '../../src/core'
import { designPhasing } from '../../src/planners/trajectory/phasing'
import type { DesignInput } from '../../src/planners/trajectory/recovery'
import { circular, coplanarInput, designed, period, vis } from './design-input'

const STEP = 5
/** The first grid time after the epoch: when the transfer starts. */
const FIRST = STEP
const SLOT_A = 7000e3
const MIN_PERIGEE = R_EARTH + 200e3
const ISP = 220

const alt = (a: number) => `${((a - R_EARTH) / 1000).toFixed(1)} km`
const rad = (d: number) => d * DEG
/** The spare radius whose Hohmann transfer to `targetA` takes exactly `tofS` (a whole number of steps). */
const spareFor = (targetA: number, tofS: number) => 2 * Math.cbrt(MU_EARTH * (tofS / Math.PI) ** 2) - targetA
const mean = (a: number) => Math.sqrt(MU_EARTH / a ** 3)

interface Case {
  targetA: number
  tofS: number
  /** Where the transfer ends relative to the slot: degrees behind it (negative: ahead). */
  behindDeg: number
}

/** The spare placed so that leaving at FIRST it reaches the slot's radius `behindDeg` behind the slot. */
function placed(c: Case): DesignInput & { spareA: number } {
  const spareA = spareFor(c.targetA, c.tofS)
  // At arrival the slot is at n_T·(FIRST + tof), the spare half an orbit past where it left.
  const m0 = mean(c.targetA) * (FIRST + c.tofS) - mean(spareA) * FIRST - Math.PI - rad(c.behindDeg)
  const input = coplanarInput({ spareA, targetA: c.targetA, spareM0Deg: m0 / DEG, stepS: STEP })
  return { ...input, spareA }
}

/** The textbook phasing orbit over k revolutions for a phase gain θ (rad), or null below 200 km. */
function phasingOrbit(a: number, theta: number, k: number) {
  const fraction = 1 - theta / (2 * Math.PI * k)
  if (fraction <= 0) return null
  const tPh = period(a) * fraction
  const aPh = Math.cbrt(MU_EARTH * (tPh / (2 * Math.PI)) ** 2)
  if (Math.min(a, 2 * aPh - a) < MIN_PERIGEE) return null
  return { tPh, aPh, dv1: vis(a, aPh) - circular(a) }
}

/** Textbook cost of transfer + phasing, the phasing orbit entered by the burn that ends the transfer. */
function cost(r1: number, a: number, theta: number, k: number): number {
  const ph = phasingOrbit(a, theta, k)
  if (!ph) return Number.POSITIVE_INFINITY
  const aTr = (r1 + a) / 2
  const arrive = circular(a) - vis(a, aTr)
  return Math.abs(vis(r1, aTr) - circular(r1)) + Math.abs(arrive + ph.dv1) + Math.abs(ph.dv1)
}

const budgetOf = (propellantKg: number, dryKg: number) =>
  0.98 * ISP * G0 * Math.log((dryKg + propellantKg) / dryKg)

/** The same input with only this much propellant on board. */
function withPropellant(input: DesignInput, kg: number): DesignInput {
  const dry = input.spare.massKg - input.spare.propellantKg
  return { ...input, spare: { ...input.spare, propellantKg: kg, massKg: dry + kg } }
}

/** The propellant that leaves a budget of `budget` m/s (inverse rocket equation). */
function propellantFor(input: DesignInput, budget: number): number {
  const dry = input.spare.massKg - input.spare.propellantKg
  return dry * (Math.exp(budget / (0.98 * ISP * G0)) - 1)
}

/** What the rationale says of a phasing orbit flown over k revolutions to gain θ. */
function phasingText(c: Case, spareA: number, theta: number, k: number): string {
  const ph = phasingOrbit(c.targetA, theta, k)!
  const aTr = (spareA + c.targetA) / 2
  const hohDv2 = circular(c.targetA) - vis(c.targetA, aTr)
  const saved = Math.abs(hohDv2) + Math.abs(ph.dv1) - Math.abs(hohDv2 + ph.dv1)
  const arriving = `${Math.abs(c.behindDeg).toFixed(2)}° ${c.behindDeg > 0 ? 'behind' : 'ahead of'} the slot`
  const verb = theta > 0 ? 'catch up' : 'fall back'
  return (
    `at once, arriving ${arriving}; a phasing orbit over ${k} revolution${k === 1 ? '' : 's'} lets it ` +
    `${verb} ${((Math.abs(theta) * 180) / Math.PI).toFixed(2)}° (textbook: ${(2 * Math.abs(ph.dv1)).toFixed(1)} m/s ` +
    `for the phasing orbit; entering it with the burn that ends the transfer saves ${saved.toFixed(1)} m/s)`
  )
}

/** The design's total as printed, against the textbook within 1 m/s; and its fill time. */
function expectFlown(d: ReturnType<typeof designed>, c: Case, spareA: number, theta: number, k: number) {
  const total = Number(/Total (\d+\.\d) m\/s/.exec(d.summary)?.[1])
  expect(Math.abs(total - cost(spareA, c.targetA, theta, k))).toBeLessThan(1)
  // It fills after the transfer and k phasing periods (each on the step grid).
  const ph = phasingOrbit(c.targetA, theta, k)!
  expect(Math.abs(d.fillT - (FIRST + c.tofS + k * ph.tPh))).toBeLessThanOrEqual(2 * STEP)
  expect(d.gapM).toBeLessThan(1000)
}

const BELOW = 2900 // s of transfer: a spare about 50 km below the 7000 km slot
const ABOVE = 2950 // about 110 km above it

describe('a spare that arrives in phase', () => {
  it('flies the plain Hohmann transfer and says no phasing orbit is needed', () => {
    const c = { targetA: SLOT_A, tofS: BELOW, behindDeg: 0 }
    const input = placed(c)
    const r1 = input.spareA
    const aTr = (r1 + SLOT_A) / 2
    const hoh = Math.abs(vis(r1, aTr) - circular(r1)) + Math.abs(circular(SLOT_A) - vis(SLOT_A, aTr))
    const d = designed(designPhasing(input, 3))
    expect(d.burns.map((b) => b.what)).toEqual([
      `raise the opposite apsis to ${alt(SLOT_A)} at once`,
      `circularise at ${alt(SLOT_A)}`,
    ])
    expect(d.summary).toMatch(
      new RegExp(
        `^Hohmann ${alt(r1)} → ${alt(SLOT_A)} \\(${hoh.toFixed(1)} m/s\\) at once; it arrives in phase, no phasing orbit needed\\. `,
      ),
    )
    expect(d.fillT).toBe(FIRST + BELOW)
  })

  it('a spare already in the slot’s orbit and place "raises" by nothing and needs no phasing', () => {
    const input = placed({ targetA: SLOT_A, tofS: BELOW, behindDeg: 0 })
    const level = { ...input, spareOrbit: input.targetOrbit }
    const d = designed(designPhasing(level, 3))
    expect(d.burns[0].what).toBe(`raise the opposite apsis to ${alt(SLOT_A)} at once`)
    expect(d.summary).toContain('it arrives in phase, no phasing orbit needed.')
  })
})

describe('catching up and falling back', () => {
  it.each([
    [10, 1],
    [-10, 1],
    [10, 3],
  ])(
    'arriving %s° behind, over %s revolution(s): the short way, at the textbook cost and time',
    (behindDeg, k) => {
      const c = { targetA: SLOT_A, tofS: BELOW, behindDeg }
      const input = placed(c)
      const d = designed(designPhasing(input, k))
      expect(d.summary).toContain(`${phasingText(c, input.spareA, rad(behindDeg), k)}. Total `)
      expect(d.burns.map((b) => b.what)).toEqual([
        `raise the opposite apsis to ${alt(SLOT_A)} at once`,
        expect.stringMatching(
          new RegExp(`^end the transfer in a \\d+\\.\\d km × ${alt(SLOT_A)} phasing orbit$`),
        ),
        `circularise in the slot at ${alt(SLOT_A)}`,
      ])
      expectFlown(d, c, input.spareA, rad(behindDeg), k)
    },
  )

  it.each([
    // From below, the transfer ends with a prograde burn; catching up subtracts from it.
    ['a spare from below arriving 175° ahead catches up 185°', BELOW, -175, 185],
    // From above it ends with a retrograde one; falling back subtracts from that.
    ['a spare from above arriving 175° behind falls back 185°', ABOVE, 175, -185],
    ['a spare from below arriving 90° ahead falls back 90°, not catching up 270°', BELOW, -90, -90],
  ])('the cheaper way round: %s', (_name, tofS, behindDeg, thetaDeg) => {
    const c = { targetA: SLOT_A, tofS, behindDeg }
    const input = placed(c)
    const other = thetaDeg > 0 ? thetaDeg - 360 : thetaDeg + 360
    // The textbook says which way is cheaper, by a clear margin.
    expect(
      cost(input.spareA, SLOT_A, rad(other), 20) - cost(input.spareA, SLOT_A, rad(thetaDeg), 20),
    ).toBeGreaterThan(5)
    const d = designed(designPhasing(input, 20))
    expect(d.summary).toContain(phasingText(c, input.spareA, rad(thetaDeg), 20))
    expect(d.burns[0].what).toBe(
      `${tofS === ABOVE ? 'lower' : 'raise'} the opposite apsis to ${alt(SLOT_A)} at once`,
    )
    expectFlown(d, c, input.spareA, rad(thetaDeg), 20)
  })
})

describe('more revolutions than asked', () => {
  const budget = budgetOf(20, 150)
  const more = (asked: number, b: number) =>
    ` (${asked} revolution${asked === 1 ? '' : 's'} would need a lower perigee or more than its ${b.toFixed(1)} m/s of propellant).`

  it('60° behind, 2 asked: the fewest revolutions whose catch-up orbit stays above 200 km', () => {
    const c = { targetA: SLOT_A, tofS: BELOW, behindDeg: 60 }
    const input = placed(c)
    const theta = rad(60)
    let k = 2
    while (!phasingOrbit(SLOT_A, theta, k)) k++
    expect(k).toBeGreaterThan(2)
    // Falling back 300° instead stays high but costs more than the spare carries, until then.
    for (let j = 2; j < k; j++)
      expect(cost(input.spareA, SLOT_A, theta - 2 * Math.PI, j)).toBeGreaterThan(budget)
    expect(cost(input.spareA, SLOT_A, theta, k)).toBeLessThan(budget)
    const d = designed(designPhasing(input, 2))
    expect(d.summary).toContain(`${phasingText(c, input.spareA, theta, k)}${more(2, budget)}`)
    expectFlown(d, c, input.spareA, theta, k)
  })

  it('10° behind, 1 asked, with too little propellant for it: 2 revolutions, and it says why', () => {
    const c = { targetA: SLOT_A, tofS: BELOW, behindDeg: 10 }
    const placedInput = placed(c)
    const theta = rad(10)
    const [c1, c2] = [cost(placedInput.spareA, SLOT_A, theta, 1), cost(placedInput.spareA, SLOT_A, theta, 2)]
    const kg = propellantFor(placedInput, (c1 + c2) / 2)
    const input = withPropellant(placedInput, kg)
    const d = designed(designPhasing(input, 1))
    expect(d.summary).toContain(
      `${phasingText(c, placedInput.spareA, theta, 2)}${more(1, budgetOf(kg, 150))}`,
    )
  })

  it.each([
    [10, 1],
    [10, 2],
    [60, 4],
    [-10, 1],
  ])(
    '%s° behind, %s asked, a budget just above its textbook cost: what is flown stays within the budget',
    (behindDeg, k) => {
      const c = { targetA: SLOT_A, tofS: BELOW, behindDeg }
      const placedInput = placed(c)
      const budget = cost(placedInput.spareA, SLOT_A, rad(behindDeg), k) + 0.01
      const input = withPropellant(placedInput, propellantFor(placedInput, budget))
      const d = designed(designPhasing(input, k))
      expect(d.dvTotal).toBeLessThanOrEqual(budget)
    },
  )

  it('when no revolution count fits the budget, the cheapest of them all is flown, and said to be over it', () => {
    const c = { targetA: SLOT_A, tofS: BELOW, behindDeg: 90 }
    const placedInput = placed(c)
    const kg = propellantFor(placedInput, 20)
    const input = withPropellant(placedInput, kg)
    const options = []
    for (let k = 3; k <= 18; k++) {
      for (const theta of [rad(90), rad(-270)])
        options.push({ k, theta, cost: cost(placedInput.spareA, SLOT_A, theta, k) })
    }
    const cheapest = options.reduce((m, o) => (o.cost < m.cost ? o : m))
    expect(cheapest.cost).toBeGreaterThan(20)
    const d = designed(designPhasing(input, 3))
    expect(d.summary).toContain(
      `${phasingText(c, placedInput.spareA, cheapest.theta, cheapest.k)}${more(3, budgetOf(kg, 150))}`,
    )
  })

  it('up to 15 more than asked: a slot at 250 km whose catch-up first clears 200 km at 16 revolutions', () => {
    const targetA = R_EARTH + 250e3
    const aMin = (targetA + MIN_PERIGEE) / 2
    // The largest gain over k revolutions whose orbit keeps its perigee at 200 km: 2πk(1 − (aMin/a)^1.5).
    const gain = (k: number) => 2 * Math.PI * k * (1 - (aMin / targetA) ** 1.5)
    const behind = (gain(15) + gain(16)) / 2 / DEG
    const c = { targetA, tofS: 2750, behindDeg: behind }
    const input = placed(c)
    expect(phasingOrbit(targetA, rad(behind), 15)).toBeNull()
    for (let k = 1; k <= 16; k++) {
      expect(cost(input.spareA, targetA, rad(behind) - 2 * Math.PI, k)).toBeGreaterThan(budgetOf(20, 150))
    }
    const d = designed(designPhasing(input, 1))
    expect(d.summary).toContain(`over 16 revolutions lets it catch up ${behind.toFixed(2)}°`)
  })
})

describe('no phasing orbit at all', () => {
  it('a slot below 200 km is skipped: no phasing orbit above 200 km within the asked revolutions + 15', () => {
    const input = coplanarInput({
      spareA: R_EARTH + 300e3,
      targetA: R_EARTH + 190e3,
      spareM0Deg: 40,
      stepS: STEP,
    })
    expect(designPhasing(input, 3)).toEqual({
      skip: 'finds no phasing orbit above 200.0 km within 18 revolutions',
    })
  })
})

describe('a plane trim at the end', () => {
  it('without J2, planes 1° apart at the node get a trim, told as a sentence of its own', () => {
    const c = { targetA: SLOT_A, tofS: BELOW, behindDeg: 10 }
    const base = placed(c)
    const tilted = {
      ...base,
      spareOrbit: { ...base.spareOrbit, el: { ...base.spareOrbit.el, raan: 1 * DEG } },
    }
    const i = 53 * DEG
    const theta = Math.acos(Math.cos(i) ** 2 + Math.sin(i) ** 2 * Math.cos(1 * DEG))
    const d = designed(designPhasing(tilted, 1))
    expect(d.burns).toHaveLength(4)
    expect(d.summary).toContain(
      `. No J2 in this run, but the planes are ${((theta * 180) / Math.PI).toFixed(2)}° apart`,
    )
  })
})
