/**
 * What a vote is decided on, fixed: the electorate as it was when the vote opened (vote_electorate)
 * and who took part as it was when it closed (votes.closing_json). Both are hashed into the audit
 * entries of opening and closing, so the log vouches for them.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import type { Db } from '../../db/client';
import type { EntitledVoter } from './electorate';
import { voteElectorate, type ClosingRecord } from './schema';

/** Rows per insert: well under SQLite's limit of bound variables, for a large estate's electorate. */
const chunk = 500;

export function freezeElectorate(db: Db, voteId: number, voters: readonly EntitledVoter[]): void {
  const rows = voters.map((voter, position) => ({
    voteId,
    position,
    voterKey: voter.key,
    label: voter.label,
    areaCenti: voter.areaCenti,
    unitIds: voter.unitIds,
    ownerIds: voter.ownerIds,
    castThrough: voter.castThrough,
  }));
  for (let start = 0; start < rows.length; start += chunk) db.insert(voteElectorate).values(rows.slice(start, start + chunk)).run();
}

function toVoter(row: typeof voteElectorate.$inferSelect): EntitledVoter {
  return { key: row.voterKey, label: row.label, areaCenti: row.areaCenti, unitIds: row.unitIds, ownerIds: row.ownerIds, castThrough: row.castThrough };
}

/** The electorate fixed at opening, in roll-call order; null for a vote opened before electorates were kept. */
export function frozenElectorate(db: Db, voteId: number): EntitledVoter[] | null {
  const rows = db.select().from(voteElectorate).where(eq(voteElectorate.voteId, voteId)).orderBy(asc(voteElectorate.position)).all();
  return rows.length ? rows.map(toVoter) : null;
}

/**
 * One voter of the frozen electorate, by primary key (what a ballot needs, however large the
 * estate): the voter, 'not-entitled' when the vote has a frozen electorate without this key, or
 * 'not-frozen' for a vote opened before electorates were kept.
 */
export function frozenVoter(db: Db, voteId: number, key: string): EntitledVoter | 'not-entitled' | 'not-frozen' {
  const row = db
    .select()
    .from(voteElectorate)
    .where(and(eq(voteElectorate.voteId, voteId), eq(voteElectorate.voterKey, key)))
    .get();
  if (row) return toVoter(row);
  const any = db.select({ key: voteElectorate.voterKey }).from(voteElectorate).where(eq(voteElectorate.voteId, voteId)).limit(1).get();
  return any ? 'not-entitled' : 'not-frozen';
}

const sha256 = (value: Json) => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

/** The hash of an electorate, as its rows say it (key, label, area, units, owners, who may cast), in order. */
export function electorateHash(voters: readonly EntitledVoter[]): string {
  return sha256(voters.map((voter) => ({ ...voter })) as unknown as Json);
}

/** The hash of who took part, as closing_json keeps it. */
export function closingHash(record: ClosingRecord): string {
  return sha256(record as unknown as Json);
}
