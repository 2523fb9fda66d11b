import { describe, expect, it, vi } from 'vitest';
import type { Host, HostOptions } from '../../../src-main/host/core/host';
import { activeSigningKey } from '../../../src-main/host/areas/seals/keys';
import { app, resetElectron, state } from './electron';
import { desktopUserData } from './user-data';

vi.mock('electron', () => import('./electron'));

/** The real host, with the options the shell gave it kept for the test to look at. */
const created = vi.hoisted(() => [] as Array<{ host: Host; options: HostOptions }>);
vi.mock(import('../../../src-main/host/core/host'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    createHost: (options) => {
      const host = real.createHost(options);
      created.push({ host, options });
      return host;
    },
  };
});

desktopUserData('key-protector-', () => {
  for (const { host } of created) host.close();
});

describe('the desktop app keeps the signing key through safeStorage (Electron replaced by a test double)', () => {
  it('gives the host a key protector built on safeStorage; a new key is stored as safeStorage’s ciphertext', async () => {
    resetElectron();
    await import('../../../src-main/index');
    app.becomeReady();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    const [{ host, options }] = created as [{ host: Host; options: HostOptions }];
    const protector = options.keyProtector;
    expect(protector?.available).toBe(true);

    const councilId = Number(host.database.sqlite.prepare("INSERT INTO councils (name) VALUES ('平安小区院落议事会')").run().lastInsertRowid);
    const key = activeSigningKey(host.database.db, councilId, new Date(), protector);
    const row = host.database.sqlite.prepare('SELECT private_key, private_key_form FROM council_keys WHERE id = ?').get(key.id) as { private_key: string; private_key_form: string };
    expect(row.private_key_form).toBe('protected');
    // The double's ciphertext is marked; the stored key is it, not the key itself.
    expect(Buffer.from(row.private_key, 'base64').toString('utf8')).toMatch(/^double:/);
    expect(row.private_key).not.toBe(key.privateKey);
    expect(Buffer.from(protector!.decrypt(Buffer.from(row.private_key, 'base64'))).toString('base64')).toBe(key.privateKey);
    // The same key is read back through safeStorage the next time.
    expect(activeSigningKey(host.database.db, councilId, new Date(), protector).id).toBe(key.id);

    // Where the system offers no key store, the protector says so (and keys are stored as before).
    state.encryptionAvailable = false;
    expect(protector!.available).toBe(false);
    state.encryptionAvailable = true;
    app.quit();
  });
});
