// Agents as planners: any program that speaks the agent protocol (protocol.ts) plans behind the
// isolation host. A runner provides the process (an AgentLink: Node spawns it in src/cli/agent).

export { type AgentLink, agentGuest, agentManifest, type StartAgent, withStderr } from './adapter'
export * from './protocol'
export { answerQuery } from './query'
export { viewJson } from './view-json'
