// What a planner module file may be, stated once for the page (which checks before reading a
// file) and the loader (which checks again in the worker). No imports: the page's bundle takes
// these without the compiler or zod.

/** File types a planner module may have. */
export const MODULE_EXTENSIONS = ['.js', '.mjs', '.ts'] as const
/** Largest module accepted, bytes of text: a planner is a page or two of code. */
export const MAX_MODULE_BYTES = 512 * 1024
/** Most planners one module may export (as a list). */
export const MAX_PLANNERS_PER_MODULE = 12

/** The extension the module loader accepts for this file name, or null. */
export function moduleExtension(file: string): (typeof MODULE_EXTENSIONS)[number] | null {
  const lower = file.toLowerCase()
  return MODULE_EXTENSIONS.find((ext) => lower.endsWith(ext)) ?? null
}
