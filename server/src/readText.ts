// Reading a file named by a workspace (a compose file, a mounted traefik.yml, a static config
// setting) without trusting what it is: only regular files, never more than a bound. A mounted
// /dev/zero would otherwise be read until memory runs out, and opening a FIFO blocks until
// someone writes to it, so the file is opened non-blocking and judged by fstat of that handle
// (no window between a check and the open).
import * as fs from 'fs';
import { errorMessage } from './analysis/errors';

/** The largest file read: far above any compose file written by hand (20,000 services are ~15 MB). */
export const MAX_FILE_BYTES = 32 * 2 ** 20;

/** Why a file was not read, in a few words ("not a regular file (a FIFO)"). */
export class UnreadableFile extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file's UTF-8 text; throws a Node error (ENOENT, EACCES, ...) or an UnreadableFile. */
export function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new UnreadableFile('EISDIR', 'is a directory');
    if (!st.isFile()) throw new UnreadableFile('ENOTREG', `not a regular file (${kindOf(st)})`);
    if (st.size > maxBytes)
      throw new UnreadableFile('EFBIG', `larger than ${describeBytes(maxBytes)} (${describeBytes(st.size)})`);
    // Read at most one byte past the bound: a file growing while it is read is refused too.
    const buffer = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new UnreadableFile('EFBIG', `larger than ${describeBytes(maxBytes)}`);
      if (length === buffer.length) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's text, or undefined with the reason given to `problem`. */
export function tryReadRegularFile(file: string, problem?: (reason: string) => void): string | undefined {
  try {
    return readRegularFile(file);
  } catch (err) {
    problem?.(readProblem(err));
    return undefined;
  }
}

/** A read failure in a few words: "no such file", not the whole errno sentence. */
export function readProblem(err: unknown): string {
  if (err instanceof UnreadableFile) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return errorMessage(err);
  }
}

function describeBytes(n: number): string {
  return n >= 2 ** 20 ? `${Math.round((n / 2 ** 20) * 10) / 10} MiB` : `${n} bytes`;
}

/** A folder's entries (the file provider's directory); undefined when it cannot be listed. */
export function listFolder(folder: string): { name: string; directory: boolean }[] | undefined {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e): { name: string; directory: boolean }[] => {
      if (e.isDirectory()) return [{ name: e.name, directory: true }];
      // os.ReadDir does not follow a symlink, so Traefik opens one as a file.
      return e.isFile() || e.isSymbolicLink() ? [{ name: e.name, directory: false }] : [];
    });
  } catch {
    return undefined;
  }
}
