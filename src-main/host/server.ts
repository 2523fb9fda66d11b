import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/api/content-security-policy';
import type { ApiResult } from '../../shared/api/result';
import type { Invoke } from './dispatch';
import { createSignalingServer, signalingPath, type SignalingOptions } from './signaling/signaling-server';

/** What the server needs of a host: only its contract calls (the host may be swapped after a recovery). */
export interface CallTarget {
  invoke: Invoke;
  subscribe(listener: (change: { channel: string }) => void): () => void;
}

/**
 * Server-sent events: one line per successful change, so the projector and other
 * screens refresh at once instead of polling.
 */
function serveEvents(host: CallTarget, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write(': connected\n\n');
  const stop = host.subscribe((change) => response.write(`data: ${JSON.stringify(change)}\n\n`));
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
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

export interface BrowserHost {
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

function reject(response: ServerResponse, status: number, code: string, message: string): void {
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

/**
 * The residents' public page is open to anyone on the LAN: each address may raise
 * only a few matters in a while.
 */
const publicLimit = { calls: 5, windowMs: 10 * 60 * 1000 };
const publicCalls = new Map<string, number[]>();
function rateLimited(channel: string, request: IncomingMessage): boolean {
  if (channel !== 'wish:submit') return false;
  const address = request.socket.remoteAddress ?? '';
  const now = Date.now();
  const recent = (publicCalls.get(address) ?? []).filter((at) => now - at < publicLimit.windowMs);
  if (recent.length >= publicLimit.calls) return true;
  recent.push(now);
  publicCalls.set(address, recent);
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
  const name = decodeURIComponent(channel);
  if (rateLimited(name, request)) {
    return reject(response, 429, 'rate_limited', '提交太频繁了,请过一会儿再试。');
  }
  sendJson(response, 200, await host.invoke(name, input));
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
  const server = createServer((request, response) => {
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
  });
  server.requestTimeout = 60_000;
  // Minutes signaling hook (issue 6): WebSocket upgrades on /signal go to the y-webrtc signaling
  // server; every other upgrade is refused. Access checks (join codes, roles) belong in
  // `authorize`, which sees the upgrade request before any frame is read.
  const signaling = options.signaling ? createSignalingServer(options.signaling) : null;
  server.on('upgrade', (request, socket, head) => {
    if (signaling && new URL(request.url ?? '/', 'http://localhost').pathname === signalingPath) {
      signaling.handleUpgrade(request, socket, head);
    } else {
      socket.destroy();
    }
  });
  return new Promise((resolvePromise, rejectPromise) => {
    server.once('error', rejectPromise);
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', rejectPromise);
      const { port } = server.address() as AddressInfo;
      const shownHost = options.bindAddress === '0.0.0.0' ? '127.0.0.1' : options.bindAddress;
      resolvePromise({
        url: `http://${shownHost}:${port}/`,
        port,
        close: () =>
          new Promise((done) => {
            signaling?.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
