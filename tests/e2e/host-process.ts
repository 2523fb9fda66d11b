/**
 * The real browser host for the browser tests, and the chair's login: every host the harness starts
 * is logged into once, through the login address it prints (as a newcomer would open it), and every
 * browser context of the test carries that session, so the pages are the chair's. A test that wants
 * a browser without the chair's session (a participant on the LAN reaches the host under another
 * address, where the chair's cookie is never sent) needs nothing special.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';

export interface HostProcess {
  url: string;
  /** The login address the host printed (http://127.0.0.1:PORT/login?key=…). */
  loginUrl: string;
  /** The chair's session cookie (name=value), from the printed login address. */
  chairCookie: string;
  databasePath: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface HostOptions {
  /**
   * The port to listen on; 0 (the default) lets the system pick a free one. A fixed port lets a
   * test stop the host and start it again at the same address while its pages stay open.
   */
  port?: number;
  /** Fill an empty database with the demo courtyard (`--demo-plain`). */
  demo?: boolean;
  /** A command the host runs under (e.g. strace's): node and its arguments follow it. */
  prefix?: string[];
  /** How long the host may take to print its address, in ms. */
  startTimeout?: number;
  /** How to end the host; SIGTERM to the spawned process unless given. */
  end?: (child: ChildProcess) => void;
}

/** The login address as the host prints it: the host's address, then /login?key=…. */
const printedLogin = /(http:\/\/127\.0\.0\.1:\d+\/)login\?key=[A-Za-z0-9_-]{43}/;

/** Opens the login address as a browser would (without following the redirect); resolves the session cookie. */
async function logInAt(loginUrl: string): Promise<{ name: string; value: string }> {
  const response = await fetch(loginUrl, { redirect: 'manual' });
  const [name = '', value = ''] = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!.split('=');
  if (response.status !== 303 || !value) throw new Error(`the printed login address did not log in: ${response.status}`);
  return { name, value };
}

/**
 * The chair's session of the host started last. Browsers keep cookies by host name, not by port:
 * one session for 127.0.0.1 at a time, which is all a test needs (one host at a time; a host
 * started again on the same file keeps the session, one on a new file replaces it).
 */
let chairCookie: { url: string; name: string; value: string } | null = null;
/** The browser contexts that carry the chair's sessions (and get each new one). */
const chairContexts = new Set<BrowserContext>();
const chairBrowsers = new WeakSet<Browser>();

async function giveChairCookies(context: BrowserContext): Promise<void> {
  if (chairCookie) await context.addCookies([{ ...chairCookie, httpOnly: true, sameSite: 'Strict' }]);
}

async function addChairContext(context: BrowserContext): Promise<void> {
  if (chairContexts.has(context)) return;
  chairContexts.add(context);
  context.once('close', () => chairContexts.delete(context));
  await giveChairCookies(context);
}

/**
 * Every context this browser opens from now on carries the chair's session of the host started
 * here, including hosts started later (tests open pages before a restart and keep them after).
 * Returns what undoes it (the test's browser is shared with the next file's tests).
 */
export function signInEveryContext(browser: Browser): () => void {
  if (chairBrowsers.has(browser)) return () => undefined;
  chairBrowsers.add(browser);
  const newContext = browser.newContext;
  browser.newContext = async (options) => {
    const context = await newContext.call(browser, options);
    await addChairContext(context);
    return context;
  };
  return () => {
    browser.newContext = newContext;
    chairBrowsers.delete(browser);
  };
}

/** The test's own context and every context it opens are the chair's: registered once per file. */
export function chairInEveryContext(): void {
  let undo = () => undefined as void;
  test.beforeEach(async ({ browser, context }) => {
    undo = signInEveryContext(browser);
    await addChairContext(context);
  });
  test.afterEach(() => {
    undo();
    chairContexts.clear();
  });
}

export function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'courtyard-e2e-')), 'council.sqlite');
}

/** Starts the real browser host (`npm run serve` without the build step) as its own process. */
export async function startHost(databasePath: string, options: HostOptions = {}): Promise<HostProcess> {
  const { port = 0, demo = false, prefix = [], startTimeout = 30_000, end = (child) => child.kill('SIGTERM') } = options;
  const args = [process.execPath, '--import', 'tsx', 'src-main/host/cli/serve.ts', '--port', String(port), '--db', databasePath];
  if (demo) args.push('--demo-plain');
  const [command, ...commandArgs] = [...prefix, ...args];
  const child: ChildProcess = spawn(command!, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const loginUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), startTimeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = printedLogin.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const url = printedLogin.exec(loginUrl)![1]!;
  const cookie = await logInAt(loginUrl);
  chairCookie = { url, ...cookie };
  await Promise.all([...chairContexts].map(giveChairCookies));
  return {
    url,
    loginUrl,
    chairCookie: `${cookie.name}=${cookie.value}`,
    databasePath,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        end(child);
      }),
  };
}

/** The host of the current test, started by demoHostPerTest. */
export interface DemoHost {
  readonly url: string;
  readonly databasePath: string;
  output(): string;
  /** Calls a channel of the host's API over HTTP and returns its value; throws with the host's message if it refuses. */
  api<T>(request: APIRequestContext, channel: string, input: unknown): Promise<T>;
  /** Stops the host and starts it again on the same database (without the demo flag). */
  restart(): Promise<void>;
}

/**
 * A fresh host with the demo courtyard for every test of the file: started before each, stopped
 * after; every browser context of the test is the chair's.
 */
export function demoHostPerTest(): DemoHost {
  let current: HostProcess | null = null;
  chairInEveryContext();
  test.beforeEach(async () => {
    current = await startHost(tempDatabasePath(), { demo: true });
  });
  test.afterEach(async () => {
    await current?.stop();
    current = null;
  });
  const host = (): HostProcess => {
    if (!current) throw new Error('the demo host runs only during a test');
    return current;
  };
  return {
    get url() {
      return host().url;
    },
    get databasePath() {
      return host().databasePath;
    },
    output: () => host().output(),
    async api<T>(request: APIRequestContext, channel: string, input: unknown): Promise<T> {
      const response = await request.post(`${host().url}api/call/${channel}`, { data: { input }, headers: { cookie: host().chairCookie } });
      const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
      return body.value;
    },
    async restart() {
      const { databasePath } = host();
      await host().stop();
      current = await startHost(databasePath);
    },
  };
}
