import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of everything that decides a vote: check-ins,
 * ballots, results, corrections. Each entry's hash covers the previous one, so an
 * edit behind the app's back breaks the chain at that entry; triggers refuse
 * UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    meetingId: integer('meeting_id'),
    /** Canonical JSON of what happened. */
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_meeting').on(table.meetingId)],
);

/**
 * The head of the audit chain (its last entry's number and hash) as it stood at a moment that
 * matters (a vote closed or locked, minutes sealed, a clean shutdown), signed with a council's
 * Ed25519 key. Kept apart from the log, so deleting entries from the end of the log, or editing
 * an entry and recomputing every later hash, no longer matches a head the attacker cannot sign
 * again. Append-only (triggers refuse UPDATE and DELETE).
 */
export const auditHeads = sqliteTable(
  'audit_heads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    /** The council whose key signed it. No reference: the anchor outlives the council's rows. */
    councilId: integer('council_id').notNull(),
    /** SHA-256 hex of the signing public key (as seals name theirs): a key moves between databases, its id does not. */
    keyFingerprint: text('key_fingerprint').notNull(),
    /** What moment it anchors: vote.close, vote.lock, minutes.seal, shutdown. */
    reason: text('reason').notNull(),
    signedAt: text('signed_at').notNull(),
    /** Ed25519 over the SHA-256 of the head's canonical JSON (see heads.ts), base64. */
    signature: text('signature').notNull(),
  },
  (table) => [index('audit_heads_seq').on(table.seq)],
);
