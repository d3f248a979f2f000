// A user's planner module, from the text of its file to planner objects, in the browser. The
// text is untrusted code: it is compiled with sucrase (TypeScript and ES modules → CommonJS) and
// evaluated with a `require` that offers only the app's own zod, so a module cannot reach into
// the app's other code; it runs only inside a Web Worker made for it, which the app terminates
// when it does not answer in time. Everything that can go wrong — a file too large, a syntax
// error, an import other than zod, a throw while loading, a default export that is not a
// planner — comes back as issues in words, with the line and column where there is one.
//
// The CLI loads a module with Node's own `import`; both check the result with `plannerProblems`
// (src/planners/plugin-check.ts), so the app and the CLI refuse a module with the same words.

import { transform } from 'sucrase'
import * as zod from 'zod'
import type { AnyPlanner } from '../../planners'
import { plannerProblems } from '../../planners/plugin-check'
import { MAX_MODULE_BYTES, MAX_PLANNERS_PER_MODULE, MODULE_EXTENSIONS, moduleExtension } from './limits'

export { MAX_MODULE_BYTES, MAX_PLANNERS_PER_MODULE, MODULE_EXTENSIONS, moduleExtension } from './limits'

export interface ModuleIssue {
  message: string
  /** 1-based, for syntax errors. */
  line?: number
  column?: number
}

export type Refusal = { ok: false; issues: ModuleIssue[] }
export type ModuleLoad = { ok: true; planners: AnyPlanner[] } | Refusal
export type ModuleRun = { ok: true; exported: unknown } | Refusal

/** The module specifiers a planner may import, and what each gives it. */
const ALLOWED_IMPORTS: Record<string, unknown> = { zod, 'zod/v4': zod }

function refuse(message: string, where: { line?: number; column?: number } = {}): Refusal {
  return { ok: false, issues: [{ message, ...where }] }
}

/** Words for a thrown value that may itself be hostile (a getter that throws, a Proxy…). */
export function thrownText(err: unknown): string {
  try {
    if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`
    return String(err)
  } catch {
    return 'a value that cannot be printed'
  }
}

function requireShim(specifier: string): unknown {
  if (Object.hasOwn(ALLOWED_IMPORTS, specifier)) return ALLOWED_IMPORTS[specifier]
  throw new Error(
    `it imports "${specifier}": a planner module loaded in the app may import only "zod"; put everything else it needs into the file itself`,
  )
}

/** Compiles the text to CommonJS; a syntax error becomes an issue with its position. */
function compile(text: string, file: string, typescript: boolean): string | Refusal {
  try {
    return transform(text, {
      transforms: typescript ? ['typescript', 'imports'] : ['imports'],
      filePath: file,
      production: true,
    }).code
  } catch (err) {
    const loc = (err as { loc?: { line?: unknown; column?: unknown } }).loc
    const line = typeof loc?.line === 'number' ? loc.line : undefined
    const column = typeof loc?.column === 'number' ? loc.column : undefined
    const why = thrownText(err)
      .replace(/^SyntaxError: /, '')
      .replace(/^Error transforming [^:]*: /, '')
      .replace(/ \(\d+:\d+\)$/, '')
    return refuse(`syntax error: ${why}`, { line, column })
  }
}

/** What the module exports as its planner(s), the same three names the CLI accepts. */
function exported(exports: Record<string, unknown>): unknown {
  for (const name of ['default', 'planner', 'planners']) {
    const value = exports[name]
    if (value !== undefined) return value
  }
  return undefined
}

/**
 * Runs a module's text and returns what it exports as its planner(s), unchecked. Call it only
 * where the module may run (a Web Worker of its own, or a test): this runs the user's code.
 */
export function evaluatePlannerModule(text: string, file: string): ModuleRun {
  const ext = moduleExtension(file)
  if (!ext) return refuse(`expected a planner module ending in ${MODULE_EXTENSIONS.join(', ')}`)
  if (text.length > MAX_MODULE_BYTES)
    return refuse(
      `expected a module of at most ${MAX_MODULE_BYTES / 1024} KB, got ${(text.length / 1024).toFixed(0)} KB`,
    )
  const code = compile(text, file, ext === '.ts')
  if (typeof code !== 'string') return code
  const module = { exports: {} as Record<string, unknown> }
  let value: unknown
  try {
    // The module's own scope: CommonJS's three names, nothing of the app's.
    new Function('exports', 'require', 'module', code)(module.exports, requireShim, module)
    value = exported(module.exports)
  } catch (err) {
    const text = thrownText(err)
    if (text.includes('may import only "zod"')) return refuse(text)
    if (err instanceof SyntaxError) return refuse(`syntax error: ${err.message}`)
    return refuse(`threw while loading: ${text}`)
  }
  return { ok: true, exported: value }
}

/** Runs a module's text (see evaluatePlannerModule) and checks that it exports planners. */
export function loadPlannerModule(text: string, file: string): ModuleLoad {
  const run = evaluatePlannerModule(text, file)
  if (!run.ok) return run
  const value = run.exported
  if (value === undefined) return refuse("export the planner as the module's default export")
  let list: unknown[]
  try {
    list = Array.isArray(value) ? [...value] : [value]
  } catch (err) {
    return refuse(`its export cannot be read: ${thrownText(err)}`)
  }
  if (list.length === 0) return refuse('it exports an empty list of planners')
  if (list.length > MAX_PLANNERS_PER_MODULE)
    return refuse(`expected at most ${MAX_PLANNERS_PER_MODULE} planners in one module, got ${list.length}`)
  const issues: ModuleIssue[] = []
  for (const [k, p] of list.entries()) {
    const where = list.length > 1 ? `planner [${k}]: ` : ''
    let problems: string[]
    try {
      problems = plannerProblems(p)
      const x = p as AnyPlanner
      if (!problems.length && !x.id.startsWith(`${x.kind}/`))
        problems.push(`id: expected "${x.kind}/<name>" for a ${x.kind} planner, got "${x.id}"`)
    } catch (err) {
      problems = [`it cannot be read: ${thrownText(err)}`]
    }
    for (const m of problems) issues.push({ message: `${where}${m}` })
  }
  if (issues.length) return { ok: false, issues }
  return { ok: true, planners: list as AnyPlanner[] }
}
