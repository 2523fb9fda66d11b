/**
 * The room password's cryptography for pages opened at http://<LAN address>.
 *
 * y-webrtc encrypts everything it sends through the signaling server with a key derived from the
 * room password (PBKDF2-SHA-256, 100,000 rounds, salted with the room name; AES-GCM-256 with a
 * 12-byte random IV). It asks `crypto.subtle` for that, and browsers give `crypto.subtle` only to
 * secure origins: localhost and https. A member's laptop or phone that joins over the LAN opens
 * plain http on the chair's address, where `crypto.subtle` is missing, so the room never opened.
 *
 * Where it is missing, this puts in its place the four operations y-webrtc uses, computed by the
 * audited @noble libraries: byte for byte what WebCrypto computes (tests/unit/lan-crypto.test.ts
 * checks both ways against Node's WebCrypto), so a LAN page and the chair's own page read each
 * other's messages. Anything else is refused, as a browser without the algorithm would.
 * `crypto.getRandomValues` (the IVs) exists on every origin and is left as it is.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';

interface Key {
  readonly kind: 'pbkdf2' | 'aes-gcm';
  readonly bytes: Uint8Array;
  readonly type: 'secret';
  readonly extractable: boolean;
  readonly algorithm: { name: string };
  readonly usages: readonly string[];
}

type Algorithm = string | { name: string; [more: string]: unknown };

function bytes(source: unknown): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  throw new TypeError('expected an ArrayBuffer or a typed array');
}

function nameOf(algorithm: Algorithm): string {
  return (typeof algorithm === 'string' ? algorithm : algorithm.name).toUpperCase();
}

function notSupported(what: string): Promise<never> {
  return Promise.reject(new DOMException(`${what} is not available on this page`, 'NotSupportedError'));
}

function key(kind: Key['kind'], keyBytes: Uint8Array, extractable: boolean, usages: readonly string[]): Key {
  return { kind, bytes: keyBytes, type: 'secret', extractable, algorithm: { name: kind === 'pbkdf2' ? 'PBKDF2' : 'AES-GCM' }, usages };
}

function ownKey(candidate: unknown, kind: Key['kind']): Key | null {
  const k = candidate as Partial<Key> | null;
  return k && k.kind === kind && k.bytes instanceof Uint8Array ? (k as Key) : null;
}

function copyOut(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer;
}

/** The part of SubtleCrypto that y-webrtc calls. */
export const lanSubtle = {
  importKey(format: string, keyData: unknown, algorithm: Algorithm, extractable: boolean, usages: readonly string[]): Promise<Key> {
    const name = nameOf(algorithm);
    if (format !== 'raw' || (name !== 'PBKDF2' && name !== 'AES-GCM')) return notSupported(`importKey(${format}, ${name})`);
    try {
      return Promise.resolve(key(name === 'PBKDF2' ? 'pbkdf2' : 'aes-gcm', bytes(keyData).slice(), extractable, usages));
    } catch (error) {
      return Promise.reject(error);
    }
  },

  async deriveKey(algorithm: Algorithm, baseKey: unknown, derived: Algorithm, extractable: boolean, usages: readonly string[]): Promise<Key> {
    const material = ownKey(baseKey, 'pbkdf2');
    if (typeof algorithm === 'string' || nameOf(algorithm) !== 'PBKDF2' || !material) return notSupported('deriveKey');
    const hash = algorithm.hash as Algorithm | undefined;
    const target = typeof derived === 'string' ? null : derived;
    if (!hash || nameOf(hash) !== 'SHA-256' || !target || nameOf(target) !== 'AES-GCM') return notSupported('deriveKey');
    const length = Number(target.length);
    const iterations = Number(algorithm.iterations);
    if (![128, 192, 256].includes(length) || !Number.isInteger(iterations) || iterations < 1) {
      throw new DOMException('deriveKey: bad parameters', 'OperationError');
    }
    const derivedBytes = await pbkdf2Async(sha256, material.bytes, bytes(algorithm.salt), { c: iterations, dkLen: length / 8 });
    return key('aes-gcm', derivedBytes, extractable, usages);
  },

  encrypt(algorithm: Algorithm, aesKey: unknown, data: unknown): Promise<ArrayBuffer> {
    const k = ownKey(aesKey, 'aes-gcm');
    if (typeof algorithm === 'string' || nameOf(algorithm) !== 'AES-GCM' || !k) return notSupported('encrypt');
    try {
      return Promise.resolve(copyOut(gcm(k.bytes, bytes(algorithm.iv)).encrypt(bytes(data))));
    } catch (error) {
      return Promise.reject(new DOMException(String(error), 'OperationError'));
    }
  },

  decrypt(algorithm: Algorithm, aesKey: unknown, data: unknown): Promise<ArrayBuffer> {
    const k = ownKey(aesKey, 'aes-gcm');
    if (typeof algorithm === 'string' || nameOf(algorithm) !== 'AES-GCM' || !k) return notSupported('decrypt');
    try {
      return Promise.resolve(copyOut(gcm(k.bytes, bytes(algorithm.iv)).decrypt(bytes(data))));
    } catch {
      // A wrong password or a tampered message: what WebCrypto says too.
      return Promise.reject(new DOMException('decryption failed', 'OperationError'));
    }
  },
};

/**
 * Puts lanSubtle in as `crypto.subtle` when the page has none (a LAN http origin). Returns true
 * when it did. On localhost and in the desktop window the browser's own WebCrypto stays.
 */
export function provideSubtleCrypto(scope: { crypto?: { subtle?: unknown } } = globalThis): boolean {
  const cryptoObject = scope.crypto;
  if (!cryptoObject || cryptoObject.subtle) return false;
  Object.defineProperty(cryptoObject, 'subtle', { value: lanSubtle, configurable: true, enumerable: true });
  return true;
}
