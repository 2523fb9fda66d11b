/**
 * The HTTP boundary of the browser host: no request ends the process, and a request is weighed
 * (channel, caller, size, rate) before its body is read. Most cases run against the real server
 * process (serve.ts); the timeouts and signaling cases run in this process with short limits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/core/server';
import { logInTo } from './chair-login';
import { rawExchange, spawnHost, stillAnswers, type SpawnedHost } from './raw-http';
import { tempHost } from './temp-host';

let host: SpawnedHost;
beforeAll(async () => {
  host = await spawnHost();
}, 90_000);
afterAll(async () => {
  await host?.stop();
});

/** GET / answers with the page, or with 503 where the UI was not built: either way the host answered. */
async function expectAnswering() {
  expect(host.alive(), host.output()).toBe(true);
  const { page, api } = await stillAnswers(host.port);
  expect([200, 503]).toContain(page);
  expect(api).toEqual({ ok: true, value: [] });
}

const request = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

describe('the host never exits on input', () => {
  it('a path that does not decode gets 400 in plain text, and the host answers on', async () => {
    const reply = await rawExchange({ port: host.port, send: request(['GET /%E0%A4%A HTTP/1.1', 'Host: 127.0.0.1']), untilStatus: true });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/content-type: text\/plain/i);
    await expectAnswering();
  });

  it('an absolute target that is no URL (GET http://[) gets 400, and the host answers on', async () => {
    const reply = await rawExchange({ port: host.port, send: request(['GET http://[ HTTP/1.1', 'Host: 127.0.0.1']), untilStatus: true });
    expect(reply.status).toBe(400);
    await expectAnswering();
  });

  it('a call whose name does not decode gets 400 with a short Chinese JSON error', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/call/%E0%A4%A`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    await expectAnswering();
  });

  it('the log line of a bad request carries no query values and no body', async () => {
    await rawExchange({ port: host.port, send: request(['GET /%E0%A4%A?phone=13912345678 HTTP/1.1', 'Host: 127.0.0.1']), untilStatus: true });
    await rawExchange({ port: host.port, send: request(['POST /api/call/%E0%A4%A HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', 'Content-Length: 24'], '{"phone":"13787654321"}'), untilStatus: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.output()).toMatch(/400/);
    expect(host.output()).not.toContain('13912345678');
    expect(host.output()).not.toContain('13787654321');
  });

  it('malformed request lines and huge headers are answered 400 and 431', async () => {
    const garbage = await rawExchange({ port: host.port, send: 'HELLO\r\n\r\n', untilStatus: true });
    expect(garbage.status).toBe(400);
    const huge = await rawExchange({ port: host.port, send: request(['GET / HTTP/1.1', 'Host: 127.0.0.1', `X-Filler: ${'a'.repeat(40_000)}`]), untilStatus: true });
    expect(huge.status).toBe(431);
    await expectAnswering();
  });
});

describe('a request is weighed before its body is read', () => {
  // Each of these declares a body and sends none: only an answer given before reading can come.
  const headersOnly = (path: string, length: number, extra: string[] = []) =>
    request([`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${length}`, ...extra]);
  /** The chair's session: loopback alone is not the chair. */
  const asChair = () => [`Cookie: ${host.chairCookie}`];

  it('an unknown channel is refused at once, and the connection closed', async () => {
    const reply = await rawExchange({ port: host.port, send: headersOnly('/api/call/nope:nothing', 1_000, asChair()), waitMs: 3_000 });
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('"unknown_call"');
    expect(reply.closed).toBe(true);
  });

  it('a caller who may not make the call is refused at once (another computer asking for the roster)', async () => {
    const reply = await rawExchange({ port: host.port, send: headersOnly('/api/call/council:list', 1_000), localAddress: '127.0.0.2', waitMs: 3_000 });
    expect(reply.status).toBe(403);
    expect(reply.text).toContain('"unauthenticated"');
    expect(reply.closed).toBe(true);
    // Nor does it learn which calls exist: an unknown one is refused the same way.
    const unknown = await rawExchange({ port: host.port, send: headersOnly('/api/call/nope:nothing', 10), localAddress: '127.0.0.2', waitMs: 3_000 });
    expect(unknown.status).toBe(403);
    expect(unknown.text).toContain('"unauthenticated"');
  });

  it('a Content-Length above the limit is refused at once: 16 KB for public calls, 30 MB for the others', async () => {
    const publicCall = await rawExchange({ port: host.port, send: headersOnly('/api/call/wish:submit', 17 * 1024), localAddress: '127.0.0.3', waitMs: 3_000 });
    expect(publicCall.status).toBe(413);
    expect(publicCall.closed).toBe(true);
    const chairCall = await rawExchange({ port: host.port, send: headersOnly('/api/call/council:create', 31 * 1024 * 1024, asChair()), waitMs: 3_000 });
    expect(chairCall.status).toBe(413);
    expect(chairCall.closed).toBe(true);
    // The chair's calls keep today's limit: a 1 MB body is read and answered.
    const big = await fetch(`http://127.0.0.1:${host.port}/api/call/council:create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: host.chairCookie },
      body: JSON.stringify({ input: { name: '院'.repeat(400_000) } }),
    });
    expect(big.status).toBe(200);
  });

  it('a rate-limited caller is refused before the body', async () => {
    const small = JSON.stringify({ input: { wishId: 1 } });
    for (let i = 0; i < 20; i += 1) {
      await rawExchange({ port: host.port, localAddress: '127.0.0.4', untilStatus: true, send: headersOnly('/api/call/wish:support', Buffer.byteLength(small)) + small });
    }
    const reply = await rawExchange({ port: host.port, send: headersOnly('/api/call/wish:support', 500), localAddress: '127.0.0.4', waitMs: 3_000 });
    expect(reply.status).toBe(429);
    expect(reply.closed).toBe(true);
  });

  it('a chunked body without Content-Length is counted while read and cut off at the limit', async () => {
    const reply = await rawExchange({
      port: host.port,
      localAddress: '127.0.0.5',
      waitMs: 5_000,
      send: (write) => {
        write(request(['POST /api/call/wish:submit HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', 'Transfer-Encoding: chunked']));
        const chunk = 'a'.repeat(4_096);
        for (let i = 0; i < 8; i += 1) write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        // No last chunk: without the cut-off the server would wait for the rest.
      },
    });
    expect(reply.status).toBe(413);
    expect(reply.closed).toBe(true);
  });

  it('a 30 MB body to a public call is refused with 413 quickly, without the host swelling', async () => {
    const before = host.residentMegabytes();
    const replies = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        rawExchange({
          port: host.port,
          localAddress: `127.0.1.${i + 1}`,
          waitMs: 10_000,
          untilStatus: true,
          // Sends the 30 MB as a browser would: paced by the socket, stopping once an answer came.
          send: async (write, pace) => {
            write(request(['POST /api/call/wish:submit HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${30 * 1024 * 1024}`]));
            const chunk = Buffer.alloc(64 * 1024, 0x61);
            for (let sent = 0; sent < 480 && !pace.answered(); sent += 1) {
              write(chunk);
              await pace.flushed();
            }
          },
        }),
      ),
    );
    for (const reply of replies) {
      expect(reply.status).toBe(413);
      expect(reply.answeredAfter).toBeLessThan(3_000);
    }
    const after = host.residentMegabytes();
    if (before !== null && after !== null) expect(after - before).toBeLessThan(60);
    await expectAnswering();
  });

  it('a client that asks to continue (Expect: 100-continue) gets 100 only when the call may go on', async () => {
    const refused = await rawExchange({ port: host.port, send: headersOnly('/api/call/council:list', 100, ['Expect: 100-continue']), localAddress: '127.0.0.2', untilStatus: true });
    expect(refused.status).toBe(403);
    const body = JSON.stringify({ input: {} });
    const accepted = await rawExchange({
      port: host.port,
      waitMs: 3_000,
      send: (write) => write(headersOnly('/api/call/council:list', Buffer.byteLength(body), ['Expect: 100-continue', ...asChair()])),
      untilStatus: true,
    });
    expect(accepted.status).toBe(100);
  });
});

describe('slow clients and signaling origins (in this process, with short limits)', () => {
  let server: BrowserHost | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(withSignaling = false) {
    const temp = tempHost();
    const webRoot = join(temp.dir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>院落议事</title>');
    server = await startBrowserHost({
      host: temp,
      webRoot,
      port: 0,
      bindAddress: '127.0.0.1',
      timeouts: { headersMs: 1_000, requestMs: 2_000, checkEveryMs: 250 },
      ...(withSignaling ? { signaling: { roomOpened: () => true } } : {}),
    });
    chairCookie = await logInTo(server, temp);
    return server;
  }
  let chairCookie = '';

  it('a client that sends half a request and stalls is dropped', async () => {
    const { port } = await start();
    const stalledHeaders = rawExchange({ port, send: 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', waitMs: 5_000 });
    const stalledBody = rawExchange({ port, send: request(['POST /api/call/council:list HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', 'Content-Length: 100'], '{"in'), waitMs: 6_000 });
    const [headers, body] = await Promise.all([stalledHeaders, stalledBody]);
    expect(headers.closed).toBe(true);
    expect(body.closed).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  function upgrade(port: number, origin: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/signal`, { origin, headers: { Cookie: chairCookie } });
      socket.on('open', () => {
        socket.close();
        resolve('open');
      });
      socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      socket.on('error', (error) => resolve(`error ${error.message}`));
    });
  }

  it("signaling refuses Origin: null and any origin that is not the host's own, even from this computer", async () => {
    const { port } = await start(true);
    expect(await upgrade(port, 'null')).toBe('403');
    expect(await upgrade(port, 'file://')).toBe('403');
    expect(await upgrade(port, 'http://evil.example')).toBe('403');
    expect(await upgrade(port, `ftp://127.0.0.1:${port}`)).toBe('403');
    expect(await upgrade(port, `http://127.0.0.1:${port}`)).toBe('open');
  });

  it('an upgrade whose target is no URL is refused, and the host answers on', async () => {
    const { port } = await start(true);
    const reply = await rawExchange({ port, send: request(['GET http://[ HTTP/1.1', 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']), waitMs: 2_000 });
    expect(reply.closed).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });
});
