/**
 * A cross-process lock around the first-start work on an embedded database file (demo data, demo
 * accounts), so two processes starting on one new file at once do not both seed it: the second
 * waits, then finds the work done. The lock is a file next to the database, created atomically
 * (`wx`) with the holder's pid; a lock whose holder is no longer running, or older than
 * STALE_MS, is taken over. Node only; remote databases need no lock here (they are migrated
 * and seeded by one deploy step).
 */
import { openSync, closeSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A lock older than this is assumed abandoned. */
const STALE_MS = 5 * 60_000;
const POLL_MS = 100;

function holderAlive(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - statSync(path).mtimeMs < STALE_MS;
    process.kill(pid, 0);
    return Date.now() - statSync(path).mtimeMs < STALE_MS;
  } catch (err) {
    // ESRCH: no such process. EPERM: it exists (another user's). A vanished file: not held.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` while holding the lock file `path`, waiting (up to `timeoutMs`) for another holder. */
export async function withStartLock<T>(path: string, fn: () => Promise<T>, timeoutMs = 10 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return await fn();
      } finally {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
    }
    if (!holderAlive(path)) {
      try {
        unlinkSync(path);
      } catch {
        /* another waiter took it over first */
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited too long for the start-up lock ${path}; delete it if no other process is starting`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
