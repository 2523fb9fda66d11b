/**
 * The HTTP boundary of the browser host: reading what a client sends without trusting it (a target
 * that is no URL, a body larger than announced or never finished, a parser error) and answering
 * refusals so that the connection closes cleanly. server.ts routes; this file reads and closes.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A request the server cannot read: its target does not parse as a URL or does not decode.
 * Answered 400, never a crash.
 */
export class BadRequest extends Error {}

/** The path of a request, decoded segments left as sent; throws BadRequest when it is no URL. */
export function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    throw new BadRequest('地址无法解析');
  }
}

/**
 * A log line for a refused request, without personal data: the method and the path only (no
 * query string, no body, no address), cut short and with anything unprintable replaced.
 */
export function logRefused(request: IncomingMessage, status: number, reason: string): void {
  const path = String(request.url ?? '').split('?')[0]!.slice(0, 120).replace(/[^\x21-\x7e]/g, '?');
  const method = String(request.method ?? '').slice(0, 20);
  console.error(`已拒绝请求（${status}，${reason}）：${method} ${path}`);
}

/** True when the request declares a body (a length above 0, or chunks). */
export function declaresBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

export type Body = { text: string } | 'too_large' | 'aborted';

/**
 * Reads the body up to `limit` bytes, counted as it arrives (chunked bodies have no length to
 * check before): past the limit, reading stops and what came is dropped.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (body: Body) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        chunks.length = 0;
        done('too_large');
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => done({ text: Buffer.concat(chunks).toString('utf8') }));
    request.once('error', () => done('aborted'));
    request.once('close', () => done('aborted'));
  });
}

/**
 * After a refusal, a body the client is still sending is drained (read and dropped) for at most
 * this many bytes and milliseconds, then the connection is closed. Closing at once would reset the
 * connection under a client still sending, and a reset can lose the answer on its way (the
 * "lingering close" of nginx and Apache).
 */
const drainBytes = 1024 * 1024;
const drainMs = 2_000;

/** Ends the answer once the unread body has ended, or once the drain's bytes or time are spent. */
function endAfterDrain(request: IncomingMessage, response: ServerResponse): void {
  let drained = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    request.off('data', onData);
    request.pause();
    response.end();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > drainBytes) end();
  };
  const timer = setTimeout(end, drainMs);
  request.on('data', onData);
  request.once('end', end);
  request.once('close', end);
  request.resume();
}

/**
 * Writes a whole answer. With `closing`, the request's body was not (fully) read: the answer says
 * Connection: close, and the connection closes after it (and after the drain).
 */
export function send(response: ServerResponse, status: number, type: string, text: string, closing?: IncomingMessage): void {
  const bytes = Buffer.from(text, 'utf8');
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closing ? { Connection: 'close' } : {}),
  });
  if (!closing || !declaresBody(closing)) {
    response.end(bytes);
    return;
  }
  response.write(bytes);
  endAfterDrain(closing, response);
}

/**
 * A request Node's parser cannot read (a malformed request line, headers over the limit, a client
 * too slow): answered here, as there is no request object, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inProgress = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  console.error(`已拒绝无法读取的请求（${status}，${String(error.code ?? '').slice(0, 40) || '未知'}）`);
  const text = status === 431 ? '请求头太大。' : status === 408 ? '请求超时。' : '请求无效。';
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + text, () => socket.destroy());
}
