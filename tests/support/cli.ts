// Runs the `sim` command in-process for the CLI tests, capturing what it prints, and writes
// temporary input files.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main'

export async function sim(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

/** Writes `text` to a fresh temporary directory as `name`; returns the path. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sim-cli-')), name)
  writeFileSync(path, text)
  return path
}
