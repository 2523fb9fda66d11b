/**
 * The real browser host as its own process (`tsx src-main/host/cli/serve.ts --port 0 --db <tmp>`),
 * and a raw TCP client that sends exactly the bytes a test gives it: malformed request lines,
 * lying Content-Length, half requests. All on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logInAt, printedLogin } from './chair-login';

export interface SpawnedHost {
  port: number;
  /** The chair's session cookie (name=value), from the login address the host printed. */
  chairCookie: string;
  child: ChildProcess;
  /** Everything the host printed so far (stdout and stderr). */
  output(): string;
  alive(): boolean;
  /** Resident memory of the host process in MB (Linux /proc); null elsewhere. */
  residentMegabytes(): number | null;
  stop(): Promise<void>;
}

/** The chair's session of each host spawned here, by port: stillAnswers calls as the chair. */
const chairCookies = new Map<number, string>();

/** Starts `serve.ts` on a fresh temporary database, waits for its login address and logs the chair in. */
export async function spawnHost(startTimeout = 60_000): Promise<SpawnedHost> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-boundary-'));
  const args = ['--import', 'tsx', 'src-main/host/cli/serve.ts', '--port', '0', '--db', join(dir, 'council.sqlite')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const login = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), startTimeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = printedLogin.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const port = Number(login[2]);
  const chairCookie = await logInAt(login[0]);
  chairCookies.set(port, chairCookie);
  return {
    port,
    chairCookie,
    child,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    residentMegabytes() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
        return kilobytes ? Number(kilobytes) / 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

export interface RawReply {
  /** What the server sent back, as text. */
  text: string;
  /** The status of the first response line, or 0 when none came. */
  status: number;
  /** True when the server closed the connection (or reset it) before the wait ran out. */
  closed: boolean;
  /** Milliseconds from sending to the first byte of the answer (or to the end of the wait). */
  answeredAfter: number;
  /** The socket error that ended the exchange, if one did (a reset, a refused connection). */
  error?: string;
}

/** What a sending client watches: whether an answer has come, and when its writes have gone out. */
export interface Pace {
  answered(): boolean;
  /** Resolves once what was written has left for the kernel (or at once when the socket is gone). */
  flushed(): Promise<void>;
}

export interface RawOptions {
  port: number;
  /** Sent on connect; a function is called to send more (or to stall), pacing itself as a client would. */
  send: string | Buffer | ((write: (data: string | Buffer) => boolean, pace: Pace) => void);
  /** How long to wait for the server to close the connection. */
  waitMs?: number;
  /** Stop waiting as soon as a complete status line has come. */
  untilStatus?: boolean;
  localAddress?: string;
  /** Half-close after sending, as a client that has nothing more to say. */
  endAfterSend?: boolean;
}

export function rawExchange({ port, send, waitMs = 2_000, untilStatus = false, localAddress = '127.0.0.1', endAfterSend = false }: RawOptions): Promise<RawReply> {
  return new Promise((resolve) => {
    const started = Date.now();
    let firstByteAt = 0;
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let settled = false;
    let error: string | undefined;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ text, status, closed, answeredAfter: (firstByteAt || Date.now()) - started, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => {
      firstByteAt ||= Date.now();
      chunks.push(chunk);
      if (untilStatus && /^HTTP\/1\.[01] \d{3}.*\r\n\r\n/s.test(Buffer.concat(chunks).toString('latin1'))) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (problem: NodeJS.ErrnoException) => {
      error = problem.code ?? problem.message;
      finish(true);
    });
    socket.on('connect', () => {
      const write = (data: string | Buffer) => !socket.destroyed && socket.write(data);
      const pace: Pace = {
        answered: () => chunks.length > 0 || settled,
        flushed: () => new Promise((resolve) => (socket.destroyed || socket.writableLength === 0 ? setImmediate(resolve) : socket.once('drain', resolve).once('close', resolve))),
      };
      if (typeof send === 'function') send(write, pace);
      else write(send);
      if (endAfterSend) socket.end();
    });
  });
}

/** A plain GET and a contract call over HTTP (as the chair of a host spawned here), to show the host still answers. */
export async function stillAnswers(port: number): Promise<{ page: number; api: unknown }> {
  const page = await fetch(`http://127.0.0.1:${port}/`);
  await page.arrayBuffer();
  const api = await fetch(`http://127.0.0.1:${port}/api/call/council:list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: chairCookies.get(port) ?? '' },
    body: JSON.stringify({ input: {} }),
  });
  return { page: page.status, api: await api.json() };
}
