import { and, eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Household } from '../../../shared/api/types';
import { compareHouseholdCodes, parseHouseholdCode } from '../../../shared/domain/household-code';
import type { Db } from '../db/client';
import { households } from '../db/schema';
import { conflict, notFound } from '../errors';
import { getCouncil } from './councils';

type HouseholdRow = typeof households.$inferSelect;

function toHousehold(row: HouseholdRow, memberCount: number): Household {
  return {
    id: row.id,
    councilId: row.councilId,
    code: row.code,
    building: row.building,
    unit: row.unit,
    room: row.room,
    areaCenti: row.areaCenti,
    tenure: row.tenure,
    note: row.note,
    memberCount,
  };
}

// Written out in full: inside a subquery drizzle would leave "id" unqualified, and it would mean people.id.
const memberCount = sql<number>`(SELECT count(*) FROM "people" WHERE "people"."household_id" = "households"."id")`;

export function listHouseholds(db: Db, councilId: number): Household[] {
  getCouncil(db, councilId);
  return db
    .select({ row: households, memberCount })
    .from(households)
    .where(eq(households.councilId, councilId))
    .all()
    .map(({ row, memberCount: count }) => toHousehold(row, count))
    .sort((a, b) => compareHouseholdCodes(a.code, b.code));
}

export function getHousehold(db: Db, householdId: number): Household {
  const found = db.select({ row: households, memberCount }).from(households).where(eq(households.id, householdId)).get();
  if (!found) throw notFound('住户');
  return toHousehold(found.row, found.memberCount);
}

export function findHouseholdByCode(db: Db, councilId: number, code: string): HouseholdRow | undefined {
  return db
    .select()
    .from(households)
    .where(and(eq(households.councilId, councilId), eq(households.code, code)))
    .get();
}

function assertCodeFree(db: Db, councilId: number, code: string, exceptId?: number): void {
  const existing = findHouseholdByCode(db, councilId, code);
  if (existing && existing.id !== exceptId) throw conflict(`户号 ${code} 已经存在。`);
}

type HouseholdFields = Omit<ParsedInput<'household:create'>, 'councilId'>;

function columnsFor(fields: HouseholdFields) {
  // The contract has already normalised the code, so it always parses here.
  const parts = parseHouseholdCode(fields.code)!;
  return { ...parts, code: fields.code, areaCenti: fields.area, tenure: fields.tenure, note: fields.note };
}

export function createHousehold(db: Db, input: ParsedInput<'household:create'>): Household {
  getCouncil(db, input.councilId);
  assertCodeFree(db, input.councilId, input.code);
  const row = db
    .insert(households)
    .values({ councilId: input.councilId, ...columnsFor(input) })
    .returning()
    .get();
  return toHousehold(row, 0);
}

export function updateHousehold(db: Db, input: ParsedInput<'household:update'>): Household {
  const current = getHousehold(db, input.householdId);
  assertCodeFree(db, current.councilId, input.code, current.id);
  db.update(households)
    .set({ ...columnsFor(input), updatedAt: new Date().toISOString() })
    .where(eq(households.id, input.householdId))
    .run();
  return getHousehold(db, input.householdId);
}

export function deleteHousehold(db: Db, householdId: number): { deleted: true } {
  const current = getHousehold(db, householdId);
  if (current.memberCount > 0) {
    throw conflict(`户号 ${current.code} 还有 ${current.memberCount} 位成员,请先删除成员或把他们转到其他户。`);
  }
  db.delete(households).where(eq(households.id, householdId)).run();
  return { deleted: true };
}
