/**
 * The council's Ed25519 signing key (Node's crypto, no extra package): created on first use and
 * kept in the council's own database. Its private half never leaves this computer: archives carry
 * public keys only, and where the system offers a key store (the desktop app passes Electron's
 * safeStorage as a KeyProtector) the private key is stored encrypted by it. Verification never
 * looks keys up here by themselves: a file is checked against the seal record stored when it was
 * signed, with that record's key (verify.ts).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { councilKeys } from './schema';

/**
 * Encrypts and decrypts a private key with a secret this program does not hold itself (the OS key
 * store). `available` is false where the system offers none (then keys are stored plain, as the
 * browser host always does).
 */
export interface KeyProtector {
  readonly available: boolean;
  encrypt(bytes: Uint8Array): Uint8Array;
  decrypt(bytes: Uint8Array): Uint8Array;
}

/** What the seals area needs beyond the common AreaContext; createHost puts it on the handler context. */
export interface SealExtras {
  keyProtector?: KeyProtector;
}

export function sealExtras(context: object): SealExtras {
  return context as SealExtras;
}

export interface CouncilKey {
  id: number;
  councilId: number;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
  /** SHA-256 hex of the public key (DER, spki): what a file names to say which key sealed it. */
  fingerprint: string;
  /** The private half stayed on the computer the key came from (it arrived with an archive). */
  fromAnotherComputer: boolean;
}

type KeyRow = typeof councilKeys.$inferSelect;

export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

export function publicView(row: KeyRow): CouncilKey {
  return {
    id: row.id,
    councilId: row.councilId,
    publicKey: row.publicKey,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    fingerprint: keyFingerprint(row.publicKey),
    fromAnotherComputer: row.privateKeyForm === 'absent',
  };
}

const usable = (protector: KeyProtector | undefined): protector is KeyProtector => protector?.available === true;

/** The private key (base64 DER, pkcs8) of a stored key, or null where this host cannot read it. */
function readPrivateKey(row: KeyRow, protector: KeyProtector | undefined): string | null {
  if (row.privateKeyForm === 'plain') return row.privateKey;
  if (row.privateKeyForm !== 'protected' || !usable(protector)) return null;
  try {
    const der = Buffer.from(protector.decrypt(Buffer.from(row.privateKey, 'base64')));
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return der.toString('base64');
  } catch {
    // Another computer's or another user's key store: the key still verifies, but cannot sign here.
    return null;
  }
}

/** How a private key is written: through the protector where the system offers one, plain otherwise. */
function storedForm(privateKey: string, protector: KeyProtector | undefined): { privateKey: string; privateKeyForm: 'plain' | 'protected' } {
  if (usable(protector)) {
    try {
      return { privateKey: Buffer.from(protector.encrypt(Buffer.from(privateKey, 'base64'))).toString('base64'), privateKeyForm: 'protected' };
    } catch {
      // The key store refused (locked, not set up): a key that signs beats none; it stays plain.
    }
  }
  return { privateKey, privateKeyForm: 'plain' };
}

/**
 * The key the council signs with here, created (inside the caller's transaction) when it has none
 * this host can read: the newest key not retired whose private half is here and readable. A plain
 * key (stored before there was a protector) stays the council's key and is stored encrypted from
 * now on where a protector is offered. A key only another host can read (the desktop app's, seen
 * from the browser host) is left as it is: this host signs with a key of its own, and what either
 * sealed verifies by the key stored with its seal.
 */
export function activeSigningKey(db: Db, councilId: number, now: Date, protector?: KeyProtector): CouncilKey & { privateKey: string } {
  const candidates = db
    .select()
    .from(councilKeys)
    .where(and(eq(councilKeys.councilId, councilId), isNull(councilKeys.retiredAt), ne(councilKeys.privateKeyForm, 'absent')))
    .orderBy(desc(councilKeys.id))
    .all();
  for (const row of candidates) {
    const privateKey = readPrivateKey(row, protector);
    if (privateKey === null) continue;
    if (row.privateKeyForm === 'plain' && usable(protector)) {
      const stored = storedForm(privateKey, protector);
      if (stored.privateKeyForm === 'protected') db.update(councilKeys).set(stored).where(eq(councilKeys.id, row.id)).run();
    }
    return { ...publicView(row), privateKey };
  }
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const row = db
    .insert(councilKeys)
    .values({ councilId, publicKey, ...storedForm(privateKey, protector), createdAt: now.toISOString() })
    .returning()
    .get();
  return { ...publicView(row), privateKey };
}

/** Ed25519 over the digest's 32 bytes; base64. */
export function signDigest(privateKeyBase64: string, digestHex: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyBase64, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(digestHex, 'hex'), key).toString('base64');
}

export function verifyDigest(publicKeyBase64: string, digestHex: string, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(digestHex, 'hex'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
