import type { ErrorCode } from '../../../shared/api/errors';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../../shared/api/content-security-policy';
import { withoutState, type HostChange } from '../../../shared/api/changes';
import { contract, isChannel } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import type { AccessGate } from '../areas/lan/gate';
import { lanAddresses, type LanListeners } from '../areas/lan/lan';
import { chairLifetimeMs } from '../areas/lan/chair-sessions';
import type { Caller } from './caller';
import type { Invoke } from './dispatch';
import { HostError } from './errors';
import { answerClientError, BadRequest, logRefused, pathOf, readBody, send } from './http-boundary';
import { checkChannel, publicChannels, rateLimitOf } from './policy';
import { createSignalingServer, signalingPath, type SignalingOptions } from '../areas/minutes/signaling-server';

/** What the server needs of a host: only its contract calls (the host may be swapped after a recovery). */
export interface CallTarget {
  invoke: Invoke;
  subscribe(listener: (change: HostChange) => void): () => void;
  /** Who a request is; without it, every request is the public caller (fail closed). */
  access?: AccessGate;
}

/** One cookie for both kinds of session: the chair's (see chair-sessions.ts) and a participant's. */
export const sessionCookie = 'courtyard_session';

/** The session token a request carries in its cookie, as sent (its shape is checked where it is used). */
function sessionToken(request: IncomingMessage): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=');
  }
  return null;
}

/** The caller of a request: the chair, a participant with a valid session, or the public. */
function callerOf(host: CallTarget, request: IncomingMessage): Caller {
  return host.access?.identify(request.socket.remoteAddress ?? '', sessionToken(request)) ?? { kind: 'public' };
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
  // The record a change carries goes to the chair's pages and to participants of its own meeting
  // (who may read it: the console's state has no per-role view); anyone else is told only that it changed.
  const mayRead = ({ state, meetingId }: HostChange) => {
    if (!state || caller.kind === 'local') return true;
    if (caller.kind !== 'participant' || caller.meetingId !== meetingId || !isChannel(state.channel)) return false;
    const { access } = contract[state.channel];
    return !access.participantView && (access.roles as readonly string[] | undefined)?.includes(caller.role) === true;
  };
  const stop = host.subscribe((change) => response.write(`data: ${JSON.stringify(mayRead(change) ? change : withoutState(change))}\n\n`));
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
/** The calls anyone may make (the wish page, joining) carry a few lines of text: a few KB at most. */
const maxPublicBodyBytes = 16 * 1024;

/** How long a client may take; one that stalls is answered 408 and dropped. */
export interface ServerTimeouts {
  /** Until the request line and headers have arrived. */
  headersMs: number;
  /** Until the whole request, body included, has arrived. */
  requestMs: number;
  /** How often open connections are checked against the two limits above. */
  checkEveryMs: number;
}

const defaultTimeouts: ServerTimeouts = { headersMs: 20_000, requestMs: 60_000, checkEveryMs: 5_000 };

export interface BrowserHostOptions {
  host: CallTarget;
  webRoot: string;
  port: number;
  /** 127.0.0.1 unless the chair opens the app to the LAN. */
  bindAddress: string;
  /** y-webrtc signaling for the minutes at ws://<host>/signal; omitted: no signaling. */
  signaling?: Pick<SignalingOptions, 'roomOpened' | 'authorize'>;
  /** Limits for slow clients; tests shorten them. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface BrowserHost extends LanListeners {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>, closing?: IncomingMessage): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), closing);
}

function reject(response: ServerResponse, status: number, code: ErrorCode, message: string, closing?: IncomingMessage): void {
  sendJson(response, status, { ok: false, error: { code, message } }, closing);
}

function rejectText(response: ServerResponse, status: number, text: string, closing?: IncomingMessage): void {
  send(response, status, 'text/plain; charset=utf-8', text, closing);
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

/** Why this caller may not make this call at all (judged on the channel alone), or null. */
function refusalOf(channel: string, caller: Caller): ApiError | null {
  try {
    checkChannel(channel, caller);
    return null;
  } catch (error) {
    if (error instanceof HostError) return error.toApiError();
    throw error;
  }
}

function bodyLimitOf(channel: string): number {
  return isChannel(channel) && publicChannels.has(channel) ? maxPublicBodyBytes : maxBodyBytes;
}

function tooLargeMessage(limit: number): string {
  return limit >= 1024 * 1024 ? `提交的内容太大（最大 ${limit / 1024 / 1024} MB）。` : `提交的内容太大（最大 ${limit / 1024} KB）。`;
}

/**
 * One contract call. Everything that can be judged from the request line and the headers (method,
 * origin, type, channel, caller, declared size, rate) is judged before a byte of the body is read;
 * a refusal then closes the connection, so an unread body is never waited for nor kept.
 */
async function handleCall(host: CallTarget, rawChannel: string, request: IncomingMessage, response: ServerResponse, expectsContinue: boolean) {
  const refuse = (status: number, code: ErrorCode, message: string) => {
    if (!expectsContinue) return reject(response, status, code, message, request);
    // A client that asked to continue sends no body after a refusal: nothing to drain, but the
    // connection still closes (its declared body never comes).
    response.setHeader('Connection', 'close');
    reject(response, status, code, message);
  };
  if (request.method !== 'POST') return refuse(405, 'method_not_allowed', '只接受 POST 请求。');
  if (!sameOrigin(request)) return refuse(403, 'forbidden', '拒绝来自其他网站的请求。');
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(415, 'invalid_input', '请求格式应为 JSON。');
  }
  let channel: string;
  try {
    channel = decodeURIComponent(rawChannel);
  } catch {
    logRefused(request, 400, '操作名无法解码');
    return refuse(400, 'unknown_call', '未知的操作。');
  }
  // The caller first: someone who may not call learns nothing, not even which calls exist.
  const caller = callerOf(host, request);
  const refusal = refusalOf(channel, caller);
  if (refusal) return refuse(403, refusal.code, refusal.message);
  if (!isChannel(channel)) return refuse(404, 'unknown_call', `未知的操作：${channel.slice(0, 60)}`);
  const limit = bodyLimitOf(channel);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    logRefused(request, 413, `声明的内容长度超过 ${limit} 字节`);
    return refuse(413, 'invalid_input', tooLargeMessage(limit));
  }
  if (rateLimited(channel, request)) return refuse(429, 'rate_limited', '提交太频繁了，请过一会儿再试。');
  if (expectsContinue) response.writeContinue();
  const body = await readBody(request, limit);
  if (body === 'aborted') return;
  if (body === 'too_large') {
    logRefused(request, 413, `内容超过 ${limit} 字节`);
    return refuse(413, 'invalid_input', tooLargeMessage(limit));
  }
  let input: unknown;
  try {
    input = body.text === '' ? {} : (JSON.parse(body.text) as { input?: unknown }).input;
  } catch {
    return reject(response, 400, 'invalid_input', '请求内容不是有效的 JSON。');
  }
  const result = await host.invoke(channel, input, caller, pageOf(request));
  if (channel === 'access:join' && result.ok) return sendJoined(host, request, response, result.value as { sessionToken?: string });
  sendJson(response, 200, result);
}

/** The header a page names itself in (a random id per page load), echoed in the change events its calls make. */
export const pageHeader = 'x-courtyard-page';

function pageOf(request: IncomingMessage): string | undefined {
  const page = request.headers[pageHeader];
  return typeof page === 'string' && /^[A-Za-z0-9-]{8,40}$/.test(page) ? page : undefined;
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

const loginPath = '/login';
const foreignHostMessage = '请求的主机名不是这台主机的名字或地址，已拒绝。请用主机显示的地址打开。';
const loginRefusedMessage =
  '这个登录地址无效或已过期：主机每次启动都会显示一个新的登录地址，请在这台电脑上打开主机最近一次显示的地址。';

/**
 * The chair's login: the address the host printed carries this run's key once. It is exchanged for
 * a session in an HttpOnly SameSite=Strict cookie, and the browser is sent on to / at once, so the
 * key stays neither in the address bar nor in what a page could send on as Referer.
 */
function logIn(host: CallTarget, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET');
    return rejectText(response, 405, '只接受 GET 请求。', request);
  }
  let key: string | null = null;
  try {
    key = new URL(request.url ?? '/', 'http://localhost').searchParams.get('key');
  } catch {
    key = null;
  }
  const token = host.access?.login(request.socket.remoteAddress ?? '', key) ?? null;
  if (!token) {
    logRefused(request, 403, '登录密钥不对');
    return rejectText(response, 403, loginRefusedMessage, request);
  }
  response.writeHead(303, {
    Location: '/',
    'Set-Cookie': `${sessionCookie}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${chairLifetimeMs / 1000}`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Length': 0,
  });
  response.end();
}

/** What the server knows of itself while it runs: the names a request may give in Host. */
interface Site {
  isOwnHost(request: IncomingMessage): boolean;
}

/**
 * Whether a request's Host names this host: 127.0.0.1, localhost or [::1], or a LAN address it
 * listens on, with the port it listens on (or without a port: a browser leaves the port out only
 * for port 80, so a bare name comes from a program, not from a page). A page served under another
 * name (DNS rebinding: evil.example resolving to 127.0.0.1) sends that name, and is refused the
 * API, the events, the signaling and the login, even when its Origin matches its Host.
 */
function ownHostCheck(names: () => Iterable<string>, port: () => number): Site['isOwnHost'] {
  return (request) => {
    const given = String(request.headers.host ?? '').toLowerCase();
    if (!given) return false;
    const listening = port();
    for (const name of names()) {
      if (given === `${name}:${listening}` || given === name) return true;
    }
    return false;
  };
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

function serveStatic(webRoot: string, pathname: string, response: ServerResponse): void {
  const root = resolve(webRoot);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new BadRequest('路径无法解码');
  }
  let file = resolve(join(root, normalize(decoded)));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  // Hidden files and folders (the build tool's .vite manifest, an editor's leftovers) are never
  // served: they are not the app, and say more about the build than a page needs.
  const hidden = file.slice(root.length).split(sep).some((segment) => segment.startsWith('.'));
  const isAsset = !hidden && existsSync(file) && statSync(file).isFile();
  // Unknown paths are the app's own routes (/projector, /wish later): serve the page.
  if (!isAsset) file = join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('界面尚未构建：请先运行 npm run build:web。');
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
  // A file that vanishes between the check and the read (a rebuild) ends this answer, not the host.
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * One request, whatever it is: the URL is parsed and decoded inside, so every failure is an
 * answer (400 for what cannot be read, 500 for our own faults), never an exception that ends the host.
 */
async function answer(options: BrowserHostOptions, site: Site, request: IncomingMessage, response: ServerResponse, expectsContinue: boolean): Promise<void> {
  const pathname = pathOf(request);
  const guarded = pathname === '/api' || pathname.startsWith('/api/') || pathname === loginPath;
  if (guarded && !site.isOwnHost(request)) {
    logRefused(request, 403, '主机名不是本机的');
    if (pathname === loginPath) return rejectText(response, 403, foreignHostMessage, request);
    return reject(response, 403, 'forbidden', foreignHostMessage, request);
  }
  if (pathname === loginPath) return logIn(options.host, request, response);
  if (pathname === '/api/events') {
    if (request.method !== 'GET') return reject(response, 405, 'method_not_allowed', '只接受 GET 请求。');
    return serveEvents(options.host, request, response);
  }
  const call = /^\/api\/call\/([^/]+)$/.exec(pathname);
  if (call) return handleCall(options.host, call[1]!, request, response, expectsContinue);
  if (pathname === '/api' || pathname.startsWith('/api/')) return reject(response, 404, 'unknown_call', '未知的操作。');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return rejectText(response, 405, '只接受 GET 请求。');
  }
  serveStatic(options.webRoot, pathname, response);
}

function answerFailure(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  const bad = error instanceof BadRequest;
  if (bad) logRefused(request, 400, error.message);
  else console.error(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const isApi = /^\/api(\/|$)/.test(String(request.url ?? ''));
  if (bad && isApi) reject(response, 400, 'invalid_input', '请求地址无效。', request);
  else if (bad) rejectText(response, 400, '请求地址无效。', request);
  else reject(response, 500, 'internal', '服务器内部错误，数据没有改动。', request);
}

export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  /** The LAN listeners, opened while a meeting is open for joining (see access/lan.ts). */
  const lanServers = new Map<string, Server>();
  let listeningPort = -1;
  const site: Site = {
    isOwnHost: ownHostCheck(
      () => [
        ...loopbackNames,
        ...lanServers.keys(),
        // --lan: every interface, so every LAN address of this computer is its own.
        ...(options.bindAddress === '0.0.0.0' ? lanAddresses() : [options.bindAddress]),
      ],
      () => listeningPort,
    ),
  };
  const onRequest = (request: IncomingMessage, response: ServerResponse, expectsContinue = false) => {
    answer(options, site, request, response, expectsContinue).catch((error: unknown) => answerFailure(request, response, error));
  };
  // Minutes signaling: WebSocket upgrades on /signal go to the y-webrtc signaling
  // server; every other upgrade is refused. Only this computer and minutes editors may connect;
  // an editor removed by the chair is disconnected at the next change.
  const signaling = options.signaling
    ? createSignalingServer({
        ...options.signaling,
        authorize: (request) => {
          if (!site.isOwnHost(request)) return false;
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
    // The socket is ours from here on: its errors (a reset mid-handshake) end it, not the host.
    socket.on('error', () => socket.destroy());
    try {
      if (!signaling || pathOf(request) !== signalingPath) {
        socket.destroy();
        return;
      }
      const caller = callerOf(options.host, request);
      if (caller.kind === 'participant') {
        signalingSockets.set(socket, caller.participantId);
        socket.once('close', () => signalingSockets.delete(socket));
      }
      signaling.handleUpgrade(request, socket, head);
    } catch (error) {
      if (error instanceof BadRequest) logRefused(request, 400, error.message);
      else console.error(error);
      socket.destroy();
    }
  };
  const makeServer = () => {
    const server = createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: timeouts.checkEveryMs,
      },
      (request, response) => onRequest(request, response),
    );
    // Clients that send Expect: 100-continue (curl, for large bodies) hear "continue" only once
    // the call has been weighed, so a refused body is never sent.
    server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => onRequest(request, response, true));
    server.on('clientError', answerClientError);
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
  return listen(main, options.port, options.bindAddress).then(() => {
    const { port } = main.address() as AddressInfo;
    listeningPort = port;
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
