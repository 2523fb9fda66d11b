import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** created_at / updated_at as the first tables declared them: ISO-8601 UTC text, filled by SQLite when not given. */
export const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
export const updatedAt = () => text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
