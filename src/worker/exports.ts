// The Export menu's run exports, worker side: the current scenario's whole run for one strategy
// at the run's seed, formatted by core/export exactly as the CLI formats it. It runs the engine
// afresh (the shown engines keep their time), synchronously: a day of the default scenario takes
// about a second; the answer says what went wrong instead of throwing.

// Straight from the module, not the core's index: so the formatters go into this file's chunk.
import { exportRun, RUN_EXPORT_FORMATS } from '../core/export/run-export'
import type { PlannerRegistry } from '../planners/registry'
import type { ExportedMessage, RunExportFormat } from './protocol'
import { errorText, type Run } from './run'

export function runExport(
  run: Run | null,
  planners: PlannerRegistry,
  id: number,
  format: RunExportFormat,
  strategyName: string,
): ExportedMessage {
  if (!run) return { type: 'exported', id, ok: false, message: 'Nothing is loaded to export.' }
  if (!RUN_EXPORT_FORMATS.includes(format))
    return { type: 'exported', id, ok: false, message: `Unknown export format "${String(format)}".` }
  const strategy = run.spec.strategies.find((s) => s.name === strategyName)
  if (!strategy)
    return {
      type: 'exported',
      id,
      ok: false,
      message: `Scenario ${run.spec.id} has no strategy "${strategyName}".`,
    }
  const bound = planners.bind(strategy)
  if (bound.problems.length > 0) return { type: 'exported', id, ok: false, message: bound.problems.join(' ') }
  try {
    const file = exportRun(run.spec, strategy.name, bound.planners, run.seed, format)
    return { type: 'exported', id, ok: true, ...file }
  } catch (err) {
    return { type: 'exported', id, ok: false, message: `The export failed: ${errorText(err)}` }
  }
}
