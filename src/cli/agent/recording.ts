// The CLI's side of record and replay: reading and writing recording files. What a recording
// holds, how it is checked and how it replays live in src/planners/agent/recording.ts, shared
// with the app's "Open recording…".

import { writeFileSync } from 'node:fs'
import { MAX_RECORDING_BYTES } from '../../core'
import { parseRecording, type RecordedCall, type Recording, type RecordingHeader } from '../../planners/agent'
import { InputError } from '../errors'
import { describeFsError, readRegularFile } from '../files'

export type { RecordedCall, RecordingHeader }

export function writeRecording(file: string, header: RecordingHeader, calls: RecordedCall[]): void {
  const text = [header, ...calls].map((x) => JSON.stringify(x)).join('\n')
  try {
    writeFileSync(file, `${text}\n`)
  } catch (err) {
    throw new InputError(`--record: cannot write ${file}: ${describeFsError(err)}`)
  }
}

export function readRecording(file: string): Recording {
  const text = readRegularFile(file, `--replay: ${file}`, MAX_RECORDING_BYTES, 'a recording')
  const parsed = parseRecording(text)
  if (!parsed.ok)
    throw new InputError(parsed.issues.map((i) => `--replay: ${file}:${i.line}: ${i.message}`).join('\n'))
  return parsed.recording
}
