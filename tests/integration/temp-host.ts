import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { createHost, type Host } from '../../src-main/host/core/host';

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

/**
 * A council's database file overwritten with words after a sound manual backup was made (the host
 * is closed): what a start on a damaged file finds. Returns the garbage, to check it is kept.
 */
export async function damagedWithBackup(): Promise<{ host: TempHost; garbage: Buffer }> {
  const host = tempHost();
  await host.ok('council:create', { name: '平安小区院落议事会' });
  await host.ok('backup:create', {});
  host.close();
  writeFileSync(host.databasePath, 'this is not a database, just some words '.repeat(200));
  return { host, garbage: readFileSync(host.databasePath) };
}

/** A damaged database file (the text "garbage") whose backups are all broken too. */
export function damagedWithoutBackup(): TempHost {
  const host = tempHost();
  host.close();
  const backups = join(host.dir, 'backups');
  for (const name of readdirSync(backups)) writeFileSync(join(backups, name), 'broken backup');
  writeFileSync(host.databasePath, 'garbage');
  return host;
}
