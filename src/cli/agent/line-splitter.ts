// Cuts a byte stream into lines of at most `maxBytes`, never holding more than that: a line past
// the limit is reported once and its bytes are dropped up to the next newline. The agent link
// (an agent's standard output) and `sim serve` (a client's standard input) share it; each decides
// what an over-long line means (the agent is ended, the client is told and served on).

export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Dropping the rest of an over-long line. */
  private skipping = false

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onTooLong: () => void,
  ) {}

  push(chunk: Buffer): void {
    let from = 0
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl)
      from = nl + 1
      if (this.skipping) {
        this.skipping = false
        continue
      }
      if (this.pendingBytes + piece.length > this.maxBytes) {
        this.drop()
        this.onTooLong()
        continue
      }
      const line = Buffer.concat([...this.pending, piece]).toString('utf8')
      this.drop()
      this.onLine(line)
    }
    if (this.skipping) return
    const rest = chunk.subarray(from)
    if (this.pendingBytes + rest.length > this.maxBytes) {
      this.drop()
      this.skipping = true
      this.onTooLong()
      return
    }
    if (rest.length) {
      this.pending.push(rest)
      this.pendingBytes += rest.length
    }
  }

  /** The last line when the stream ends without a newline ('' when none). */
  rest(): string {
    const line = this.skipping ? '' : Buffer.concat(this.pending).toString('utf8')
    this.drop()
    return line
  }

  private drop(): void {
    this.pending = []
    this.pendingBytes = 0
  }
}
