/**
 * One writer per database file: a lock file beside it (`<database>.lock`) names the program that has
 * the file open. A second desktop app or `npm run serve` on the same file is refused before it reads,
 * migrates or backs up anything, with a sentence that says which program holds it.
 *
 * Why a pid file and not a library such as proper-lockfile: those decide staleness by the lock's age,
 * so after a crash (SIGKILL, power cut) the app would be refused for the stale period, and a host whose
 * event loop stalls longer than that would lose its lock to a second writer. The owner's pid answers
 * both at once: a lock whose process is gone is taken over at the next start, a live one never is.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockOwner {
  pid: number;
  /** What holds the file, in the user's words: 院落议事桌面程序 or 浏览器主机(npm run serve). */
  program: string;
  hostname: string;
  startedAt: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly databasePath: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `${owner.program}（进程号 ${owner.pid}${owner.hostname === hostname() ? '' : `，电脑 ${owner.hostname}`}，${localTime(owner.startedAt)} 打开）`
      : '另一个程序';
    super(`数据文件 ${databasePath} 正由${who}使用，同一个数据文件只能由一个程序打开。请先关闭它，或用 --db 指定另一个文件。没有做任何改动。`);
  }
}

export interface DatabaseLock {
  readonly path: string;
  release(): void;
}

export const lockPathOf = (databasePath: string) => `${databasePath}.lock`;

/** Takes the file for this process, or throws DatabaseInUseError naming the program that has it. */
export function acquireDatabaseLock(databasePath: string, program: string, now: Date = new Date()): DatabaseLock {
  const path = lockPathOf(databasePath);
  // The first start on a new computer: the folder is made here, before the database itself.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const mine: LockOwner = { pid: process.pid, program, hostname: hostname(), startedAt: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      return ownedLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner)) throw new DatabaseInUseError(databasePath, owner);
    // The program that wrote it is gone (crash, power cut) or the file is unreadable: take it over.
    removeQuietly(path);
  }
  throw new DatabaseInUseError(databasePath, readOwner(path));
}

function ownedLock(path: string): DatabaseLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock is removed: a file taken over by another start is theirs.
    if (readOwner(path)?.pid === process.pid) removeQuietly(path);
  };
  process.on('exit', release);
  return { path, release };
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.program !== 'string') return null;
    return {
      pid: parsed.pid,
      program: parsed.program,
      hostname: typeof parsed.hostname === 'string' ? parsed.hostname : '',
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
    };
  } catch {
    return null;
  }
}

/** A lock written on another computer (a shared folder) cannot be checked from here: it counts as held. */
function isAlive(owner: LockOwner): boolean {
  if (owner.hostname && owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it still holds the file.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '早些时候';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
