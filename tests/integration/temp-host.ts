import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { createHost, type Host } from '../../src-main/host/host';

export interface TempHost extends Host {
  dir: string;
  databasePath: string;
  /** Calls through the real dispatcher and fails the test on an error result. */
  ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  reopen(): TempHost;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function wrap(host: Host, dir: string, databasePath: string): TempHost {
  cleanups.push(() => host.close());
  return {
    ...host,
    dir,
    databasePath,
    async ok(channel, input) {
      const result = await host.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    reopen() {
      host.close();
      return wrap(createHost({ databasePath, host: 'browser' }), dir, databasePath);
    },
  };
}

/** A host on a real SQLite file in a fresh temporary folder, removed after the test. */
export function tempHost(): TempHost {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-test-'));
  cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = join(dir, 'council.sqlite');
  return wrap(createHost({ databasePath, host: 'browser' }), dir, databasePath);
}
