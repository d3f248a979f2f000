// A file dropped on the page or picked with "Open file…": planner modules (.js, .mjs, .ts) go
// to the planner loader, recordings of agent runs (.jsonl) to the recording loader, everything
// else to the scenario loader, which names what it expected.

import { isPlannerFile, loadPlannerFile, type PluginDeps } from '../../store/plugins'
import { isRecordingFile, loadRecordingFile } from '../../store/recordings'
import type { Session } from '../../store/session'
import { openLocalFile } from '../TopBar'

export function openAnyFile(session: Session, deps: PluginDeps, file: File): Promise<void> {
  if (isPlannerFile(file.name)) return loadPlannerFile(deps, file)
  if (isRecordingFile(file.name)) return loadRecordingFile({ session, planners: deps.planners }, file)
  return openLocalFile(session, file)
}
