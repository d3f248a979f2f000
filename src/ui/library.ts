// The built-in scenario library: every file in scenarios/, found at build time. New files show up
// on the next build without touching this list. The picker needs only each file's title, so only
// the titles are in the first-frame bundle; a file's text is its own chunk, fetched when that
// scenario is loaded (the default one while the page starts). The real validation happens in the
// worker when one is loaded.

import { pushMessage } from '../store/appStore'
import type { Session } from '../store/session'

export interface LibraryEntry {
  /** File name without ".json": what links use (?scenario=default). */
  key: string
  /** "scenarios/default.json": what error messages name. */
  file: string
  title: string
  /** The file's text, as written (error messages point into it). */
  text(): Promise<string>
}

// Only the `title` field of each file (JSON modules export their top-level fields by name, and the
// rest is left out of the bundle); a file without one shows its key.
const titles = import.meta.glob('../../scenarios/*.json', { import: 'title', eager: true }) as Record<
  string,
  unknown
>
const texts = import.meta.glob('../../scenarios/*.json', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>

function entryOf(path: string, title: unknown): LibraryEntry {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const key = name.replace(/\.json$/, '')
  return {
    key,
    file: `scenarios/${name}`,
    title: typeof title === 'string' && title !== '' ? title : key,
    text: texts[path],
  }
}

/**
 * The titles in alphabetical order, ignoring case. Not `localeCompare`: its first call loads the
 * browser's collation data on the main thread while the page draws its first frame, and the
 * built-in titles are plain English.
 */
function byTitle(a: LibraryEntry, b: LibraryEntry): number {
  const x = a.title.toLowerCase()
  const y = b.title.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

/** The default scenario first, then the others by title. */
export const LIBRARY: readonly LibraryEntry[] = Object.entries(titles)
  .map(([path, title]) => entryOf(path, title))
  .sort((a, b) => (a.key === 'default' ? -1 : b.key === 'default' ? 1 : byTitle(a, b)))

export function findEntry(key: string | null | undefined): LibraryEntry | undefined {
  return key ? LIBRARY.find((e) => e.key === key) : undefined
}

/** The entry's text, or null with an error shown when its chunk could not be fetched. */
export async function libraryText(session: Session, entry: LibraryEntry): Promise<string | null> {
  try {
    return await entry.text()
  } catch (e) {
    pushMessage(
      session.app,
      'error',
      `Could not fetch the built-in scenario ${entry.file} (${e instanceof Error ? e.message : String(e)}); the running scenario stays. Reload the page to try again.`,
    )
    return null
  }
}
