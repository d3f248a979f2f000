import { describe, expect, it } from 'vitest'
import { FILE, ISS_LINE_1, ISS_LINE_2, load, problems, variant } from './helpers'

const PLANNERS = {
  trajectory: ['hohmann', 'phasing'],
  allocation: ['greedy-priority', 'optimal'],
  maintenance: ['threshold', 'trend'],
}

describe('references between parts of the file', () => {
  it('names the satellites that exist when an event names one that does not', () => {
    const raw = variant((r) => {
      r.events[0].satellite = 'P9-S9'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[0].satellite: expected the id of a satellite (P1-S1 … P3-S8, SPARE-1), got "P9-S9"`,
    ])
  })

  it('suggests a station when the name is a near miss', () => {
    const raw = variant((r) => {
      r.events[1].station = 'svalbrd'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[1].station: ` +
        `expected the id of a ground station (svalbard, fairbanks)` +
        `, got "svalbrd" (did you mean "svalbard"?)`,
    ])
  })

  it('gives no suggestion when several ids are equally close', () => {
    const raw = variant((r) => {
      r.events[0].satellite = 'P1-S9'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[0].satellite: expected the id of a satellite (P1-S1 … P3-S8, SPARE-1), got "P1-S9"`,
    ])
  })

  it('judges a reference even when the same event has other problems', () => {
    const raw = variant((r) => {
      r.events[0].satellite = 'P9-S9'
      r.events[0].component = 'wheel'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[0].satellite: expected the id of a satellite (P1-S1 … P3-S8, SPARE-1), got "P9-S9"`,
      `${FILE}: events[0].component: expected one of "reactionWheel", "battery", "thruster", got "wheel"`,
    ])
  })

  it('does not guess at references while the satellites themselves cannot be known', () => {
    const raw = variant((r) => {
      r.constellation.walker.satellites = 'many'
      r.events[0].satellite = 'P9-S9'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.satellites: expected an integer from 1 to 100000, got "many"`,
    ])
  })

  it('knows satellites from every source: walker, explicit and TLE', () => {
    const raw = variant((r) => {
      r.constellation.tle = ['ISS (ZARYA)', ISS_LINE_1, ISS_LINE_2]
      r.events.push({ at: '1h', type: 'failure', satellite: 'ISS (ZARYA)', component: 'battery' })
      r.events.push({ at: '1h', type: 'failure', satellite: 'SPARE-1', component: 'thruster' })
      r.events.push({ at: '1h', type: 'failure', satellite: 'P3-S8', component: 'battery' })
    })
    expect(load(raw).events.map((e) => ('satellite' in e ? e.satellite : e.type))).toEqual([
      'P1-S3',
      'stationOutage',
      'ISS (ZARYA)',
      'SPARE-1',
      'P3-S8',
    ])
  })
})

describe('duplicate ids', () => {
  it('rejects a satellite id used twice, pointing at the first use', () => {
    const raw = variant((r) => {
      r.constellation.satellites.push({ id: 'SPARE-1', elements: { altitudeKm: 500, inclinationDeg: 10 } })
      r.constellation.satellites.push({ id: 'P2-S4', elements: { altitudeKm: 500, inclinationDeg: 10 } })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.satellites[1].id: ` +
        `expected a unique satellite id, got "SPARE-1" (already used at constellation.satellites[0].id)`,
      `${FILE}: constellation.satellites[2].id: ` +
        `expected a unique satellite id, got "P2-S4" (already used at constellation.walker)`,
    ])
  })

  it('rejects a TLE whose name is already a satellite id', () => {
    const raw = variant((r) => {
      r.constellation.tle = ['SPARE-1', ISS_LINE_1, ISS_LINE_2]
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.tle[0]: ` +
        `expected a unique satellite id, got "SPARE-1" (already used at constellation.satellites[0].id)`,
    ])
  })

  it('rejects duplicate ground stations', () => {
    const raw = variant((r) => {
      r.groundStations.push({ id: 'svalbard', latDeg: 0, lonDeg: 0 })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: groundStations[2].id: ` +
        `expected a unique ground-station id, got "svalbard" (already used at groundStations[0].id)`,
    ])
  })

  it('rejects duplicate task ids, burst tasks included', () => {
    const task = { id: 'img-1', target: { latDeg: 0, lonDeg: 0 }, window: ['7h', '9h'], dataMb: 10 }
    const raw = variant((r) => {
      r.events.push({
        at: '6h',
        type: 'taskBurst',
        tasks: [task, { ...task, id: 'img-2' }, { ...task, id: 'img-2' }],
      })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[2].tasks[0].id: expected a unique task id, got "img-1" (already used at tasks[0].id)`,
      `${FILE}: events[2].tasks[2].id: ` +
        `expected a unique task id, got "img-2" (already used at events[2].tasks[1].id)`,
    ])
  })
})

describe('times', () => {
  it('wants a task window that starts before it ends', () => {
    const raw = variant((r) => {
      r.tasks[0].window = ['10h', '2h']
    })
    expect(problems(raw)).toEqual([
      `${FILE}: tasks[0].window[1]: expected an end after the start (10h), got 2h`,
    ])
  })

  it('wants task windows and event times inside the run', () => {
    const raw = variant((r) => {
      r.tasks[0].window = ['2h', '30h']
      r.events[1].at = '25h'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: tasks[0].window[1]: expected a time within the run's duration ("24h"), got "30h"`,
      `${FILE}: events[1].at: expected a time within the run's duration ("24h"), got "25h"`,
    ])
  })

  it('wants a conjunction after its warning and inside the run', () => {
    const conjunction = { at: '5h', type: 'conjunction', satellite: 'P1-S1', missDistanceKm: 0.05 }
    const raw = variant((r) => {
      r.events.push({ ...conjunction, tca: '4h' })
      r.events.push({ ...conjunction, tca: '2d' })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[2].tca: expected a time after "at" (5h), got 4h`,
      `${FILE}: events[3].tca: expected a time within the run's duration ("24h"), got "2d"`,
    ])
  })

  it('wants burst tasks to be servable after the burst arrives', () => {
    const raw = variant((r) => {
      r.events.push({
        at: '6h',
        type: 'taskBurst',
        tasks: [{ id: 'late', target: { latDeg: 0, lonDeg: 0 }, window: ['1h', '5h'], dataMb: 10 }],
      })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[2].tasks[0].window[1]: expected a time after the burst arrives (at 6h), got 5h`,
    ])
  })

  it('wants the step inside the run and cadences on the step grid', () => {
    const raw = variant((r) => {
      r.duration = '1h'
      r.step = '2h'
      r.tasks = []
      r.events = []
    })
    expect(problems(raw)).toEqual([
      `${FILE}: step: expected a step no longer than the duration ("1h"), got "2h"`,
    ])
    const offGrid = variant((r) => {
      r.step = '45s'
      r.sampleEvery = '3m'
    })
    // 10 min is not a multiple of 45 s, and plannerCadence was left at its default.
    expect(problems(offGrid)).toEqual([
      `${FILE}: plannerCadence: expected a whole multiple of step ("45s"), got the default "10m"`,
    ])
    const shorter = variant((r) => {
      r.plannerCadence = '10s'
    })
    expect(problems(shorter)).toEqual([
      `${FILE}: plannerCadence: expected a whole multiple of step ("30s"), got "10s"`,
    ])
  })
})

describe('walkers', () => {
  it('wants satellites divisible by planes and phasing below planes', () => {
    const raw = variant((r) => {
      r.constellation.walker.satellites = 25
      r.constellation.walker.phasing = 3
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.satellites: ` +
        `expected a multiple of planes (3) so that every plane gets the same number, got 25`,
      `${FILE}: constellation.walker.phasing: expected an integer from 0 to 2 (less than planes), got 3`,
    ])
  })

  it('wants a prefix on each of several walkers, and different prefixes', () => {
    const walker = {
      pattern: 'star',
      inclinationDeg: 87,
      satellites: 6,
      planes: 2,
      phasing: 0,
      altitudeKm: 700,
    }
    const unprefixed = variant((r) => {
      r.constellation.walker = [walker, { ...walker, prefix: 'B' }]
    })
    expect(problems(unprefixed)).toEqual([
      `${FILE}: constellation.walker[0].prefix: ` +
        `expected a prefix of 1–8 letters or digits such as "A" (needed when there are several walkers)` +
        `, got nothing`,
    ])
    const clashing = variant((r) => {
      r.constellation.walker = [
        { ...walker, prefix: 'A' },
        { ...walker, prefix: 'A' },
      ]
      r.events = []
    })
    expect(problems(clashing)).toEqual([
      `${FILE}: constellation.walker[1].prefix: ` +
        `expected a prefix no other walker uses, got "A" (constellation.walker[0] also makes "A-P1-S1")`,
    ])
  })
})

describe('orbital elements', () => {
  it('wants exactly one of semiMajorAxisKm and altitudeKm', () => {
    const raw = variant((r) => {
      r.constellation.satellites[0].elements = { inclinationDeg: 10 }
      r.constellation.satellites.push({
        id: 'S2',
        elements: { inclinationDeg: 10, altitudeKm: 500, semiMajorAxisKm: 7000 },
      })
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.satellites[0].elements.semiMajorAxisKm: ` +
        `expected semiMajorAxisKm (or altitudeKm instead), got nothing`,
      `${FILE}: constellation.satellites[1].elements: expected semiMajorAxisKm or altitudeKm, got both`,
    ])
  })

  it('wants the perigee above the ground', () => {
    const raw = variant((r) => {
      r.constellation.satellites[0].elements = {
        semiMajorAxisKm: 7000,
        eccentricity: 0.1,
        inclinationDeg: 10,
      }
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.satellites[0].elements.eccentricity: ` +
        'expected an orbit whose perigee is at least 150 km above the Earth, ' +
        'got a perigee 78.1 km below the surface (the orbit passes inside the Earth)',
    ])
  })

  it('refuses a perigee below 150 km and says why: there is no atmosphere model', () => {
    const raw = variant((r) => {
      r.constellation.satellites[0].elements = { altitudeKm: 1, inclinationDeg: 10 }
      r.constellation.satellites.push({
        id: 'LOW-2',
        elements: { semiMajorAxisKm: 7000, eccentricity: 0.08, inclinationDeg: 10 },
      })
      r.constellation.walker.altitudeKm = 149.9
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.altitudeKm: expected a perigee at least 150 km above the Earth, ` +
        'got 149.9 km: the sandbox has no atmosphere model, and a real orbit this low re-enters within hours',
      `${FILE}: constellation.satellites[0].elements.altitudeKm: expected a perigee at least 150 km above ` +
        'the Earth, got 1.0 km: the sandbox has no atmosphere model, and a real orbit this low re-enters within hours',
      `${FILE}: constellation.satellites[1].elements.eccentricity: expected a perigee at least 150 km above ` +
        'the Earth, got 61.9 km: the sandbox has no atmosphere model, and a real orbit this low re-enters within hours',
    ])
    const ok = variant((r) => {
      r.constellation.satellites[0].elements = { altitudeKm: 150, inclinationDeg: 10 }
    })
    expect(load(ok).satellites.find((s) => s.id === 'SPARE-1')?.orbit).toMatchObject({
      kind: 'kepler',
      elements: { a: 6528137 },
    })
  })
})

describe('whole-file rules', () => {
  it('wants at least one satellite', () => {
    const raw = variant((r) => {
      r.constellation = {}
      r.events = []
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation: ` +
        `expected at least one satellite (from "walker", "satellites", "tle" or "omm"), got none`,
    ])
  })

  it('wants at least one strategy, with a name that cannot be reordered', () => {
    expect(
      problems(
        variant((r) => {
          r.strategies = {}
        }),
      ),
    ).toEqual([
      `${FILE}: strategies: ` +
        `expected at least one strategy, such as {"baseline": {"allocation": "greedy-priority"}}, got {}`,
    ])
    expect(
      problems(
        variant((r) => {
          r.strategies['2'] = {}
        }),
      ),
    ).toEqual([
      `${FILE}: strategies["2"]: ` +
        `expected a strategy name (a letter, then letters, digits, "-" or "_"; at most 40), got "2"`,
    ])
  })
})

describe('planner ids, when the caller knows them', () => {
  it('rejects an unknown planner and lists the known ones', () => {
    const raw = variant((r) => {
      r.strategies.baseline.allocation = 'greedy'
      r.strategies.other = { trajectory: 'homann' }
    })
    expect(problems(raw, { knownPlanners: PLANNERS })).toEqual([
      `${FILE}: strategies.baseline.allocation: ` +
        `expected a known allocation planner ("greedy-priority", "optimal"), got "greedy"`,
      `${FILE}: strategies.other.trajectory: ` +
        `expected a known trajectory planner ("hohmann", "phasing"), got "homann" (did you mean "hohmann"?)`,
    ])
  })

  it('accepts any well-formed id when no list is given', () => {
    const raw = variant((r) => {
      r.strategies.baseline.allocation = 'greedy'
    })
    expect(load(raw).strategies[0].allocation).toBe('greedy')
  })
})
