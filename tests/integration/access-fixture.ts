/**
 * A real browser host on a temporary database with the demo courtyard, and an HTTP client that
 * connects from 127.0.0.2: another computer as far as the host can tell (only 127.0.0.1 and ::1
 * are this computer), without leaving loopback. The chair is logged in once, through the login
 * address the host would print, and calls from 127.0.0.1 with that session.
 */
import type { Database } from 'better-sqlite3';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { LanSwitch } from '../../src-main/host/areas/lan/lan';
import { ChairSessions, chairSessionsPathOf } from '../../src-main/host/areas/lan/chair-sessions';
import { seedDemo } from '../../src-main/host/demo/seed';
import { DamagedDatabaseError } from '../../src-main/host/db/client';
import { SwitchableHost } from '../../src-main/host/core/recovery-host';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/core/server';
import { roomOpenedIn } from '../../src-main/host/areas/minutes/opened-rooms';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export interface Reply {
  status: number;
  body: ApiResult<unknown>;
  setCookie: string[];
}

export interface CallOptions {
  /** The address the request comes from (127.0.0.2 unless given: another computer). */
  from?: string;
  cookie?: string;
  /** The address connected to (127.0.0.1 unless given). */
  host?: string;
  /** Extra headers, e.g. a foreign Host and Origin. */
  headers?: Record<string, string>;
}

export function httpCall(port: number, channel: string, input: unknown, options: CallOptions = {}): Promise<Reply> {
  const body = JSON.stringify({ input });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path: `/api/call/${encodeURIComponent(channel)}`,
        method: 'POST',
        localAddress: options.from ?? '127.0.0.2',
        headers: { 'Content-Type': 'application/json', ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as ApiResult<unknown>, setCookie: response.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A plain GET (the login address, /api/events): its status, Location and cookies; the body is not read. */
export function httpGet(port: number, path: string, options: Omit<CallOptions, 'host'> = {}): Promise<{ status: number; location: string | undefined; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        localAddress: options.from ?? '127.0.0.2',
        headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
        agent: false,
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, setCookie: response.headers['set-cookie'] ?? [] });
        response.destroy();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The name=value part of the first Set-Cookie. */
export const cookieOf = (setCookie: string[]) => (setCookie[0] ?? '').split(';')[0] ?? '';

/** Opens ws://…/signal from `from`; resolves 'open' or the refusal's status. */
export function openSignal(port: number, options: { from?: string; cookie?: string; headers?: Record<string, string> } = {}): Promise<{ result: string; socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/signal`, {
      localAddress: options.from ?? '127.0.0.2',
      headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
    });
    socket.on('open', () => resolve({ result: 'open', socket }));
    socket.on('unexpected-response', (_request, response) => resolve({ result: String(response.statusCode), socket }));
    socket.on('error', (error) => resolve({ result: `error ${error.message}`, socket }));
  });
}

export interface AccessServer {
  host: SwitchableHost;
  server: BrowserHost;
  port: number;
  dir: string;
  lan: LanSwitch;
  /** The chair's session cookie (name=value), from the login address. */
  chairCookie: string;
  /** The login address's path and query (`/login?key=…`), as the host prints it. */
  loginPath: string;
  /** The clock of the chair's sessions: moving it on lets them expire. */
  clock: { advance(ms: number): void };
  /** Calls as the chair (from 127.0.0.1, with the chair's session) and fails on an error. */
  chair<T = unknown>(channel: string, input: unknown): Promise<T>;
  /** Joins with a code from 127.0.0.2; returns the session cookie. */
  join(code: string, name: string): Promise<{ cookie: string; reply: Reply }>;
  dump(): string;
}

export async function startAccessServer(options: { lanAddresses?: string[] } = {}): Promise<AccessServer> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-access-'));
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>院落议事</title>');
  const lan = new LanSwitch({ always: false, addresses: () => options.lanAddresses ?? ['127.0.0.3'] });
  const databasePath = join(dir, 'council.sqlite');
  let offset = 0;
  const chair = new ChairSessions(chairSessionsPathOf(databasePath), () => new Date(Date.now() + offset));
  const host = SwitchableHost.open({ databasePath, host: 'browser', lan, chair }, (error): error is DamagedDatabaseError => error instanceof DamagedDatabaseError);
  seedDemo(host.host!.database, new Date());
  const server = await startBrowserHost({
    host,
    webRoot,
    port: 0,
    bindAddress: '127.0.0.1',
    signaling: { roomOpened: roomOpenedIn(() => host.host?.database.db) },
  });
  lan.attach(server);
  const stop = host.subscribe(() => void lan.sync(host.access.lanWanted()));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(async () => {
    stop();
    await server.close();
    host.close();
  });
  const port = server.port;
  const loginPath = chair.loginPath();
  const chairCookie = cookieOf((await httpGet(port, loginPath, { from: '127.0.0.1' })).setCookie);
  return {
    host,
    server,
    port,
    dir,
    lan,
    chairCookie,
    loginPath,
    clock: { advance: (ms) => void (offset += ms) },
    async chair<T>(channel: string, input: unknown) {
      const reply = await httpCall(port, channel, input, { from: '127.0.0.1', cookie: chairCookie });
      if (!reply.body.ok) throw new Error(`${channel}: ${JSON.stringify(reply.body.error)}`);
      return reply.body.value as T;
    },
    async join(code, name) {
      const reply = await httpCall(port, 'access:join', { code, name });
      const cookie = (reply.setCookie[0] ?? '').split(';')[0] ?? '';
      return { cookie, reply };
    },
    dump: () => dumpTables(host.host!.database.sqlite),
  };
}

/** Every row of every table but the access tables' last-seen bookkeeping, as one string to compare. */
export function dumpTables(sqlite: Database, skip: string[] = ['participants', 'join_codes']): string {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
  return JSON.stringify(
    tables.filter((name) => !skip.includes(name)).map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value),
  );
}
