// The simulation worker is told of the user's strategies as they change, with the text of only
// the modules each one uses, and again after a restart (a new worker knows nothing).

import { describe, expect, it } from 'vitest'
import { addModule, createPlannerStore, saveStrategy } from '../../src/store/plannerStore'
import { syncUserStrategies } from '../../src/store/plugin-sync'
import { createSession, type SimPortLike } from '../../src/store/session'
import type { ToWorker } from '../../src/worker/protocol'

const planner = (id: string) => ({
  id,
  kind: 'allocation' as const,
  label: id,
  description: '',
  triggers: [],
  params: null,
  defaults: {},
})

describe('syncUserStrategies', () => {
  it('sends each strategy with the modules it uses, and sends them again to a restarted worker', () => {
    const sent: ToWorker[][] = []
    const start = (): SimPortLike => {
      const mine: ToWorker[] = []
      sent.push(mine)
      return { post: (m) => mine.push(m), listen: () => {}, terminate: () => {} }
    }
    const session = createSession(start)
    const planners = createPlannerStore({ builtIns: [] })
    const stop = syncUserStrategies(session, planners)
    addModule(planners, { file: 'a.js', text: 'A', planners: [planner('allocation/a')] })
    addModule(planners, { file: 'b.js', text: 'B', planners: [planner('allocation/b')] })
    saveStrategy(planners, { name: 'mine', planners: { allocation: 'allocation/b' }, params: {} }, [])
    const told = sent[0].filter((m) => m.type === 'userStrategies').at(-1)
    expect(told).toMatchObject({
      type: 'userStrategies',
      strategies: [
        {
          name: 'mine',
          planners: { allocation: 'allocation/b' },
          modules: [{ file: 'b.js', text: 'B', planners: [{ id: 'allocation/b', triggers: [] }] }],
        },
      ],
    })
    session.restart()
    expect(sent[1][0]).toEqual(told)
    stop()
    session.dispose()
  })
})
