// A file dropped on the page or picked with "Open file…": planner modules (.js, .mjs, .ts) go
// to the planner loader, everything else to the scenario loader, which names what it expected.

import { isPlannerFile, loadPlannerFile, type PluginDeps } from '../../store/plugins'
import type { Session } from '../../store/session'
import { openLocalFile } from '../TopBar'

export function openAnyFile(session: Session, deps: PluginDeps, file: File): Promise<void> {
  return isPlannerFile(file.name) ? loadPlannerFile(deps, file) : openLocalFile(session, file)
}
