/**
 * One writer per database file: a second host on the same file (the desktop app and `npm run serve`
 * on the default database, or two serves) is refused with a sentence naming the first, and changes
 * nothing: no migration, no backup, no write.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDatabaseLock, DatabaseInUseError, lockPathOf } from '../../src-main/host/db/lock';
import { runServeToEnd, startServe, type ServeProcess } from './serve-process';

const running: ServeProcess[] = [];
afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
});

function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'courtyard-lock-')), 'council.sqlite');
}

/** Whether the host answers a call from the chair on this computer. */
async function appInfo({ url, chairCookie }: ServeProcess): Promise<boolean> {
  const response = await fetch(new URL('/api/call/app:info', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, cookie: chairCookie },
    body: JSON.stringify({ input: {} }),
  });
  return ((await response.json()) as { ok: boolean }).ok;
}

function snapshot(databasePath: string) {
  const folder = join(databasePath, '..');
  const files = readdirSync(folder).filter((name) => !name.endsWith('.lock')).sort();
  const backups = existsSync(join(folder, 'backups')) ? readdirSync(join(folder, 'backups')).sort() : [];
  return { files, backups, size: statSync(databasePath).size, bytes: readFileSync(databasePath).toString('base64') };
}

describe('one writer per database file', () => {
  it('refuses a second serve on the same file, naming the program that has it, and writes nothing', async () => {
    const databasePath = tempDatabase();
    const first = await startServe(databasePath, ['--demo-plain']);
    running.push(first);
    const before = snapshot(databasePath);

    const second = await runServeToEnd(databasePath);

    expect(second.code).not.toBe(0);
    expect(second.output).toContain('正由浏览器主机');
    expect(second.output).toContain('同一个数据文件只能由一个程序打开');
    expect(second.output).not.toMatch(/at .*\.ts:\d+/); // a sentence, not a stack trace
    expect(snapshot(databasePath)).toEqual(before);
    // The first host still answers.
    expect(await appInfo(first)).toBe(true);
  }, 300_000);

  it('starts again at once after the first host was killed (the lock of a dead process is taken over)', async () => {
    const databasePath = tempDatabase();
    const first = await startServe(databasePath, ['--demo-plain']);
    await first.stop('SIGKILL');
    expect(existsSync(lockPathOf(databasePath))).toBe(true);
    const again = await startServe(databasePath);
    running.push(again);
    expect(await appInfo(again)).toBe(true);
  }, 300_000);

  it('removes its lock when it closes normally', async () => {
    const databasePath = tempDatabase();
    const host = await startServe(databasePath, ['--demo-plain']);
    expect(existsSync(lockPathOf(databasePath))).toBe(true);
    await host.stop();
    expect(existsSync(lockPathOf(databasePath))).toBe(false);
  }, 300_000);

  it('treats an unreadable lock file as stale, and a live process as the owner', () => {
    const databasePath = tempDatabase();
    writeFileSync(lockPathOf(databasePath), 'not json');
    const lock = acquireDatabaseLock(databasePath, '测试');
    expect(JSON.parse(readFileSync(lockPathOf(databasePath), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockPathOf(databasePath))).toBe(false);

    // The parent of this test process is alive: a lock naming it is held.
    writeFileSync(lockPathOf(databasePath), JSON.stringify({ pid: process.ppid, program: '院落议事桌面程序', hostname: '', startedAt: '2026-12-04T11:30:00Z' }));
    expect(() => acquireDatabaseLock(databasePath, '测试')).toThrow(DatabaseInUseError);
    expect(() => acquireDatabaseLock(databasePath, '测试')).toThrow(/院落议事桌面程序（进程号 \d+/);
  });
});
