import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Council, CouncilSetup } from '../../../../shared/api/areas/councils';
import type { ProcessTemplateId } from '../../../../shared/domain/process/templates';
import type { Db } from '../../db/client';
import { councils } from './schema';
import { notFound } from '../../core/errors';

function toCouncil(row: typeof councils.$inferSelect): Council {
  return {
    id: row.id,
    name: row.name,
    community: row.community,
    address: row.address,
    processTemplate: row.processTemplate as ProcessTemplateId,
    createdAt: row.createdAt,
  };
}

export function listCouncils(db: Db): Council[] {
  return db.select().from(councils).orderBy(asc(councils.id)).all().map(toCouncil);
}

export function getCouncil(db: Db, councilId: number): Council {
  const row = db.select().from(councils).where(eq(councils.id, councilId)).get();
  if (!row) throw notFound('议事会');
  return toCouncil(row);
}

export function createCouncil(db: Db, input: ParsedInput<'council:create'>): Council {
  const row = db.insert(councils).values(input).returning().get();
  return toCouncil(row);
}

export function updateCouncil(db: Db, input: ParsedInput<'council:update'>, now: Date): Council {
  const { councilId, ...fields } = input;
  const row = db
    .update(councils)
    .set({ ...fields, updatedAt: now.toISOString() })
    .where(eq(councils.id, councilId))
    .returning()
    .get();
  if (!row) throw notFound('议事会');
  return toCouncil(row);
}

const hasRole = (role: string) => `EXISTS (SELECT 1 FROM json_each(people.roles) WHERE value = '${role}')`;

/** The first-run path's counts, each one SQL count (no rows read into the host). */
export function councilSetup(db: Db, councilId: number): CouncilSetup {
  getCouncil(db, councilId);
  const count = (sql: string) => (db.$client.prepare(sql).pluck().get(councilId) as number) ?? 0;
  return {
    councilId,
    chairs: count(`SELECT count(*) FROM people WHERE council_id = ? AND ${hasRole('chair')}`),
    secretaries: count(`SELECT count(*) FROM people WHERE council_id = ? AND ${hasRole('secretary')}`),
    members: count(`SELECT count(*) FROM people WHERE council_id = ? AND ${hasRole('member')}`),
    households: count('SELECT count(*) FROM households WHERE council_id = ?'),
    meetings: count('SELECT count(*) FROM meetings WHERE council_id = ?'),
    noticesPosted: count('SELECT count(*) FROM meetings WHERE council_id = ? AND notice_posted_at IS NOT NULL'),
  };
}
