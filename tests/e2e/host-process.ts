import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostProcess {
  url: string;
  databasePath: string;
  output: () => string;
  stop(): Promise<void>;
}

export function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'courtyard-e2e-')), 'council.sqlite');
}

/** Starts the real browser host (`npm run serve` without the build step) as its own process. */
export async function startHost(databasePath: string, options: { demo?: boolean } = {}): Promise<HostProcess> {
  const args = ['--import', 'tsx', 'src-main/host/cli/serve.ts', '--port', '0', '--db', databasePath];
  if (options.demo) args.push('--demo-plain');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
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
        child.kill('SIGTERM');
      }),
  };
}
