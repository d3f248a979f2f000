// Export requests in flight: each `export` message to the worker gets an id and a promise, which
// the worker's `exported` answer settles. A restarted worker forgets its requests, so they are
// refused then rather than left waiting forever.

import type { ExportedMessage, RunExportFormat, ToWorker } from '../worker/protocol'

export interface ExportedFile {
  fileName: string
  mime: string
  text: string
}

export class ExportRequests {
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (f: ExportedFile) => void; reject: (e: Error) => void }
  >()

  request(post: (m: ToWorker) => void, format: RunExportFormat, strategy: string): Promise<ExportedFile> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      post({ type: 'export', id, format, strategy })
    })
  }

  settle(msg: ExportedMessage): void {
    const waiting = this.pending.get(msg.id)
    if (!waiting) return
    this.pending.delete(msg.id)
    if (msg.ok) waiting.resolve({ fileName: msg.fileName, mime: msg.mime, text: msg.text })
    else waiting.reject(new Error(msg.message))
  }

  rejectAll(reason: string): void {
    for (const { reject } of this.pending.values()) reject(new Error(reason))
    this.pending.clear()
  }
}
