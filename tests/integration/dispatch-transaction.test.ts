/**
 * The dispatcher runs every mutation in one transaction: handlers call their services and write
 * nothing by hand, so a handler that fails halfway must leave nothing behind. Real SQLite, the real
 * dispatcher and the real handler table, with one handler replaced by one that writes, then fails.
 */
import { describe, expect, it } from 'vitest';
import { createCouncil } from '../../src-main/host/areas/councils/service';
import { openDatabase } from '../../src-main/host/db/client';
import { createDispatcher } from '../../src-main/host/core/dispatch';
import { HostError } from '../../src-main/host/core/errors';
import { createHandlers, type Handlers } from '../../src-main/host/core/registry';

function dispatcherWith(replace: (handlers: Handlers, database: ReturnType<typeof openDatabase>) => Partial<Handlers>) {
  const database = openDatabase(':memory:');
  const handlers = createHandlers({ database, version: 'test', host: 'browser' });
  const invoke = createDispatcher(
    { ...handlers, ...replace(handlers, database) },
    { transaction: (work) => database.sqlite.transaction(work).immediate(), log: () => undefined },
  );
  const councils = () => database.sqlite.prepare('SELECT count(*) FROM councils').pluck().get();
  return { invoke, councils, database };
}

describe('the dispatcher’s transaction', () => {
  it('rolls back what a mutation wrote before it failed', async () => {
    const { invoke, councils, database } = dispatcherWith((_, { db }) => ({
      'council:create': (input) => {
        createCouncil(db, input);
        throw new HostError('conflict', '写到一半失败了。');
      },
    }));
    const result = await invoke('council:create', { name: '平安小区' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: '写到一半失败了。' } });
    expect(councils()).toBe(0);
    database.close();
  });

  it('refuses a handler that awaits inside it, and keeps nothing of it', async () => {
    const { invoke, councils, database } = dispatcherWith((_, { db }) => ({
      'council:create': ((input: Parameters<Handlers['council:create']>[0]) => {
        createCouncil(db, input);
        return Promise.resolve(null);
      }) as unknown as Handlers['council:create'],
    }));
    const result = await invoke('council:create', { name: '平安小区' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(councils()).toBe(0);
    database.close();
  });

  it('commits a mutation that succeeds, and is not open once the call has answered', async () => {
    const { invoke, councils, database } = dispatcherWith(() => ({}));
    expect(await invoke('council:create', { name: '平安小区' })).toMatchObject({ ok: true });
    expect(councils()).toBe(1);
    expect(database.sqlite.inTransaction).toBe(false);
    database.close();
  });
});
