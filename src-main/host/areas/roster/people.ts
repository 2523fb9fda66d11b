import { count, eq, or, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Person } from '../../../../shared/api/areas/roster';
import { compareHouseholdCodes } from '../../../../shared/domain/roster/household-code';
import { pinyinKeys } from '../../../../shared/domain/roster/pinyin-keys';
import { withImpliedRoles, type PersonRole } from '../../../../shared/domain/roster/roles';
import type { RollChange } from '../../../../shared/domain/roster/roll-changes';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { attendance, proxies } from '../attendance/schema';
import { speakers } from '../console/schema';
import { households, people, unitOwners } from './schema';
import { HostError, notFound } from '../../core/errors';
import { assertRollMayChange } from './roll-guard';
import { getCouncil } from '../councils/service';

const personColumns = { person: people, householdCode: households.code };

function toPerson(row: { person: typeof people.$inferSelect; householdCode: string | null }): Person {
  const { person } = row;
  return {
    id: person.id,
    councilId: person.councilId,
    name: person.name,
    pinyinInitials: person.pinyinInitials,
    pinyinFull: person.pinyinFull,
    phone: person.phone,
    roles: person.roles as PersonRole[],
    householdId: person.householdId,
    householdCode: row.householdCode,
  };
}

/** A person as the roster query reads it: the roles still the column's JSON text. */
type PersonRow = Omit<Person, 'roles'> & { roles: string };

/** The whole roster in one plain read (mapping a joined select row by row cost several times the read at 7,500 people). */
const rosterSql = `SELECT p.id AS id, p.council_id AS councilId, p.name AS name, p.pinyin_initials AS pinyinInitials,
  p.pinyin_full AS pinyinFull, p.phone AS phone, p.roles AS roles, p.household_id AS householdId, h.code AS householdCode
  FROM people p LEFT JOIN households h ON h.id = p.household_id WHERE p.council_id = ?`;

export function listPeople(db: Db, councilId: number): Person[] {
  getCouncil(db, councilId);
  const rows = db.$client.prepare(rosterSql).all(councilId) as PersonRow[];
  return rows.map((row): Person => ({ ...row, roles: parseRoles(row.roles) })).sort(byHousehold);
}

/** The roles column (JSON text) as a list; a damaged value reads as no roles. */
export function parseRoles(text: string): PersonRole[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as PersonRole[]) : [];
  } catch {
    return [];
  }
}

const pinyinCollator = new Intl.Collator();

/** A roster reads by household, as the office's own sheet does; people without one come last. */
function byHousehold(a: Person, b: Person): number {
  if (a.householdCode !== b.householdCode) {
    if (a.householdCode === null) return 1;
    if (b.householdCode === null) return -1;
    return compareHouseholdCodes(a.householdCode, b.householdCode);
  }
  return pinyinCollator.compare(a.pinyinFull, b.pinyinFull) || a.id - b.id;
}

// Read at every tap at the door: compiled once per database.
const personQuery = preparedOnce((db) =>
  db.select(personColumns).from(people).leftJoin(households, eq(people.householdId, households.id)).where(eq(people.id, sql.placeholder('person'))).prepare(),
);

export function getPerson(db: Db, personId: number): Person {
  const row = personQuery(db).get({ person: personId });
  if (!row) throw notFound('人员');
  return toPerson(row);
}

function assertHouseholdInCouncil(db: Db, councilId: number, householdId: number | null): void {
  if (householdId === null) return;
  const household = db.select().from(households).where(eq(households.id, householdId)).get();
  if (!household || household.councilId !== councilId) {
    throw new HostError('invalid_input', '所选住户不存在或不属于本议事会。');
  }
}

function columnsFor(fields: Omit<ParsedInput<'person:create'>, 'councilId'>) {
  const keys = pinyinKeys(fields.name);
  return {
    name: fields.name,
    householdId: fields.householdId,
    phone: fields.phone,
    roles: withImpliedRoles(fields.roles),
    pinyinInitials: keys.initials,
    pinyinFull: keys.full,
  };
}

type Placement = { householdId: number | null; roles: readonly string[] };

/** What moving a person from one household and set of roles to another changes for a vote. */
function rollChanges(was: Placement, becomes: Placement): RollChange[] {
  const changes: RollChange[] = [];
  if (was.householdId !== becomes.householdId) changes.push('residence');
  const [before, after] = [new Set(was.roles), new Set(becomes.roles)];
  const sameRoles = before.size === after.size && [...before].every((role) => after.has(role));
  if (!sameRoles) changes.push('roles');
  return changes;
}

export function createPerson(db: Db, input: ParsedInput<'person:create'>): Person {
  getCouncil(db, input.councilId);
  assertHouseholdInCouncil(db, input.councilId, input.householdId);
  const columns = columnsFor(input);
  assertRollMayChange(db, input.councilId, rollChanges({ householdId: null, roles: [] }, columns));
  const row = db
    .insert(people)
    .values({ councilId: input.councilId, ...columns })
    .returning()
    .get();
  return getPerson(db, row.id);
}

export function updatePerson(db: Db, input: ParsedInput<'person:update'>, now: Date): Person {
  const current = getPerson(db, input.personId);
  assertHouseholdInCouncil(db, current.councilId, input.householdId);
  const columns = columnsFor(input);
  assertRollMayChange(db, current.councilId, rollChanges(current, columns));
  db.update(people)
    .set({ ...columns, updatedAt: now.toISOString() })
    .where(eq(people.id, input.personId))
    .run();
  return getPerson(db, input.personId);
}

export function deletePerson(db: Db, personId: number): { deleted: true } {
  const person = getPerson(db, personId);
  // Sign-ins and proxies are part of a meeting's record; the person stays on file with them.
  const recorded =
    db.select({ n: count() }).from(attendance).where(eq(attendance.personId, personId)).get()!.n +
    db.select({ n: count() }).from(proxies).where(or(eq(proxies.grantorId, personId), eq(proxies.holderId, personId))).get()!.n +
    db.select({ n: count() }).from(speakers).where(eq(speakers.personId, personId)).get()!.n;
  if (recorded > 0) {
    throw new HostError('conflict', `${person.name} 有会议签到、委托或发言记录，这些记录需要保留，因此不能删除。`);
  }
  // Deleting an owner would quietly take their units out of owners' votes: the user removes the title first.
  const owned = db
    .select({ code: households.code })
    .from(unitOwners)
    .innerJoin(households, eq(unitOwners.householdId, households.id))
    .where(eq(unitOwners.personId, personId))
    .all();
  if (owned.length > 0) {
    throw new HostError('conflict', `${person.name} 登记为 ${owned.map((unit) => unit.code).join('、')} 的业主（产权人）。请先在住户中移除其业主登记，再删除此人。`);
  }
  assertRollMayChange(db, person.councilId, rollChanges(person, { householdId: null, roles: [] }));
  db.delete(people).where(eq(people.id, personId)).run();
  return { deleted: true };
}
