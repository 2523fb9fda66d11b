import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type APIRequestContext } from '@playwright/test';

export interface HostProcess {
  url: string;
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
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), startTimeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
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

/** A fresh host with the demo courtyard for every test of the file: started before each, stopped after. */
export function demoHostPerTest(): DemoHost {
  let current: HostProcess | null = null;
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
      const response = await request.post(`${host().url}api/call/${channel}`, { data: { input } });
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
