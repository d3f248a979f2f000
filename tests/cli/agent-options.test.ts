// --agent, --record and --replay as the command line gives them: what is refused, and how.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agentId, parseAgents, strategyWithAgents } from '../../src/cli/agent/options'
import { agentRunOptions } from '../../src/cli/agent/run-setup'

describe('--agent', () => {
  it('reads KIND=COMMAND, the command kept whole', () => {
    expect(parseAgents(['allocation=python3 a.py --x=1'])).toEqual([
      { kind: 'allocation', command: 'python3 a.py --x=1' },
    ])
  })

  it('refuses an unknown kind, a missing command and two agents for one kind', () => {
    expect(() => parseAgents(['steering=x'])).toThrow(/--agent: expected KIND="COMMAND" with KIND one of/)
    expect(() => parseAgents(['allocation='])).toThrow(/--agent: expected KIND="COMMAND"/)
    expect(() => parseAgents(['allocation=a', 'allocation=b'])).toThrow('--agent: two agents for allocation')
  })

  it('names the agent in the strategy it plays in', () => {
    const a = { kind: 'allocation' as const, command: 'node x.mjs' }
    expect(strategyWithAgents({ name: 's', allocation: 'greedy-priority', params: {} }, [a])).toEqual({
      name: 's',
      allocation: agentId(a),
      params: {},
    })
    expect(agentId(a)).toBe('agent:node x.mjs')
  })
})

describe('--record and --replay', () => {
  it('refuses --record without an agent and --replay beside one', () => {
    expect(() => agentRunOptions({ record: 'r.jsonl' })).toThrow('--record records agents: add --agent')
    expect(() => agentRunOptions({ replay: 'r.jsonl', agent: ['allocation=x'] })).toThrow(/leave out --agent/)
  })

  it('refuses a file that is not a recording, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-rec-')), 'r.jsonl')
    writeFileSync(file, '{"hello":1}\n')
    expect(() => agentRunOptions({ replay: file })).toThrow(
      `--replay: ${file}:1: not a recording of mission-sandbox/1`,
    )
    writeFileSync(file, 'nope\n')
    expect(() => agentRunOptions({ replay: file })).toThrow(`--replay: ${file}:1: not JSON ("nope")`)
  })
})
