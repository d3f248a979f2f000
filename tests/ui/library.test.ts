// The scenario library keeps only titles in the first-frame bundle and fetches a file's text when
// it is loaded: the picker must still list every file under its own title, and the text fetched
// must be the file exactly as written (error messages point into it by line and column).

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../src/store/appStore'
import type { Session } from '../../src/store/session'
import { findEntry, LIBRARY, type LibraryEntry, libraryText } from '../../src/ui/library'

const DIR = new URL('../../scenarios/', import.meta.url)
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'))

describe('the built-in scenario library', () => {
  it('lists every file under its title, the default first', () => {
    expect(LIBRARY.map((e) => e.file).sort()).toEqual(files.map((f) => `scenarios/${f}`).sort())
    expect(LIBRARY[0].key).toBe('default')
    for (const f of files) {
      const entry = findEntry(f.replace(/\.json$/, ''))
      expect(entry?.title).toBe(JSON.parse(readFileSync(new URL(f, DIR), 'utf8')).title)
    }
  })

  it('lists the others alphabetically by title, ignoring case, as the locale-aware order does', () => {
    const rest = LIBRARY.slice(1).map((e) => e.title)
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')))
    const lower = rest.map((t) => t.toLowerCase())
    for (let k = 1; k < lower.length; k++) expect(lower[k - 1] < lower[k]).toBe(true)
  })

  it("fetches a file's text byte for byte", async () => {
    for (const entry of LIBRARY) {
      const text = await entry.text()
      expect(text).toBe(readFileSync(new URL(entry.file.replace('scenarios/', ''), DIR), 'utf8'))
    }
  })

  it('says so, and gives no text, when a file cannot be fetched', async () => {
    const app = createAppStore()
    const broken: LibraryEntry = {
      key: 'gone',
      file: 'scenarios/gone.json',
      title: 'Gone',
      text: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    }
    expect(await libraryText({ app } as unknown as Session, broken)).toBeNull()
    expect(app.getState().messages.map((m) => m.text)).toEqual([
      expect.stringContaining('Could not fetch the built-in scenario scenarios/gone.json'),
    ])
  })
})
