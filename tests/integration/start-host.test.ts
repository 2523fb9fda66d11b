/**
 * startHost: the one start-up of the host and its server, used by `npm run serve` and by the desktop
 * app. Real SQLite file, real server on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError } from '../../src-main/host/db/lock';
import { RestoreRefused, startHost, type StartedHost } from '../../src-main/host/core/start-host';
import { logInTo } from './chair-login';
import { damagedWithBackup, damagedWithoutBackup } from './temp-host';

const folders: string[] = [];
const started: StartedHost[] = [];
afterEach(async () => {
  for (const each of started.splice(0)) await each.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempDatabase(): string {
  const folder = mkdtempSync(join(tmpdir(), 'start-host-'));
  folders.push(folder);
  return join(folder, 'council.sqlite');
}

async function start(databasePath: string, askToRestore?: () => boolean): Promise<StartedHost> {
  const host = await startHost({ databasePath, host: 'browser', webRoot: join(tmpdir(), 'no-web-root'), port: 0, askToRestore });
  started.push(host);
  return host;
}

async function appInfo(url: string, cookie: string): Promise<{ ok: boolean; value?: { host: string } }> {
  const response = await fetch(new URL('/api/call/app:info', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ input: {} }),
  });
  return (await response.json()) as { ok: boolean; value?: { host: string } };
}

describe('startHost', () => {
  it('opens the database and serves it on loopback; the chair’s session is issued without a printed key', async () => {
    const running = await start(tempDatabase());
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(running.origin).toBe(running.url.slice(0, -1));
    await expect(appInfo(running.url, '')).resolves.toMatchObject({ ok: false });
    await expect(appInfo(running.url, `courtyard_session=${running.issueChairSession()}`)).resolves.toMatchObject({ ok: true, value: { host: 'browser' } });
    // The printed login address still works the same way.
    await expect(appInfo(running.url, await logInTo(running, running.host))).resolves.toMatchObject({ ok: true });
  });

  it('refuses a second start on the same database with the sentence naming the first, and serves nothing', async () => {
    const databasePath = tempDatabase();
    await start(databasePath);
    await expect(start(databasePath)).rejects.toBeInstanceOf(DatabaseInUseError);
    await expect(start(databasePath)).rejects.toThrow(/正由浏览器主机（npm run serve）（进程号 \d+，.*）使用/);
  });

  it('on close stops the server, closes the database and gives the file back for the next start', async () => {
    const databasePath = tempDatabase();
    const first = await start(databasePath);
    const database = first.host.host!.database;
    await first.close();
    started.length = 0;
    expect(database.sqlite.open).toBe(false);
    await expect(fetch(first.url)).rejects.toThrow();
    const second = await start(databasePath);
    await expect(appInfo(second.url, `courtyard_session=${second.issueChairSession()}`)).resolves.toMatchObject({ ok: true });
  });

  it('a damaged file without askToRestore starts in recovery mode (the browser host’s recovery page)', async () => {
    const { host } = await damagedWithBackup();
    const running = await start(host.databasePath);
    expect(running.host.damaged).not.toBeNull();
    await expect(running.host.invoke('recovery:status', {})).resolves.toMatchObject({ ok: true, value: { damaged: true } });
  });

  it('with askToRestore (the desktop’s dialog) a yes restores the newest backup before anything is served', async () => {
    const { host } = await damagedWithBackup();
    let asked = 0;
    const running = await start(host.databasePath, () => (asked += 1) > 0);
    expect(asked).toBe(1);
    expect(running.host.damaged).toBeNull();
    const cookie = `courtyard_session=${running.issueChairSession()}`;
    const response = await fetch(new URL('/api/call/council:list', running.url), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"input":{}}' });
    expect(await response.json()).toMatchObject({ ok: true, value: [{ name: '平安小区院落议事会' }] });
  });

  it('with askToRestore a no, or no sound backup, refuses the start, touches nothing and gives the file back', async () => {
    const { host } = await damagedWithBackup();
    const declined = await start(host.databasePath, () => false).catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(RestoreRefused);
    expect((declined as RestoreRefused).backup).not.toBeNull();
    const bare = damagedWithoutBackup();
    let asked = false;
    const none = await start(bare.databasePath, () => (asked = true)).catch((error: unknown) => error);
    expect(none).toBeInstanceOf(RestoreRefused);
    expect((none as RestoreRefused).backup).toBeNull();
    expect(asked).toBe(false);
    // The lock was given back: the browser host's recovery mode can start on the same file.
    expect((await start(host.databasePath)).host.damaged).not.toBeNull();
  });

  it('keeps its port when it is taken, or, asked to, takes any free one (the desktop: the page’s own storage stays with one origin as long as it can)', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as { port: number }).port;
    try {
      const databasePath = tempDatabase();
      const strict = await startHost({ databasePath, host: 'browser', webRoot: tmpdir(), port: taken }).catch((error: unknown) => error);
      expect((strict as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
      const running = await startHost({ databasePath, host: 'desktop', webRoot: tmpdir(), port: taken, portTaken: 'any' });
      started.push(running);
      expect(running.server.port).not.toBe(taken);
      await expect(appInfo(running.url, `courtyard_session=${running.issueChairSession()}`)).resolves.toMatchObject({ ok: true, value: { host: 'desktop' } });
    } finally {
      squatter.close();
    }
  });
});
