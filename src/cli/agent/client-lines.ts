// A `sim serve` client's lines, read with bounds: each line at most MAX_LINE_BYTES (a longer one
// is reported and dropped, never kept whole), at most MAX_QUEUED lines read ahead (the input is
// paused until they are served), and a wait for the next line that gives up after `idleMs`.

import { LineSplitter } from './line-splitter'

/** Lines read ahead of the server before the input is paused. */
const MAX_QUEUED = 256

export type ClientRead = { line: string } | { tooLong: true } | { end: true } | { idle: true }

export function clientLines(input: NodeJS.ReadableStream, maxBytes: number) {
  const queue: ClientRead[] = []
  let wake: (() => void) | null = null
  const put = (r: ClientRead) => {
    queue.push(r)
    if (queue.length >= MAX_QUEUED) input.pause()
    wake?.()
  }
  const lines = new LineSplitter(
    maxBytes,
    (line) => put({ line }),
    () => put({ tooLong: true }),
  )
  input.on('data', (chunk: Buffer | string) =>
    lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
  )
  input.on('end', () => {
    const last = lines.rest()
    if (last.trim() !== '') put({ line: last })
    put({ end: true })
  })
  input.on('error', () => put({ end: true }))
  return {
    /** The next line, the end of the input, or `idle` when nothing came within idleMs. */
    async next(idleMs: number): Promise<ClientRead> {
      if (!queue.length) {
        let timer: ReturnType<typeof setTimeout> | undefined
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, idleMs)
        })
        clearTimeout(timer)
        wake = null
      }
      const r = queue.shift()
      if (queue.length < MAX_QUEUED) input.resume()
      return r ?? { idle: true }
    },
    /** Stops reading (so the process may end while the client keeps its end open). */
    close(): void {
      input.pause()
      ;(input as { destroy?: () => void }).destroy?.()
    },
  }
}
