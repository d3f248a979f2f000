// `npm run bench -- --json`, as the README documents it, must select every group, not read
// "--json" as a group name.

import { describe, expect, it } from 'vitest'
import { parseBenchArgs } from '../../bench/args'

const GROUPS = ['engine', 'assignment', 'planners']

describe('bench arguments', () => {
  it('--json alone runs every group as JSON', () => {
    expect(parseBenchArgs(['--json'], GROUPS)).toEqual({ json: true, groups: GROUPS })
  })

  it('--only picks groups, in either spelling, with or without --json', () => {
    expect(parseBenchArgs(['--only', 'engine,planners', '--json'], GROUPS)).toEqual({
      json: true,
      groups: ['engine', 'planners'],
    })
    expect(parseBenchArgs(['--only=assignment'], GROUPS)).toEqual({ json: false, groups: ['assignment'] })
  })

  it('refuses unknown groups and unknown flags', () => {
    expect(() => parseBenchArgs(['--only', 'gpu'], GROUPS)).toThrow(
      'unknown group gpu (known: engine, assignment, planners)',
    )
    expect(() => parseBenchArgs(['--jsno'], GROUPS)).toThrow(/Unknown option '--jsno'/)
  })
})
