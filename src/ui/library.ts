// The built-in scenario library: every file in scenarios/, bundled as text at build time. New
// files show up on the next build without touching this list. Titles are read leniently for the
// picker; the real validation happens in the worker when one is loaded.

export interface LibraryEntry {
  /** File name without ".json": what links use (?scenario=default). */
  key: string
  /** "scenarios/default.json": what error messages name. */
  file: string
  text: string
  title: string
  demonstrates: string
  description: string
}

const files = import.meta.glob('../../scenarios/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

function field(value: unknown, key: string): string {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key]
    if (typeof v === 'string') return v
  }
  return ''
}

function entryOf(path: string, text: string): LibraryEntry {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const key = name.replace(/\.json$/, '')
  let parsed: unknown = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  return {
    key,
    file: `scenarios/${name}`,
    text,
    title: field(parsed, 'title') || key,
    demonstrates: field(parsed, 'demonstrates'),
    description: field(parsed, 'description'),
  }
}

/** The default scenario first, then the others by title. */
export const LIBRARY: readonly LibraryEntry[] = Object.entries(files)
  .map(([path, text]) => entryOf(path, text))
  .sort((a, b) => (a.key === 'default' ? -1 : b.key === 'default' ? 1 : a.title.localeCompare(b.title)))

export function findEntry(key: string | null | undefined): LibraryEntry | undefined {
  return key ? LIBRARY.find((e) => e.key === key) : undefined
}
