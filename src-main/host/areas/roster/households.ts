import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Household } from '../../../../shared/api/areas/roster';
import { compareHouseholdCodes, parseHouseholdCode } from '../../../../shared/domain/roster/household-code';
import type { Db } from '../../db/client';
import type { RollChange } from '../../../../shared/domain/roster/roll-changes';
import { households, people, unitOwners } from './schema';
import { assertRollMayChange } from './roll-guard';
import { HostError, conflict, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';

type HouseholdRow = typeof households.$inferSelect;

type Owner = Household['owners'][number];

function toHousehold(row: HouseholdRow, memberCount: number, owners: Owner[]): Household {
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
    owners,
  };
}

/** The recorded owners of the given units (all of the council's when no ids are given), by unit. */
export function ownersByUnit(db: Db, councilId: number, householdIds?: number[]): Map<number, Owner[]> {
  const rows = db
    .select({ householdId: unitOwners.householdId, id: people.id, name: people.name })
    .from(unitOwners)
    .innerJoin(people, eq(unitOwners.personId, people.id))
    .where(householdIds ? inArray(unitOwners.householdId, householdIds) : eq(people.councilId, councilId))
    .orderBy(unitOwners.householdId, people.id)
    .all();
  const byUnit = new Map<number, Owner[]>();
  for (const { householdId, id, name } of rows) {
    const owners = byUnit.get(householdId);
    if (owners) owners.push({ id, name });
    else byUnit.set(householdId, [{ id, name }]);
  }
  return byUnit;
}

/** Records exactly these people as the unit's owners; each must be on the same council's roster. */
function setOwners(db: Db, councilId: number, householdId: number, ownerIds: number[]): void {
  const unique = [...new Set(ownerIds)];
  const current = (ownersByUnit(db, councilId, [householdId]).get(householdId) ?? []).map((owner) => owner.id);
  const same = current.length === unique.length && current.every((id) => unique.includes(id));
  if (same) return;
  assertRollMayChange(db, councilId, ['owners']);
  if (unique.length > 0) {
    const known = db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, unique)))
      .all();
    if (known.length !== unique.length) throw new HostError('invalid_input', '业主必须是本议事会名册中的人员，请先把他（她）加入名册。');
  }
  db.delete(unitOwners).where(eq(unitOwners.householdId, householdId)).run();
  if (unique.length > 0) db.insert(unitOwners).values(unique.map((personId) => ({ householdId, personId }))).run();
}

// Written out in full: inside a subquery drizzle would leave "id" unqualified, and it would mean people.id.
const memberCount = sql<number>`(SELECT count(*) FROM "people" WHERE "people"."household_id" = "households"."id")`;

export function listHouseholds(db: Db, councilId: number): Household[] {
  getCouncil(db, councilId);
  const owners = ownersByUnit(db, councilId);
  return db
    .select({ row: households, memberCount })
    .from(households)
    .where(eq(households.councilId, councilId))
    .all()
    .map(({ row, memberCount: count }) => toHousehold(row, count, owners.get(row.id) ?? []))
    .sort((a, b) => compareHouseholdCodes(a.code, b.code));
}

export function getHousehold(db: Db, householdId: number): Household {
  const found = db.select({ row: households, memberCount }).from(households).where(eq(households.id, householdId)).get();
  if (!found) throw notFound('住户');
  return toHousehold(found.row, found.memberCount, ownersByUnit(db, found.row.councilId, [householdId]).get(householdId) ?? []);
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

type HouseholdFields = Omit<ParsedInput<'household:create'>, 'councilId' | 'ownerIds'>;

function columnsFor(fields: HouseholdFields) {
  // The contract has already normalised the code, so it always parses here.
  const parts = parseHouseholdCode(fields.code)!;
  return { ...parts, code: fields.code, areaCenti: fields.area, tenure: fields.tenure, note: fields.note };
}

export function createHousehold(db: Db, input: ParsedInput<'household:create'>): Household {
  getCouncil(db, input.councilId);
  assertCodeFree(db, input.councilId, input.code);
  assertRollMayChange(db, input.councilId, ['units']);
  const row = db
    .insert(households)
    .values({ councilId: input.councilId, ...columnsFor(input) })
    .returning()
    .get();
  setOwners(db, input.councilId, row.id, input.ownerIds ?? []);
  return getHousehold(db, row.id);
}

export function updateHousehold(db: Db, input: ParsedInput<'household:update'>, now: Date): Household {
  const current = getHousehold(db, input.householdId);
  assertCodeFree(db, current.councilId, input.code, current.id);
  const changes: RollChange[] = [];
  if (input.area !== current.areaCenti) changes.push('area');
  if (input.tenure !== current.tenure) changes.push('tenure');
  assertRollMayChange(db, current.councilId, changes);
  db.update(households)
    .set({ ...columnsFor(input), updatedAt: now.toISOString() })
    .where(eq(households.id, input.householdId))
    .run();
  if (input.ownerIds) setOwners(db, current.councilId, current.id, input.ownerIds);
  return getHousehold(db, input.householdId);
}

export function deleteHousehold(db: Db, householdId: number): { deleted: true } {
  const current = getHousehold(db, householdId);
  if (current.memberCount > 0) {
    throw conflict(`户号 ${current.code} 还有 ${current.memberCount} 位成员，请先删除成员或把他们转到其他户。`);
  }
  assertRollMayChange(db, current.councilId, ['units']);
  db.delete(households).where(eq(households.id, householdId)).run();
  return { deleted: true };
}
