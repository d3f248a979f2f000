// `sim serve --stdio` (issue 14): the Python example drives ten episodes through reset/step, and
// each episode's rewards add up to the value the engine reports at its end.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')

describe('sim serve --stdio', () => {
  it('runs the Python example’s ten episodes, rewards summing to the final value', () => {
    const r = spawnSync('python3', ['examples/agents/gym_episodes.py'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const episodes = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(episodes.map((e) => e.episode)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (const e of episodes) {
      expect(e.steps).toBeGreaterThan(0)
      expect(e.return).toBe(e.value)
    }
    expect(episodes.some((e) => e.value > 0)).toBe(true)
  }, 180_000)
})
