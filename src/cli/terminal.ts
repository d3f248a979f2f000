// Text from a scenario file (ids, names, titles) reaches the terminal inside our messages and
// summaries. Control characters would let that text move the cursor, clear the screen, ring the
// bell or retitle the window, and bidirectional overrides (U+202E) would make it read backwards;
// both are written out as visible \u escapes instead. Newlines and tabs are ours and stay. In
// JSON output these characters only ever occur inside strings, where \uXXXX means the same.

// C0 controls but tab and newline, DEL, C1 controls, the Arabic letter mark, LRM/RLM, line and
// paragraph separators, bidi embeddings and overrides (U+202A–E) and isolates (U+2066–9).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
