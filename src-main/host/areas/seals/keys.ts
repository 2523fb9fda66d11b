/**
 * The council's Ed25519 signing key (Node's crypto, no extra package): created on first use and
 * kept in the council's own database. Verification only ever trusts keys registered here, never
 * a key carried by the file being checked.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { councilKeys } from './schema';

export interface CouncilKey {
  id: number;
  councilId: number;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
  /** SHA-256 hex of the public key (DER, spki): what a file names to say which key sealed it. */
  fingerprint: string;
}

type KeyRow = typeof councilKeys.$inferSelect;

export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

function publicView(row: KeyRow): CouncilKey {
  return {
    id: row.id,
    councilId: row.councilId,
    publicKey: row.publicKey,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    fingerprint: keyFingerprint(row.publicKey),
  };
}

/** The council's active key, created (inside the caller's transaction) when it has none. */
export function activeSigningKey(db: Db, councilId: number, now: Date): CouncilKey & { privateKey: string } {
  const existing = db
    .select()
    .from(councilKeys)
    .where(and(eq(councilKeys.councilId, councilId), isNull(councilKeys.retiredAt)))
    .orderBy(desc(councilKeys.id))
    .limit(1)
    .get();
  if (existing) return { ...publicView(existing), privateKey: existing.privateKey };
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const row = db.insert(councilKeys).values({ councilId, publicKey, privateKey, createdAt: now.toISOString() }).returning().get();
  return { ...publicView(row), privateKey };
}

/** Every key registered in this database, retired ones included (they still verify what they signed). */
export function registeredKeys(db: Db): CouncilKey[] {
  return db.select().from(councilKeys).orderBy(asc(councilKeys.id)).all().map(publicView);
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
