/**
 * The real browser host (`npm run serve` without the build step) as its own process, for vitest
 * tests. The chair is logged in once, through the login address the host prints, as a newcomer
 * would: `chairCookie` goes with every call that needs the chair.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { logInAt, printedLogin } from './chair-login';

export { logInAt };

export interface ServeProcess {
  readonly url: string;
  /** The login address the host printed. */
  readonly loginUrl: string;
  /** The chair's session cookie (name=value), from the printed login address. */
  readonly chairCookie: string;
  readonly child: ChildProcess;
  output(): string;
  /** Ends the host (SIGTERM unless another signal is given) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function serveArgs(databasePath: string, extra: string[] = []): string[] {
  return ['--import', 'tsx', 'src-main/host/cli/serve.ts', '--port', '0', '--db', databasePath, ...extra];
}

/** Starts a host and resolves once it printed its address; rejects with its output if it exits first. */
export function startServe(databasePath: string, extra: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, serveArgs(databasePath, extra), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    };
    child.once('exit', onExit);
    let found = false;
    child.stdout!.on('data', () => {
      const match = printedLogin.exec(output);
      if (!match || found) return;
      found = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      logInAt(match[0]).then(
        (chairCookie) => resolve(running(match[1]!, match[0], chairCookie)),
        (error: unknown) => {
          child.kill('SIGTERM');
          reject(error as Error);
        },
      );
    });
  });

  function running(url: string, loginUrl: string, chairCookie: string): ServeProcess {
    return {
      url,
      loginUrl,
      chairCookie,
      child,
      output: () => output,
      stop: (signal = 'SIGTERM') =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill(signal);
        }),
    };
  }
}

/** Runs a host that is expected to refuse to start; resolves with its exit code and what it printed. */
export function runServeToEnd(databasePath: string, extra: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, serveArgs(databasePath, extra), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    // A host that wrongly starts prints its address: stop it, and the caller's check of the code fails.
    if (/http:\/\/127\.0\.0\.1:\d+\//.test(output)) child.kill('SIGTERM');
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
