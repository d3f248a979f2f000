import { describe, expect, it } from 'vitest'
import { FILE, problems, variant } from './helpers'

// Each message names the file, the JSON path, what was expected and what was found.

describe('a field with a bad value', () => {
  it('names the range an integer must be in', () => {
    const raw = variant((r) => {
      r.constellation.walker.planes = 0
    })
    expect(problems(raw)).toEqual([`${FILE}: constellation.walker.planes: expected an integer ≥ 1, got 0`])
  })

  it('names both ends of a closed range', () => {
    const raw = variant((r) => {
      r.groundStations[1].latDeg = 123
    })
    expect(problems(raw)).toEqual([
      `${FILE}: groundStations[1].latDeg: expected a number from -90 to 90, got 123`,
    ])
  })

  it('says the same thing whether the type or the range is wrong', () => {
    const raw = variant((r) => {
      r.groundStations[0].latDeg = '78.2'
      r.groundStations[1].latDeg = -91
    })
    expect(problems(raw)).toEqual([
      `${FILE}: groundStations[0].latDeg: expected a number from -90 to 90, got "78.2"`,
      `${FILE}: groundStations[1].latDeg: expected a number from -90 to 90, got -91`,
    ])
  })

  it('rejects a fraction where an integer is needed', () => {
    const raw = variant((r) => {
      r.seed = 1.5
      r.tasks[0].priority = 11
    })
    expect(problems(raw)).toEqual([
      `${FILE}: seed: expected an integer from 0 to 4294967295, got 1.5`,
      `${FILE}: tasks[0].priority: expected an integer from 1 to 10, got 11`,
    ])
  })

  it('says "got nothing" for a missing required key', () => {
    const raw = variant((r) => {
      delete r.title
      delete r.tasks[0].dataMb
    })
    expect(problems(raw)).toEqual([
      `${FILE}: tasks[0].dataMb: expected a number > 0 and ≤ 1000000, got nothing`,
      `${FILE}: title: expected a title (1–200 characters), got nothing`,
    ])
  })

  it('explains durations, epochs and booleans by example', () => {
    const raw = variant((r) => {
      r.epoch = '2026-02-30T00:00:00Z'
      r.duration = '1 day'
      r.step = -30
      r.j2 = 'yes'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: epoch: ` +
        `expected an ISO-8601 UTC time such as "2026-03-20T00:00:00Z", got "2026-02-30T00:00:00Z"`,
      `${FILE}: duration: ` +
        `expected a duration > 0 and at most 366d ` +
        `such as "90s", "45m", "1h30m", "2d" or a number of seconds, got "1 day"`,
      `${FILE}: step: ` +
        `expected a duration of at least 0.1s such as "90s", "45m", "1h30m", "2d" or a number of seconds, got -30`,
      `${FILE}: j2: expected true or false, got "yes"`,
    ])
  })

  it('lists the allowed values of an enumeration, with a suggestion for a near miss', () => {
    const raw = variant((r) => {
      r.events[0].component = 'reactionwheel'
      r.constellation.walker.pattern = 'hexagon'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.pattern: expected one of "delta", "star", got "hexagon"`,
      `${FILE}: events[0].component: ` +
        `expected one of "reactionWheel", "battery", "thruster"` +
        `, got "reactionwheel" (did you mean "reactionWheel"?)`,
    ])
  })

  it('lists the event types when the type is unknown or missing', () => {
    const raw = variant((r) => {
      r.events[0].type = 'stationOutgae'
      delete r.events[1].type
    })
    const types = '"degradation", "failure", "stationOutage", "solarStorm", "taskBurst", "conjunction"'
    expect(problems(raw)).toEqual([
      `${FILE}: events[0].type: ` +
        `expected one of ${types}, got "stationOutgae" (did you mean "stationOutage"?)`,
      `${FILE}: events[1].type: expected one of ${types}, got nothing`,
    ])
  })

  it('truncates a long found value', () => {
    const raw = variant((r) => {
      r.title = 'x'.repeat(300)
    })
    const [line] = problems(raw)
    expect(line.startsWith(`${FILE}: title: expected a title (1–200 characters), got "xxx`)).toBe(true)
    expect(line.endsWith('…"')).toBe(true)
    expect(line.length).toBeLessThan(200)
  })
})

describe('unknown keys', () => {
  it('suggests the known key a typo is closest to', () => {
    const raw = variant((r) => {
      r.tasks[0].windw = r.tasks[0].window
      delete r.tasks[0].window
    })
    // A key the file lacks sorts after the keys it has.
    expect(problems(raw)).toEqual([
      `${FILE}: tasks[0].windw: unknown key (did you mean "window"?)`,
      `${FILE}: tasks[0].window: expected a window ["start", "end"]: two times after the epoch, got nothing`,
    ])
  })

  it('gives each unknown key its own line, and no suggestion when nothing is close', () => {
    const raw = variant((r) => {
      r.colour = 'red'
      r.constellation.walker.altitudeKn = 550
      delete r.constellation.walker.altitudeKm
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.altitudeKn: unknown key (did you mean "altitudeKm"?)`,
      `${FILE}: constellation.walker.altitudeKm: expected a number > 0 and ≤ 1000000, got nothing`,
      `${FILE}: colour: unknown key`,
    ])
  })

  it('applies inside variants of a union (an event) and deep inside (a bus)', () => {
    const raw = variant((r) => {
      r.events[1].duration = '3h'
      r.bus = { batteryWH: 1000 }
    })
    expect(problems(raw)).toEqual([
      `${FILE}: events[1].duration: unknown key`,
      `${FILE}: bus.batteryWH: unknown key (did you mean "batteryWh"?)`,
    ])
  })

  it('quotes keys that are not identifiers in the path', () => {
    const raw = variant((r) => {
      r.strategies.baseline['max speed'] = 1
    })
    expect(problems(raw)).toEqual([`${FILE}: strategies.baseline["max speed"]: unknown key`])
  })
})

describe('all problems at once, in file order', () => {
  it('reports unrelated problems from every part of the file together', () => {
    const raw = variant((r) => {
      r.tasks[0].priority = 0
      r.seed = -1
      r.events[0].satellite = 'P9-S9'
      r.constellation.walker.inclinationDeg = 200
      r.groundStations[0].minElevationDeg = 90
    })
    expect(problems(raw)).toEqual([
      `${FILE}: seed: expected an integer from 0 to 4294967295, got -1`,
      `${FILE}: constellation.walker.inclinationDeg: expected a number from 0 to 180, got 200`,
      `${FILE}: groundStations[0].minElevationDeg: expected a number ≥ 0 and < 90, got 90`,
      `${FILE}: tasks[0].priority: expected an integer from 1 to 10, got 0`,
      `${FILE}: events[0].satellite: expected the id of a satellite (P1-S1 … P3-S8, SPARE-1), got "P9-S9"`,
    ])
  })

  it('opens up a walker union when a field of the object form has the wrong type', () => {
    const raw = variant((r) => {
      r.constellation.walker.inclinationDeg = 'steep'
      r.constellation.walker.pattern = 'dleta'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: constellation.walker.pattern: ` +
        `expected one of "delta", "star", got "dleta" (did you mean "delta"?)`,
      `${FILE}: constellation.walker.inclinationDeg: expected a number from 0 to 180, got "steep"`,
    ])
  })
})

describe('the document as a whole', () => {
  it('rejects a value that is not an object', () => {
    expect(problems(null)).toEqual([`${FILE}: expected a scenario: a JSON object, got null`])
    expect(problems([1, 2])).toEqual([`${FILE}: expected a scenario: a JSON object, got [1, 2]`])
    expect(problems('scenario')).toEqual([`${FILE}: expected a scenario: a JSON object, got "scenario"`])
  })

  it('lists every required key of an empty object', () => {
    expect(problems({}).map((line) => line.split(':')[1].trim())).toEqual([
      'formatVersion',
      'id',
      'title',
      'epoch',
      'duration',
      'step',
      'seed',
      'constellation',
      'strategies',
    ])
  })
})
