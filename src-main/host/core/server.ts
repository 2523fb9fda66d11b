import type { ErrorCode } from '../../../shared/api/errors';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../../shared/api/content-security-policy';
import type { ApiResult } from '../../../shared/api/errors';
import type { AccessGate } from '../areas/lan/gate';
import { isLocalAddress } from '../areas/lan/gate';
import type { LanListeners } from '../areas/lan/lan';
import type { Caller } from './caller';
import type { Invoke } from './dispatch';
import { rateLimitOf } from './policy';
import { createSignalingServer, signalingPath, type SignalingOptions } from '../areas/minutes/signaling-server';

/** What the server needs of a host: only its contract calls (the host may be swapped after a recovery). */
export interface CallTarget {
  invoke: Invoke;
  subscribe(listener: (change: { channel: string }) => void): () => void;
  /** Who a request is; without it, only this computer is let in beyond the public calls. */
  access?: AccessGate;
}

export const sessionCookie = 'courtyard_session';
export const sessionHeader = 'x-courtyard-session';

function sessionToken(request: IncomingMessage): string | null {
  const header = request.headers[sessionHeader];
  if (typeof header === 'string' && header.length > 0 && header.length < 200) return header;
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie && value.length) return value.join('=').slice(0, 200);
  }
  return null;
}

/** The caller of a request: this computer, a participant with a valid session, or the public. */
function callerOf(host: CallTarget, request: IncomingMessage): Caller {
  const address = request.socket.remoteAddress ?? '';
  if (host.access) return host.access.identify(address, sessionToken(request));
  return isLocalAddress(address) ? { kind: 'local' } : { kind: 'public' };
}

/**
 * Server-sent events: one line per successful change, so the projector and other
 * screens refresh at once instead of polling.
 */
function serveEvents(host: CallTarget, request: IncomingMessage, response: ServerResponse): void {
  const caller = callerOf(host, request);
  // The public pages need no live updates; someone without a session learns nothing of what changes.
  if (caller.kind === 'public') return reject(response, 403, 'unauthenticated', '请先输入主持人给的加入码。');
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write(': connected\n\n');
  const stop = host.subscribe((change) => response.write(`data: ${JSON.stringify(change)}\n\n`));
  const keepAlive = setInterval(() => {
    // A participant the chair removed (or whose code closed) stops hearing at the next beat.
    if (caller.kind === 'participant' && !host.access?.stillValid(caller.participantId)) response.end();
    else response.write(': keep-alive\n\n');
  }, caller.kind === 'participant' ? 5_000 : 25_000);
  request.on('close', () => {
    clearInterval(keepAlive);
    stop();
  });
}


const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const maxBodyBytes = 30 * 1024 * 1024;

export interface BrowserHostOptions {
  host: CallTarget;
  webRoot: string;
  port: number;
  /** 127.0.0.1 unless the chair opens the app to the LAN. */
  bindAddress: string;
  /** y-webrtc signaling for the minutes at ws://<host>/signal; omitted: no signaling. */
  signaling?: Pick<SignalingOptions, 'roomOpened' | 'authorize'>;
}

export interface BrowserHost extends LanListeners {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function reject(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A page from another site may not call the API: browsers send Origin on cross-site POSTs. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Calls per address, where the call's declaration limits them (the public page, joining). */
const publicCalls = new Map<string, number[]>();
function rateLimited(channel: string, request: IncomingMessage): boolean {
  const limit = rateLimitOf(channel);
  if (limit === undefined) return false;
  const key = `${channel} ${request.socket.remoteAddress ?? ''}`;
  const now = Date.now();
  const recent = (publicCalls.get(key) ?? []).filter((at) => now - at < limit.perMinutes * 60_000);
  if (recent.length >= limit.calls) return true;
  recent.push(now);
  publicCalls.set(key, recent);
  return false;
}

async function handleCall(host: CallTarget, channel: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'POST') return reject(response, 405, 'method_not_allowed', '只接受 POST 请求。');
  if (!sameOrigin(request)) return reject(response, 403, 'forbidden', '拒绝来自其他网站的请求。');
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return reject(response, 415, 'invalid_input', '请求格式应为 JSON。');
  }
  const body = await readBody(request);
  if (body === null) return reject(response, 413, 'invalid_input', '提交的内容太大(最大 30 MB)。');
  let input: unknown;
  try {
    input = body === '' ? {} : (JSON.parse(body) as { input?: unknown }).input;
  } catch {
    return reject(response, 400, 'invalid_input', '请求内容不是有效的 JSON。');
  }
  let name: string;
  try {
    name = decodeURIComponent(channel);
  } catch {
    return reject(response, 400, 'unknown_call', '未知的操作。');
  }
  if (rateLimited(name, request)) {
    return reject(response, 429, 'rate_limited', '提交太频繁了,请过一会儿再试。');
  }
  const caller = callerOf(host, request);
  const result = await host.invoke(name, input, caller);
  if (name === 'access:join' && result.ok) return sendJoined(host, request, response, result.value as { sessionToken?: string });
  sendJson(response, 200, result);
}

/** The session token goes into an HttpOnly cookie, never into the page's reach. */
function sendJoined(host: CallTarget, request: IncomingMessage, response: ServerResponse, value: { sessionToken?: string }): void {
  const { sessionToken: token, ...rest } = value;
  if (token) {
    response.setHeader('Set-Cookie', `${sessionCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    host.access?.identify(request.socket.remoteAddress ?? '', token);
  }
  sendJson(response, 200, { ok: true, value: rest });
}

function serveStatic(webRoot: string, pathname: string, response: ServerResponse): void {
  const root = resolve(webRoot);
  let file = resolve(join(root, normalize(decodeURIComponent(pathname))));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  const isAsset = existsSync(file) && statSync(file).isFile();
  // Unknown paths are the app's own routes (/projector, /wish later): serve the page.
  if (!isAsset) file = join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('界面尚未构建:请先运行 npm run build:web。');
    return;
  }
  const type = mimeTypes[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const call = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/api/events' && request.method === 'GET') {
      serveEvents(options.host, request, response);
      return;
    }
    const work = call
      ? handleCall(options.host, call[1]!, request, response)
      : Promise.resolve(serveStatic(options.webRoot, url.pathname, response));
    work.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) reject(response, 500, 'internal', '服务器内部错误,数据没有改动。');
      else response.end();
    });
  };
  // Minutes signaling hook (issue 6): WebSocket upgrades on /signal go to the y-webrtc signaling
  // server; every other upgrade is refused. Only this computer and minutes editors may connect;
  // an editor removed by the chair is disconnected at the next change.
  const signaling = options.signaling
    ? createSignalingServer({
        ...options.signaling,
        authorize: (request) => {
          const caller = callerOf(options.host, request);
          const allowed = caller.kind === 'local' || (caller.kind === 'participant' && caller.role === 'editor');
          return allowed && (options.signaling?.authorize?.(request) ?? true);
        },
      })
    : null;
  const signalingSockets = new Map<Duplex, number>();
  const dropRemoved = () => {
    for (const [socket, participantId] of signalingSockets) {
      if (!options.host.access?.stillValid(participantId)) socket.destroy();
    }
  };
  const stopWatching = options.host.subscribe(() => dropRemoved());
  const sweep = setInterval(dropRemoved, 10_000);
  sweep.unref();
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (signaling && new URL(request.url ?? '/', 'http://localhost').pathname === signalingPath) {
      const caller = callerOf(options.host, request);
      if (caller.kind === 'participant') {
        signalingSockets.set(socket, caller.participantId);
        socket.once('close', () => signalingSockets.delete(socket));
      }
      signaling.handleUpgrade(request, socket, head);
    } else {
      socket.destroy();
    }
  };
  const makeServer = () => {
    const server = createServer(onRequest);
    server.requestTimeout = 60_000;
    server.on('upgrade', onUpgrade);
    return server;
  };
  const closeServer = (server: Server) =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  const listen = (server: Server, port: number, address: string) =>
    new Promise<void>((resolvePromise, rejectPromise) => {
      server.once('error', rejectPromise);
      server.listen(port, address, () => {
        server.off('error', rejectPromise);
        resolvePromise();
      });
    });

  const main = makeServer();
  /** The LAN listeners, opened while a meeting is open for joining (see access/lan.ts). */
  const lanServers = new Map<string, Server>();
  return listen(main, options.port, options.bindAddress).then(() => {
    const { port } = main.address() as AddressInfo;
    const shownHost = options.bindAddress === '0.0.0.0' ? '127.0.0.1' : options.bindAddress;
    return {
      url: `http://${shownHost}:${port}/`,
      port,
      listeningOn: () => [...lanServers.keys()],
      async listenOn(address: string) {
        if (lanServers.has(address)) return;
        const server = makeServer();
        await listen(server, port, address);
        lanServers.set(address, server);
      },
      async stopListening(address: string) {
        const server = lanServers.get(address);
        if (!server) return;
        lanServers.delete(address);
        await closeServer(server);
      },
      close: async () => {
        clearInterval(sweep);
        stopWatching();
        signaling?.close();
        await Promise.all([closeServer(main), ...[...lanServers.values()].map(closeServer)]);
        lanServers.clear();
      },
    };
  });
}
