import { randomBytes } from 'crypto';
import type { Stats } from 'fs';
import { chmod, link, lstat, open, rename, rm, stat } from 'fs/promises';
import type { FileHandle } from 'fs/promises';
import path from 'path';
import type { CliMessage } from '../core/locales/cli-strings';

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/** The same file by any spelling: relative or absolute, through a symbolic link, or a hard link. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Why `target` (given with `option`) may not be written, as a message code; null if it may.
 * Never one of `inputs`; an existing file only with `force`; never a folder.
 */
export async function outputProblem(option: string, target: string, inputs: readonly string[], force: boolean): Promise<CliMessage | null> {
  for (const input of inputs) {
    if (await isSameFile(target, input)) return { kind: 'output-is-input', option, target, input };
  }
  const existing = await statOrNull(target);
  if (existing?.isDirectory()) return { kind: 'output-is-folder', option, target };
  // lstat too: a link to nowhere is still a name the user has.
  const entry = await lstat(target).catch(() => null);
  if (entry && !force) return { kind: 'output-exists', target };
  return null;
}

/**
 * Writes a file through a temporary file in the same folder, then moves it into place, so a failure
 * never leaves a half-written file. Without `overwrite`, a file that appeared meanwhile is not replaced.
 */
export async function writeFileAtomically(target: string, write: (handle: FileHandle) => Promise<void>, overwrite: boolean): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      // A replaced file keeps its permissions.
      const previous = await statOrNull(target);
      if (previous?.isFile()) await chmod(temp, previous.mode & 0o7777);
      await rename(temp, target);
      return;
    }
    try {
      // A hard link fails if the name exists: no window in which another file could be replaced.
      await link(temp, target);
    } catch (error) {
      if (errorCode(error) === 'EEXIST' || (await lstat(target).catch(() => null))) throw error;
      // File systems without hard links.
      await rename(temp, target);
      return;
    }
    await rm(temp, { force: true });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function errorCode(error: unknown): string {
  // Structural check: fs errors need not be instances of this realm's Error (jest runs tests in a vm).
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';
}
