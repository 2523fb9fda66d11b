/**
 * Raw bytes at the real browser host process (serve.ts), on loopback: malformed request lines,
 * bad percent-encodings, odd methods and versions, huge and broken headers, lying Content-Length,
 * broken chunks, invalid JSON, wrong content types, random bytes; and slow clients that send half
 * a request and stall meanwhile. Bounded (a fixed seed and count, a few seconds): the host must
 * answer each with an HTTP status or a closed connection, never a 500, and still answer afterwards.
 */
import fc from 'fast-check';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, spawnHost, stillAnswers, type SpawnedHost } from '../integration/raw-http';

const runs = 300;
const seed = 14;
const concurrent = 20;

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'POST') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'PROPFIND', 'TRACE', 'BREW', 'get', 'G\tET', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const percent = fc.tuple(fc.constantFrom(...'0123456789ABCDEFGZ%'), fc.constantFrom(...'0123456789abcdefz%')).map(([a, b]) => `%${a}${b}`);
const segment = fc.oneof(fc.constantFrom('api', 'call', 'council:list', 'wish:submit', 'access:join', 'events', 'signal', 'assets', '..', '.', ''), percent, fc.string({ maxLength: 6 }));
const target = fc.oneof(
  fc.constantFrom(
    '/',
    '/api/call/council:list',
    '/api/call/wish:submit',
    '/api/call/access:join',
    '/api/events',
    '/api',
    '/signal',
    '/%E0%A4%A',
    '/%',
    '/%%',
    '/%00',
    '/..%2f..%2fcouncil.sqlite',
    'http://[',
    'http://[::1',
    'http://evil.example/',
    '*',
    '//',
    '/api/call/%E0%A4%A',
    '/api/call/',
    '/api/call/a/b',
    '/wish?phone=%FF%FE',
  ),
  fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
  fc.tuple(fc.array(segment, { maxLength: 3 }), fc.string({ maxLength: 12 })).map(([parts, query]) => `/${parts.join('/')}?${query}`),
);
const version = fc.oneof(
  { weight: 8, arbitrary: fc.constant('HTTP/1.1') },
  { weight: 2, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'http/1.1', 'HTTP/1.', '', 'HTTP/1.1 extra') },
);
const header = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(
    'Host: 127.0.0.1',
    'Host: evil.example:4820',
    'Content-Type: application/json',
    'Content-Type: application/json; charset=gbk',
    'Content-Type: text/plain',
    'Content-Type: multipart/form-data; boundary=x',
    'Content-Length: 0',
    'Content-Length: 5',
    'Content-Length: 100000',
    'Content-Length: 99999999999',
    'Content-Length: -1',
    'Content-Length: abc',
    'Content-Length: 3, 4',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip',
    'Transfer-Encoding: chunked, chunked',
    'Expect: 100-continue',
    'Expect: something-else',
    'Origin: null',
    'Origin: http://evil.example',
    'Cookie: courtyard_session=not-a-session',
    'X-Courtyard-Session: %%%',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'no colon here',
    ' leading-space: x',
    'X-Control: a\u0001b',
    'X-Latin: café',
  ) },
  { weight: 1, arbitrary: fc.nat({ max: 24_000 }).map((size) => `X-Filler: ${'a'.repeat(size)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })).map(([name, value]) => `${name}: ${value}`) },
);
const body = fc.oneof(
  fc.constantFrom('', '{"input":{}}', '{"input":{"councilId":1,"text":"修理健身器材和路灯"}}', '{', 'null', '[]', '{"input":', '"input"', '5\r\nabcde\r\n0\r\n\r\n', 'zz\r\nabc\r\n', '0\r\n\r\n'),
  fc.json(),
  fc.string({ maxLength: 200 }),
);

interface Shaped {
  kind: 'shaped';
  requestLine: [string, string, string];
  /** Most requests name their host, as HTTP/1.1 requires: the others get 400 before anything else. */
  withHost: boolean;
  headers: string[];
  body: string;
  lineEnd: string;
  end: boolean;
}
/** Well-formed up to the body: reaches the host's own code (routing, the call's checks, JSON). */
interface WellFormed {
  kind: 'well-formed';
  method: string;
  target: string;
  headers: string[];
  body: string;
  /** How far the declared Content-Length lies: 0 tells the truth, >0 promises more, <0 less. */
  lengthLie: number;
  chunked: boolean;
  end: boolean;
}
interface Random {
  kind: 'random';
  bytes: Uint8Array;
  end: boolean;
}

const wellFormedHeader = fc.constantFrom(
  'Origin: null',
  'Origin: http://evil.example',
  'Origin: http://127.0.0.1',
  'Cookie: courtyard_session=not-a-session',
  'Expect: 100-continue',
  'Accept: */*',
);
const wellFormed = fc.record({
  kind: fc.constant('well-formed' as const),
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE'),
  target: fc.oneof(
    fc.constantFrom('/api/call/council:list', '/api/call/wish:submit', '/api/call/wish:support', '/api/call/access:join', '/api/call/access:whoami', '/api/call/nope:nothing', '/api/call/%E0%A4%A', '/api/events', '/api/x', '/', '/wish', '/%E0%A4%A', '/assets/%FF'),
    fc.array(segment, { maxLength: 4 }).map((parts) => `/api/call/${parts.join('')}`),
  ),
  headers: fc.tuple(
    fc.constantFrom('Content-Type: application/json', 'Content-Type: application/json', 'Content-Type: application/json; charset=utf-8', 'Content-Type: text/plain', 'X-No-Type: 1'),
    fc.array(wellFormedHeader, { maxLength: 2 }),
  ).map(([type, more]) => [type, ...more]),
  body: fc.oneof({ weight: 2, arbitrary: fc.jsonValue().map((input) => JSON.stringify({ input })) }, { weight: 1, arbitrary: body }),
  lengthLie: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 50_000 }) }),
  chunked: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  end: fc.boolean(),
});

const exchange: fc.Arbitrary<Shaped | WellFormed | Random> = fc.oneof(
  { weight: 5, arbitrary: wellFormed },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('shaped' as const), requestLine: fc.tuple(method, target, version), withHost: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), headers: fc.array(header, { maxLength: 5 }), body, lineEnd: fc.constantFrom('\r\n', '\r\n', '\r\n', '\n'), end: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 300 }), end: fc.boolean() }) },
);

function bytesOf(value: Shaped | WellFormed | Random): Buffer {
  if (value.kind === 'random') return Buffer.from(value.bytes);
  if (value.kind === 'well-formed') {
    const payload = Buffer.from(value.body, 'utf8');
    const framing = value.chunked
      ? ['Transfer-Encoding: chunked']
      : [`Content-Length: ${Math.max(0, payload.length + value.lengthLie)}`];
    const content = value.chunked ? Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]) : payload;
    const head = [`${value.method} ${value.target} HTTP/1.1`, 'Host: 127.0.0.1', ...value.headers, ...framing].join('\r\n');
    return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), content]);
  }
  const [verb, path, httpVersion] = value.requestLine;
  const lines = [[verb, path, httpVersion].filter(Boolean).join(' '), ...(value.withHost ? ['Host: 127.0.0.1'] : []), ...value.headers];
  return Buffer.from(`${lines.join(value.lineEnd)}${value.lineEnd}${value.lineEnd}${value.body}`, 'utf8');
}

/** Sockets that send half a request and then say nothing: the host must serve others meanwhile. */
function stallers(port: number): Socket[] {
  const halves = [
    'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    'POST /api/call/council:list HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inp',
    'POST /api/call/wish:submit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc',
    'GE',
  ];
  return Array.from({ length: 20 }, (_, i) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined);
    socket.on('connect', () => socket.write(halves[i % halves.length]!));
    return socket;
  });
}

let host: SpawnedHost;
beforeAll(async () => {
  host = await spawnHost();
}, 90_000);
afterAll(async () => {
  await host?.stop();
});

describe('fuzz: raw sockets at the real host process', () => {
  it(`${runs} generated requests (seed ${seed}) and stalled clients: every answer is a status or a close, never a 500, and the host answers on`, async () => {
    const stalled = stallers(host.port);
    const samples = fc.sample(exchange, { numRuns: runs, seed });
    const failures: string[] = [];
    let answered = 0;
    const statuses = new Map<number, number>();
    for (let start = 0; start < samples.length; start += concurrent) {
      const batch = samples.slice(start, start + concurrent);
      const replies = await Promise.all(batch.map((value) => rawExchange({ port: host.port, send: bytesOf(value), endAfterSend: value.end, waitMs: 600 })));
      replies.forEach((reply, i) => {
        const sent = JSON.stringify(bytesOf(batch[i]!).toString('latin1').slice(0, 160));
        if (reply.status) answered += 1;
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.text && !/^HTTP\/1\.1 \d{3} /.test(reply.text)) failures.push(`not an HTTP answer to ${sent}: ${JSON.stringify(reply.text.slice(0, 80))}`);
        if (reply.status >= 500 && reply.status !== 503) failures.push(`${reply.status} to ${sent}`);
        if (reply.text.includes('"code":"internal"')) failures.push(`internal error to ${sent}`);
      });
      if (!host.alive()) break;
    }
    console.log(`fuzz server-sockets: ${samples.length} requests, ${answered} answered with a status, ${failures.length} failures; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(host.alive(), host.output().slice(-2_000)).toBe(true);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(answered).toBeGreaterThan(runs / 3);
    // While the stalled clients still hold their connections, a page and a call are answered.
    const { page, api } = await stillAnswers(host.port);
    expect([200, 503]).toContain(page);
    expect(api).toMatchObject({ ok: true });
    for (const socket of stalled) socket.destroy();
  }, 60_000);
});
