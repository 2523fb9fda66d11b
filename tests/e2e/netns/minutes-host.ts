/**
 * The real browser host (`serve.ts`) on a fixed port inside the test's own namespace, so it can be
 * stopped and started again at the same address while the pages stay open.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface MinutesHost {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startMinutesHost(databasePath: string, port: number, options: { demo?: boolean } = {}): Promise<MinutesHost> {
  const args = ['--import', 'tsx', 'src-main/host/cli/serve.ts', '--port', String(port), '--db', databasePath];
  if (options.demo) args.push('--demo-plain');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
        clearTimeout(timer);
        resolve();
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
    url: `http://127.0.0.1:${port}/`,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
