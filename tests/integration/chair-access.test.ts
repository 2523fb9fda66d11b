/**
 * Only the chair is the chair: being on this computer is not enough (every user of it, and every
 * page it opens through DNS rebinding, reaches loopback too). The chair logs in through the address
 * the host prints, a request must name one of the host's own names and addresses in its Host, and
 * every session that is unknown, expired, malformed or without its join code is the public caller.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api/contract';
import type { LanOpening } from '../../shared/api/areas/lan';
import { publicChannels } from '../../src-main/host/core/policy';
import { chairIdleMs, chairSessionsPathOf } from '../../src-main/host/areas/lan/chair-sessions';
import { cookieOf, httpCall, httpGet, openSignal, startAccessServer } from './access-fixture';
import { logInAt, startServe, type ServeProcess } from './serve-process';

const nonPublic = channels.filter((channel) => !publicChannels.has(channel));

describe('the chair logs in', () => {
  it('a request from this computer without the chair’s session is refused for every non-public channel, for events and for signaling', async () => {
    const server = await startAccessServer();
    const before = server.dump();
    const answered: string[] = [];
    for (const channel of nonPublic) {
      const reply = await httpCall(server.port, channel, { councilId: 1, meetingId: 3 }, { from: '127.0.0.1' });
      if (reply.status !== 403 || reply.body.ok || reply.body.error.code !== 'unauthenticated') answered.push(`${channel}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 120)}`);
    }
    expect(answered).toEqual([]);
    expect(nonPublic.length).toBeGreaterThan(100);
    expect((await httpGet(server.port, '/api/events', { from: '127.0.0.1' })).status).toBe(403);
    expect((await openSignal(server.port, { from: '127.0.0.1' })).result).toBe('403');
    expect((await httpCall(server.port, 'access:whoami', {}, { from: '127.0.0.1' })).body).toEqual({ ok: true, value: { kind: 'public' } });
    expect(server.dump()).toBe(before);

    // With the chair's session, the same computer is the chair.
    expect((await httpCall(server.port, 'access:whoami', {}, { from: '127.0.0.1', cookie: server.chairCookie })).body).toEqual({ ok: true, value: { kind: 'local' } });
    expect((await httpGet(server.port, '/api/events', { from: '127.0.0.1', cookie: server.chairCookie })).status).toBe(200);
    const signal = await openSignal(server.port, { from: '127.0.0.1', cookie: server.chairCookie });
    expect(signal.result).toBe('open');
    signal.socket.close();
  });

  it('the login address gives an HttpOnly SameSite=Strict cookie and sends the browser to / without the key; a wrong key or another computer gets nothing', async () => {
    const server = await startAccessServer();
    expect(server.loginPath).toMatch(/^\/login\?key=[A-Za-z0-9_-]{43}$/);
    const login = await httpGet(server.port, server.loginPath, { from: '127.0.0.1' });
    expect(login.status).toBe(303);
    expect(login.location).toBe('/');
    expect(login.setCookie[0]).toMatch(/^courtyard_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    const cookie = cookieOf(login.setCookie);
    expect(cookie).not.toContain(server.loginPath.split('=')[1]);
    expect((await httpCall(server.port, 'council:list', {}, { from: '127.0.0.1', cookie })).body.ok).toBe(true);

    const wrongKey = await httpGet(server.port, `/login?key=${randomBytes(32).toString('base64url')}`, { from: '127.0.0.1' });
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.setCookie).toEqual([]);
    expect((await httpGet(server.port, '/login', { from: '127.0.0.1' })).status).toBe(403);
    // The key alone does not make another computer the chair: the chair's session never crosses the LAN.
    const fromLan = await httpGet(server.port, server.loginPath, { from: '127.0.0.2' });
    expect(fromLan.status).toBe(403);
    expect(fromLan.setCookie).toEqual([]);
    // Nor does the chair's cookie, carried to another address.
    expect((await httpCall(server.port, 'council:list', {}, { from: '127.0.0.2', cookie })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('an unknown, malformed or expired session token is the public caller', async () => {
    const server = await startAccessServer();
    const refused = async (cookie: string) => (await httpCall(server.port, 'council:list', {}, { from: '127.0.0.1', cookie })).body;
    const unauthenticated = { ok: false, error: { code: 'unauthenticated' } };
    expect(await refused(`courtyard_session=${randomBytes(32).toString('base64url')}`)).toMatchObject(unauthenticated);
    for (const malformed of ['', 'x', 'a'.repeat(500), `${server.chairCookie.split('=')[1]!.slice(0, 42)}.`, '%00', '"quoted"']) {
      expect(await refused(`courtyard_session=${malformed}`), malformed).toMatchObject(unauthenticated);
    }
    // Used, a session stays; left idle past its time, it ends.
    server.clock.advance(chairIdleMs - 60_000);
    expect((await refused(server.chairCookie)).ok).toBe(true);
    server.clock.advance(chairIdleMs - 60_000);
    expect((await refused(server.chairCookie)).ok).toBe(true);
    server.clock.advance(chairIdleMs + 60_000);
    expect(await refused(server.chairCookie)).toMatchObject(unauthenticated);
    expect((await httpGet(server.port, '/api/events', { from: '127.0.0.1', cookie: server.chairCookie })).status).toBe(403);
  });

  it('a participant whose join code is gone is refused, not let in for ever', async () => {
    const server = await startAccessServer();
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId: 3, role: 'viewer' });
    const { cookie } = await server.join(opening.code, '老陈');
    expect((await httpCall(server.port, 'meeting:get', { meetingId: 3 }, { cookie })).body.ok).toBe(true);
    server.host.host!.database.sqlite.prepare('UPDATE participants SET join_code_id = NULL').run();
    expect((await httpCall(server.port, 'meeting:get', { meetingId: 3 }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await httpCall(server.port, 'access:whoami', {}, { cookie })).body).toEqual({ ok: true, value: { kind: 'public' } });
  });
});

describe('the chair’s session across a restart', () => {
  const running: ServeProcess[] = [];
  afterEach(async () => {
    for (const host of running.splice(0)) await host.stop();
  });

  const whoami = async (host: ServeProcess, cookie: string) =>
    (await (await fetch(`${host.url}api/call/access:whoami`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"input":{}}' })).json()) as unknown;

  it('the printed address logs the chair in; the session survives a restart on the same file, the old address does not, and only a hash is kept, in a 0600 file', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'courtyard-chair-')), 'council.sqlite');
    const first = await startServe(databasePath, ['--demo-plain']);
    running.push(first);
    expect(first.output()).toContain(first.loginUrl);
    expect(await whoami(first, first.chairCookie)).toEqual({ ok: true, value: { kind: 'local' } });
    expect(await whoami(first, '')).toEqual({ ok: true, value: { kind: 'public' } });
    await first.stop();

    const again = await startServe(databasePath);
    running.push(again);
    expect(again.loginUrl).not.toBe(first.loginUrl);
    expect(await whoami(again, first.chairCookie)).toEqual({ ok: true, value: { kind: 'local' } });
    // The key of the last run logs nobody in.
    await expect(logInAt(first.loginUrl.replace(first.url, again.url))).rejects.toThrow('did not log in');

    const file = chairSessionsPathOf(databasePath);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, 'utf8');
    for (const cookie of [first.chairCookie, again.chairCookie]) expect(stored).not.toContain(cookie.split('=')[1]);
    expect(stored).not.toContain(again.loginUrl.split('key=')[1]);
  }, 60_000);
});

describe('DNS rebinding: a foreign Host gets nothing', () => {
  it('refuses every channel, the events and signaling when Host is not one of the host’s own names, even with the chair’s session and a matching Origin', async () => {
    const server = await startAccessServer();
    const before = server.dump();
    const foreign = { Host: `evil.example:${server.port}`, Origin: `http://evil.example:${server.port}` };
    const answered: string[] = [];
    for (const channel of channels) {
      const reply = await httpCall(server.port, channel, { councilId: 1, meetingId: 3 }, { from: '127.0.0.1', cookie: server.chairCookie, headers: foreign });
      if (reply.status !== 403 || reply.body.ok || reply.body.error.code !== 'forbidden') answered.push(`${channel}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 120)}`);
    }
    expect(answered).toEqual([]);
    expect((await httpGet(server.port, '/api/events', { from: '127.0.0.1', cookie: server.chairCookie, headers: foreign })).status).toBe(403);
    expect((await openSignal(server.port, { from: '127.0.0.1', cookie: server.chairCookie, headers: foreign })).result).toBe('403');
    // Nor does the login address work under a foreign name.
    const login = await httpGet(server.port, server.loginPath, { from: '127.0.0.1', headers: foreign });
    expect(login.status).toBe(403);
    expect(login.setCookie).toEqual([]);
    // A name of this computer with another port is foreign too.
    const otherPort = { Host: `127.0.0.1:${server.port + 1}` };
    expect((await httpCall(server.port, 'council:list', {}, { from: '127.0.0.1', cookie: server.chairCookie, headers: otherPort })).status).toBe(403);
    expect(server.dump()).toBe(before);
  });

  it('answers under the host’s own names: 127.0.0.1, localhost, [::1] with its port, and the LAN addresses it listens on', async () => {
    const server = await startAccessServer({ lanAddresses: ['127.0.0.3'] });
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]']) {
      const reply = await httpCall(server.port, 'council:list', {}, { from: '127.0.0.1', cookie: server.chairCookie, headers: { Host: `${name}:${server.port}` } });
      expect(reply.body.ok, name).toBe(true);
    }
    const lanHost = { Host: `127.0.0.3:${server.port}` };
    expect((await httpCall(server.port, 'access:whoami', {}, { headers: lanHost })).status).toBe(403);
    await server.chair('council:updateSettings', { councilId: 1, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    await server.lan.sync(server.host.access.lanWanted());
    expect((await httpCall(server.port, 'access:whoami', {}, { host: '127.0.0.3', headers: lanHost })).body).toEqual({ ok: true, value: { kind: 'public' } });
  });
});
