// Reading and writing files for the CLI without trusting the path: only regular files are read
// (a FIFO with no writer would block for ever, /dev/zero would fill the memory), their size is
// checked before a byte is read, and file-system errors are told in words, not errno codes.

import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs'
import { formatBytes, MAX_SCENARIO_BYTES } from '../scenario'
import { InputError } from './errors'

const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EAGAIN: 'the file is not ready to be read',
  EFBIG: 'the file is too large',
}

/** A file-system error in words ("permission denied"); unknown codes are named as they are. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code !== undefined && Object.hasOwn(WORDS, code)) return WORDS[code]
  return code !== undefined ? `error ${code}` : String(err)
}

/** What kind of thing a non-regular file is, for the message that refuses it. */
function kindOf(stats: ReturnType<typeof fstatSync>): string {
  if (stats.isDirectory()) return 'is a directory'
  if (stats.isFIFO()) return 'is a pipe (FIFO), not a regular file'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file'
  if (stats.isSocket()) return 'is a socket, not a regular file'
  return 'is not a regular file'
}

/**
 * The text of a regular file of at most `maxBytes`. Opened non-blocking so that a FIFO cannot
 * hang the open itself; the type and size come from the open descriptor, so the file judged is
 * the file read.
 */
export function readRegularFile(
  path: string,
  shown: string,
  maxBytes = MAX_SCENARIO_BYTES,
  what = 'a scenario file',
): string {
  const fail = (why: string): never => {
    throw new InputError(`${shown}: cannot read the file: ${why}`)
  }
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (err) {
    return fail(describeFsError(err))
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return fail(kindOf(stats))
    if (stats.size > maxBytes) {
      return fail(`it is ${formatBytes(stats.size)}, more than the ${formatBytes(maxBytes)} ${what} may be`)
    }
    // One byte more than allowed: a file that grew since fstat is caught, not read without end.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length === buffer.length) break
    }
    if (length > maxBytes) fail(`it grew past the ${formatBytes(maxBytes)} ${what} may be`)
    return buffer.toString('utf8', 0, length)
  } catch (err) {
    if (err instanceof InputError) throw err
    return fail(describeFsError(err))
  } finally {
    closeSync(fd)
  }
}

/** Whether two paths name the same file, whatever their spelling (links, "./"): same device and inode. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a)
    const y = statSync(b)
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    try {
      return realpathSync(a) === realpathSync(b)
    } catch {
      return false
    }
  }
}
