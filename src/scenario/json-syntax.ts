// Finds the first JSON syntax error in a text and says what was expected there. JSON.parse does
// the real parsing; this runs only after it fails, because engines disagree on their messages
// (V8 sometimes gives no position at all, Firefox and Safari word things differently) and the
// loader must report the same line, column and words in Node and in every browser.
//
// It is a small iterative recogniser (an explicit stack, no recursion), so a hostile file of a
// million "[" cannot overflow the call stack.

export interface JsonSyntaxError {
  /** 0-based offset into the text (UTF-16 code units). */
  offset: number
  message: string
}

const VALUE = 'a value (object, array, string, number, true, false or null)'

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return new Recogniser(text).run()
}

/** 1-based line and column of an offset; a column counts UTF-16 code units from the line start. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

class Recogniser {
  private pos = 0
  /** Open containers, innermost last: '{' or '['. */
  private readonly stack: string[] = []

  constructor(private readonly text: string) {}

  run(): JsonSyntaxError | undefined {
    try {
      this.document()
      return undefined
    } catch (error) {
      if (error instanceof SyntaxProblem) return { offset: error.offset, message: error.message }
      throw error
    }
  }

  /** A loop over states rather than recursion, so nesting depth costs heap, not call stack. */
  private document(): void {
    let state: 'value' | 'firstKey' | 'nextKey' | 'after' = 'value'
    for (;;) {
      this.space()
      if (state === 'value') {
        state = this.value()
      } else if (state === 'firstKey' || state === 'nextKey') {
        this.key(
          state === 'firstKey'
            ? "expected a property name in double quotes or '}'"
            : "expected a property name in double quotes after ','",
        )
        state = 'value'
      } else {
        const top = this.stack.at(-1)
        if (top === undefined) break
        state = this.afterItem(top)
      }
    }
    if (this.pos < this.text.length) this.fail('expected the end of the file after the JSON value')
  }

  /** Reads a scalar, or opens a container; returns what must come next. */
  private value(): 'firstKey' | 'value' | 'after' {
    const ch = this.text[this.pos]
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']'
      this.pos++
      this.space()
      if (this.text[this.pos] === close) {
        this.pos++
        return 'after'
      }
      this.stack.push(ch)
      return ch === '{' ? 'firstKey' : 'value'
    }
    if (ch === '"') this.string()
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number()
    else if (!this.literal('true') && !this.literal('false') && !this.literal('null'))
      this.fail(`expected ${VALUE}`)
    return 'after'
  }

  /** After an item inside the innermost container: the close, or a comma and what follows it. */
  private afterItem(top: string): 'nextKey' | 'value' | 'after' {
    const ch = this.text[this.pos]
    if (ch === (top === '{' ? '}' : ']')) {
      this.pos++
      this.stack.pop()
      return 'after'
    }
    if (ch !== ',') {
      this.fail(
        top === '{'
          ? "expected ',' or '}' after a property value"
          : "expected ',' or ']' after an array item",
      )
    }
    this.pos++
    return top === '{' ? 'nextKey' : 'value'
  }

  /** `"name":`, leaving the position at the start of the value. */
  private key(expected: string): void {
    if (this.text[this.pos] !== '"') this.fail(expected)
    this.string()
    this.space()
    if (this.text[this.pos] !== ':') this.fail("expected ':' after a property name")
    this.pos++
  }

  private string(): void {
    this.pos++
    for (;;) {
      if (this.pos >= this.text.length) this.fail("expected '\"' to close the string")
      const code = this.text.charCodeAt(this.pos)
      if (code === 34) {
        this.pos++
        return
      }
      if (code === 92) {
        this.escape()
      } else if (code < 0x20) {
        this.fail(
          code === 10 || code === 13
            ? "expected '\"' to close the string before the end of the line"
            : 'expected a string without raw control characters (escape them, e.g. \\t)',
        )
      } else {
        this.pos++
      }
    }
  }

  private escape(): void {
    const next = this.text[this.pos + 1]
    if (next !== undefined && '"\\/bfnrt'.includes(next)) {
      this.pos += 2
      return
    }
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6
      return
    }
    this.fail('expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits)')
  }

  private number(): void {
    if (this.text[this.pos] === '-') this.pos++
    if (this.text[this.pos] === '0') {
      this.pos++
      if (this.isDigit()) this.fail('expected a number without leading zeros')
    } else if (this.isDigit()) {
      this.digits()
    } else {
      this.fail("expected a digit after '-'")
    }
    if (this.text[this.pos] === '.') {
      this.pos++
      if (!this.isDigit()) this.fail("expected a digit after '.'")
      this.digits()
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++
      if (!this.isDigit()) this.fail('expected a digit in the exponent')
      this.digits()
    }
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false
    this.pos += word.length
    return true
  }

  private digits(): void {
    while (this.isDigit()) this.pos++
  }

  private isDigit(): boolean {
    const ch = this.text[this.pos]
    return ch !== undefined && ch >= '0' && ch <= '9'
  }

  private space(): void {
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++
      else return
    }
  }

  /** Throws the problem at the current position, naming what is there and a hint if one fits. */
  private fail(expected: string): never {
    throw new SyntaxProblem(this.pos, `${expected}, got ${this.found()}${this.hint()}`)
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the file'
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 32))
    if (word !== null) return `'${word[0]}'`
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0)
    if (ch === '\n' || ch === '\r') return 'a line break'
    return `'${ch}'`
  }

  /** The usual ways a hand-edited file stops being JSON, named so the fix is obvious. */
  private hint(): string {
    const ch = this.text[this.pos]
    if (ch === '/') return ' (JSON allows no comments)'
    if (ch === "'") return ' (JSON strings need double quotes)'
    const before = this.text.slice(0, this.pos).trimEnd()
    if ((ch === '}' || ch === ']') && before.endsWith(',')) return ' (JSON allows no trailing comma)'
    if (this.stack.at(-1) === '{' && ch !== undefined && /[A-Za-z_$]/.test(ch) && /[{,]$/.test(before)) {
      return ' (property names need double quotes)'
    }
    return ''
  }
}
