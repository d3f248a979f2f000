// Renders a found value for the "got …" half of an error message. The value is untrusted (a
// scenario file, a planner's decision) and may be huge, deeply nested or not JSON at all, so this
// never recurses past a small depth, never calls JSON.stringify on a container and always returns
// one short line. Numbers print as JavaScript writes them: NaN is NaN, not JSON's null.

const MAX_CHARS = 60
/** Longest echo of user text in any one message: longer text is cut with an ellipsis. */
export const MAX_ECHO_CHARS = 120

/** `text` cut to at most `max` characters, the last one an ellipsis when anything was cut. */
export function clip(text: string, max = MAX_ECHO_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
const MAX_DEPTH = 2
const MAX_ITEMS = 4

export function preview(value: unknown): string {
  const text = render(value, 0)
  if (text.length <= MAX_CHARS + 2) return text
  // Keep a string looking like one: cut inside the quotes.
  return typeof value === 'string' ? `${text.slice(0, MAX_CHARS)}…"` : `${text.slice(0, MAX_CHARS - 1)}…`
}

/** The one-line form every schema message takes: `expected <phrase>, got <found value>`. */
export function expectGot(phrase: string, found: unknown): string {
  return `expected ${phrase}, got ${preview(found)}`
}

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_CHARS ? `${value.slice(0, MAX_CHARS - 2)}…` : value)
    case 'number':
      // String() rather than JSON: JSON would print NaN and Infinity as null, which misleads.
      // (String(-0) is "0".)
      return String(value)
    case 'boolean':
      return String(value)
    case 'undefined':
      return 'nothing'
    case 'bigint':
      return `${value}n`
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) return renderArray(value, depth)
      return renderObject(value as Record<string, unknown>, depth)
    default:
      return `a ${typeof value}`
  }
}

function renderArray(items: unknown[], depth: number): string {
  if (items.length === 0) return '[]'
  if (depth >= MAX_DEPTH) return '[…]'
  const shown = items.slice(0, MAX_ITEMS).map((item) => render(item, depth + 1))
  if (items.length > MAX_ITEMS) shown.push('…')
  return `[${shown.join(', ')}]`
}

function renderObject(object: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(object)
  if (keys.length === 0) return '{}'
  if (depth >= MAX_DEPTH) return '{…}'
  const shown = keys
    .slice(0, MAX_ITEMS)
    .map((key) => `${JSON.stringify(key)}: ${render(object[key], depth + 1)}`)
  if (keys.length > MAX_ITEMS) shown.push('…')
  return `{${shown.join(', ')}}`
}
