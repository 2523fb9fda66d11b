/**
 * A bench's own host on a real SQLite file with the demo courtyard, in a temporary folder that is
 * removed afterwards; `ok` calls through the real dispatcher and throws on an error result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { seedDemo } from '../../src-main/host/demo/seed';
import { createHost, type Host } from '../../src-main/host/core/host';

export type Ok = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

export async function withDemoHost(name: string, run: (host: Host, ok: Ok) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `courtyard-bench-${name}-`));
  const host = createHost({ databasePath: join(dir, 'council.sqlite'), host: 'browser' });
  const ok: Ok = async (channel, input) => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as never;
  };
  try {
    seedDemo(host.database, new Date());
    await run(host, ok);
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
