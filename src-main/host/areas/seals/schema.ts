/** The council's signing key, handwritten signatures on the minutes, and seals. */
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { councils } from '../councils/schema';
import { meetings } from '../meetings/schema';
import { people } from '../roster/schema';

/** How a council key's private half is held on this computer (see keys.ts). */
export const privateKeyForms = ['plain', 'protected', 'absent'] as const;

/**
 * The council's Ed25519 key pairs, created on first use. The public key as base64 DER (spki); the
 * private key in the form private_key_form names: 'plain' base64 DER (pkcs8), as every key was
 * stored before; 'protected' base64 of what the system's key store (Electron's safeStorage) made
 * of that DER; 'absent' an empty string: the key came with an archive from another computer, and
 * its private half stayed there (it verifies what it sealed, and signs nothing here).
 */
export const councilKeys = sqliteTable('council_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  councilId: integer('council_id')
    .notNull()
    .references(() => councils.id, { onDelete: 'cascade' }),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  privateKeyForm: text('private_key_form', { enum: privateKeyForms }).notNull().default('plain'),
  createdAt: text('created_at').notNull(),
  /** A retired key still verifies what it signed, but signs nothing new. */
  retiredAt: text('retired_at'),
});

export const minutesSignatures = sqliteTable(
  'minutes_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Which version of the record (1 = the minutes, 2… = amendments) this signature is for. */
    version: integer('version').notNull().default(1),
    role: text('role', { enum: ['chair', 'secretary'] }).notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** PNG of the handwritten signature. */
    image: blob('image', { mode: 'buffer' }).notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (table) => [uniqueIndex('minutes_signatures_role').on(table.meetingId, table.version, table.role)],
);

export const seals = sqliteTable(
  'seals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['minutes', 'amendment'] }).notNull(),
    version: integer('version').notNull(),
    keyId: integer('key_id')
      .notNull()
      .references(() => councilKeys.id),
    /** The canonical JSON that was hashed and signed, kept so a copy can be re-checked and explained. */
    canonical: text('canonical').notNull(),
    /** SHA-256 hex of canonical. */
    digest: text('digest').notNull(),
    /** Ed25519 signature over the digest bytes, base64. */
    signature: text('signature').notNull(),
    note: text('note').notNull().default(''),
    signedAt: text('signed_at').notNull(),
  },
  (table) => [uniqueIndex('seals_meeting_version').on(table.meetingId, table.version), index('seals_digest').on(table.digest)],
);
