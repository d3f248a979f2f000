// Agents as planners: any program that speaks the agent protocol (protocol.ts) plans behind the
// isolation host. A runner provides the process (an AgentLink: Node spawns it in src/cli/agent).
// Recordings of agent runs (recording.ts) replay in the CLI and in the app alike.

export { type AgentLink, agentGuest, agentManifest, type StartAgent, withStderr } from './adapter'
export { agentProtocolJsonSchema } from './json-schema'
export { type ImagingOpportunity, imagingOpportunities, type Opportunities } from './opportunities'
export * from './protocol'
export { answerQuery } from './query'
export {
  parseRecording,
  RECORDING_VERSION,
  type RecordedCall,
  type Recording,
  type RecordingHeader,
  type RecordingIssue,
  recordedCallSchema,
  recordingHeaderSchema,
} from './recording-format'
export { type ReplayOptions, recordingPlanner, replayPlanners } from './replay'
export * from './serve-protocol'
export { viewJson } from './view-json'
