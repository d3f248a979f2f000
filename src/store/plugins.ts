// Loading a user's planner file: read it (size checked first), have the inspector load and
// describe it in a worker of its own, then list it — or show why not in the same error panel as
// a scenario that failed to load. Nothing running is touched either way.

import type { Inspect } from '../worker/plugins/inspect-client'
import type { ModuleIssue } from '../worker/plugins/inspect-protocol'
import { MAX_MODULE_BYTES, moduleExtension } from '../worker/plugins/limits'
import { type AppStore, pushMessage } from './appStore'
import { addModule, type PlannerStore } from './plannerStore'

export interface PluginDeps {
  app: AppStore
  planners: PlannerStore
  inspect: Inspect
}

/** What is needed of a File (a fake in tests). */
export interface FileLike {
  name: string
  size: number
  text(): Promise<string>
}

/** Shows why a module was refused in the scenario error panel (closing the dialog over it). */
function showIssues({ app, planners }: PluginDeps, file: string, issues: ModuleIssue[]): void {
  planners.setState({ editorOpen: false })
  app.setState({
    loadIssues: {
      file,
      issues: issues.map((i) => ({ file, path: '', message: i.message, line: i.line, column: i.column })),
    },
  })
}

/** True for the file names the planner loader takes (.js, .mjs, .ts). */
export function isPlannerFile(name: string): boolean {
  return moduleExtension(name) !== null
}

/** Loads the built-in catalog once (the editor lists it). */
export async function loadCatalog(deps: PluginDeps): Promise<void> {
  if (deps.planners.getState().builtIns) return
  const answer = await deps.inspect({ type: 'catalog' })
  if (answer.type === 'planners') deps.planners.setState({ builtIns: answer.planners })
  else
    pushMessage(deps.app, 'error', `The built-in planners could not be listed: ${answer.issues[0]?.message}`)
}

/** Checks and lists a user's planner module; resolves when it is listed or refused. */
export async function loadPlannerFile(deps: PluginDeps, file: FileLike): Promise<void> {
  const { app, planners } = deps
  if (file.size > MAX_MODULE_BYTES)
    return showIssues(deps, file.name, [
      {
        message: `expected a module of at most ${MAX_MODULE_BYTES / 1024} KB, got ${(file.size / 1024).toFixed(0)} KB`,
      },
    ])
  let text: string
  try {
    text = await file.text()
  } catch {
    return showIssues(deps, file.name, [{ message: 'the file could not be read' }])
  }
  planners.setState({ checking: file.name })
  try {
    await loadCatalog(deps)
    const answer = await deps.inspect({ type: 'inspect', text, file: file.name })
    if (answer.type === 'refused') return showIssues(deps, file.name, answer.issues)
    const problem = addModule(planners, { file: file.name, text, planners: answer.planners })
    if (problem) return showIssues(deps, file.name, [{ message: problem }])
    if (app.getState().loadIssues?.file === file.name) app.setState({ loadIssues: null })
    // The dialog lists it and offers the editor at once (a note would sit over the view).
    planners.setState({ editorOpen: true })
  } finally {
    planners.setState({ checking: null })
  }
}
