/**
 * The council's private signing key, stored encrypted with Electron's safeStorage (the system's
 * key store: Keychain, DPAPI, libsecret/kwallet), so a copy of the database or of a backup does
 * not carry a usable key. Where the system offers no real key store (no safeStorage, or Linux
 * without a keyring, where Electron falls back to a fixed password: 'basic_text') the protector
 * says it is not available and keys are stored as the browser host stores them.
 */
import { safeStorage } from 'electron';
import type { KeyProtector } from './host/areas/seals/keys';

export function safeStorageProtector(): KeyProtector {
  return {
    get available(): boolean {
      if (!safeStorage.isEncryptionAvailable()) return false;
      // The electron test double has no backends; real Electron on Linux names the one it chose.
      const backend = typeof safeStorage.getSelectedStorageBackend === 'function' && process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
      return backend !== 'basic_text';
    },
    // safeStorage encrypts strings: the key's DER bytes go in as base64 and come back the same way.
    encrypt: (bytes) => safeStorage.encryptString(Buffer.from(bytes).toString('base64')),
    decrypt: (bytes) => Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64'),
  };
}
