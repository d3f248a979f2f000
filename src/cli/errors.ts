// Errors that are the user's to fix: printed as one clear message, exit code 2, no stack.

export class UsageError extends Error {
  override name = 'UsageError'
}

/** A scenario file failed validation; `text` is every problem, one per line. */
export class InputError extends Error {
  override name = 'InputError'
}

export const EXIT_OK = 0
export const EXIT_INTERNAL = 1
export const EXIT_BAD_INPUT = 2
