// The largest scenario file accepted. Far above any real scenario (the built-in ones are under
// 20 kB; 5000 tasks are about 1 MB), and small enough that parsing and checking it is quick and
// bounded. The CLI checks it on the file's size before reading; the loader checks the text too,
// so the browser (file picker, drag and drop) is held to the same limit.

export const MAX_SCENARIO_BYTES = 8_000_000

/** "8 MB", "270 kB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))} MB`
  if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))} kB`
  return `${n} bytes`
}
