/**
 * The room-password cryptography used on LAN pages (no crypto.subtle on http://<LAN address>)
 * against Node's WebCrypto, which is what the chair's own page uses: the same key from the same
 * password and room, and each side reads what the other encrypted, the way y-webrtc does it.
 */
import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { lanSubtle, provideSubtleCrypto } from '../../src-renderer/features/minutes/lan-crypto';

const encoder = new TextEncoder();

/** Exactly y-webrtc's deriveKey (node_modules/y-webrtc/src/crypto.js), against either implementation. */
type Subtle = typeof webcrypto.subtle;
async function deriveKey(subtle: typeof lanSubtle | Subtle, secret: string, room: string, extractable = true) {
  const material = await (subtle as Subtle).importKey('raw', encoder.encode(secret).buffer, 'PBKDF2', false, ['deriveKey']);
  return (subtle as Subtle).deriveKey(
    { name: 'PBKDF2', salt: encoder.encode(room).buffer, iterations: 100000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

describe('room password cryptography on LAN pages', () => {
  const password = 'k3J9x-7QpZt2vL0w8RmN4a'; // like the room passwords the host makes
  const room = 'courtyard-minutes-3-abcdef';

  it('derives the same AES key as WebCrypto', async () => {
    const ours = (await deriveKey(lanSubtle, password, room)) as unknown as { bytes: Uint8Array };
    const theirs = await deriveKey(webcrypto.subtle, password, room);
    const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', theirs));
    expect(Buffer.from(ours.bytes).toString('hex')).toBe(Buffer.from(raw).toString('hex'));
  });

  it('reads what WebCrypto encrypted and the other way round', async () => {
    const ours = await deriveKey(lanSubtle, password, room);
    const theirs = await deriveKey(webcrypto.subtle, password, room);
    const message = encoder.encode('{"type":"announce","from":"王建国"}');
    const iv = webcrypto.getRandomValues(new Uint8Array(12));

    const byThem = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, theirs, message);
    const byUs = await lanSubtle.encrypt({ name: 'AES-GCM', iv }, ours, message);
    expect(Buffer.from(byUs).toString('hex')).toBe(Buffer.from(byThem).toString('hex'));

    expect(new TextDecoder().decode(await lanSubtle.decrypt({ name: 'AES-GCM', iv }, ours, byThem))).toBe('{"type":"announce","from":"王建国"}');
    expect(new TextDecoder().decode(await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, theirs, byUs))).toBe('{"type":"announce","from":"王建国"}');
  });

  it('refuses a message under another password or altered on the way, as WebCrypto does', async () => {
    const ours = await deriveKey(lanSubtle, password, room);
    const other = await deriveKey(lanSubtle, 'another-password-entirely', room);
    const iv = new Uint8Array(12).fill(7);
    const sealed = new Uint8Array(await lanSubtle.encrypt({ name: 'AES-GCM', iv }, ours, encoder.encode('会议记录')));
    await expect(lanSubtle.decrypt({ name: 'AES-GCM', iv }, other, sealed)).rejects.toMatchObject({ name: 'OperationError' });
    sealed[3] = sealed[3]! ^ 1;
    await expect(lanSubtle.decrypt({ name: 'AES-GCM', iv }, ours, sealed)).rejects.toMatchObject({ name: 'OperationError' });
  });

  it('refuses what it does not implement instead of pretending', async () => {
    await expect(lanSubtle.importKey('jwk', {}, 'AES-GCM', false, [])).rejects.toMatchObject({ name: 'NotSupportedError' });
    const material = await lanSubtle.importKey('raw', encoder.encode('x'), 'PBKDF2', false, ['deriveKey']);
    await expect(
      lanSubtle.deriveKey({ name: 'PBKDF2', salt: encoder.encode('r'), iterations: 10, hash: 'SHA-1' }, material, { name: 'AES-GCM', length: 256 }, false, []),
    ).rejects.toMatchObject({ name: 'NotSupportedError' });
    await expect(lanSubtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, material, new Uint8Array(4))).rejects.toMatchObject({ name: 'NotSupportedError' });
  });

  it('is put in only where the page has no crypto.subtle', () => {
    const secure: { crypto: { subtle?: unknown } } = { crypto: { subtle: webcrypto.subtle } };
    expect(provideSubtleCrypto(secure)).toBe(false);
    expect(secure.crypto.subtle).toBe(webcrypto.subtle);
    const lan: { crypto: { subtle?: unknown } } = { crypto: {} };
    expect(provideSubtleCrypto(lan)).toBe(true);
    expect(lan.crypto.subtle).toBe(lanSubtle);
  });
});
