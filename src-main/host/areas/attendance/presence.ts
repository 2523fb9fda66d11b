/**
 * Who in the room may cast a vote now. A vote names who may cast it (`person:<id>`: that person;
 * `household:<id>`: anyone of the household); each may do so in person, if signed in and not left
 * and not an observer (列席), or through the holder of their written proxy (委托) who is in the room.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { people } from '../roster/schema';
import { attendance, proxies } from './schema';

export interface Caster {
  personId: number;
  name: string;
  /** Casting as the holder of someone's written proxy, not in their own right. */
  asProxy: boolean;
}

/** Splits `person:<id>` / `household:<id>` keys into their ids. */
function idsOf(castThrough: readonly string[]): { personIds: number[]; householdIds: number[] } {
  const personIds: number[] = [];
  const householdIds: number[] = [];
  for (const key of castThrough) {
    const [kind, id] = key.split(':');
    if (kind === 'person') personIds.push(Number(id));
    else if (kind === 'household') householdIds.push(Number(id));
  }
  return { personIds, householdIds };
}

/** In-person casters first, each person once. */
function distinct(casters: Caster[]): Caster[] {
  const byPerson = new Map<number, Caster>();
  for (const caster of [...casters.filter((c) => !c.asProxy), ...casters.filter((c) => c.asProxy)]) {
    if (!byPerson.has(caster.personId)) byPerson.set(caster.personId, caster);
  }
  return [...byPerson.values()];
}

const inRoom = (meetingId: number) => and(eq(attendance.meetingId, meetingId), isNull(attendance.leftAt), eq(attendance.observer, false));
const holders = alias(people, 'holder');

/** Everyone in the room now and every proxy whose holder is there, read once for a whole list. */
export function roomPresence(db: Db, meetingId: number): { casters: (castThrough: readonly string[]) => Caster[]; present: (castThrough: readonly string[]) => boolean } {
  const byPerson = new Map<number, Caster>();
  const byHousehold = new Map<number, Caster[]>();
  const rows = db
    .select({ personId: people.id, name: people.name, householdId: people.householdId })
    .from(attendance)
    .innerJoin(people, eq(attendance.personId, people.id))
    .where(inRoom(meetingId))
    .all();
  for (const row of rows) {
    const caster = { personId: row.personId, name: row.name, asProxy: false };
    byPerson.set(row.personId, caster);
    if (row.householdId !== null) byHousehold.set(row.householdId, [...(byHousehold.get(row.householdId) ?? []), caster]);
  }
  const proxyByGrantor = new Map<number, Caster>();
  const proxyByHousehold = new Map<number, Caster[]>();
  const grants = db
    .select({ grantorId: proxies.grantorId, householdId: people.householdId, holderId: proxies.holderId, holderName: holders.name })
    .from(proxies)
    .innerJoin(people, eq(proxies.grantorId, people.id))
    .innerJoin(holders, eq(proxies.holderId, holders.id))
    .where(and(eq(proxies.meetingId, meetingId), isNull(proxies.revokedAt)))
    .all();
  for (const grant of grants) {
    if (!byPerson.has(grant.holderId)) continue;
    const caster = { personId: grant.holderId, name: grant.holderName, asProxy: true };
    proxyByGrantor.set(grant.grantorId, caster);
    if (grant.householdId !== null) proxyByHousehold.set(grant.householdId, [...(proxyByHousehold.get(grant.householdId) ?? []), caster]);
  }
  const casters = (castThrough: readonly string[]): Caster[] => {
    const { personIds, householdIds } = idsOf(castThrough);
    const found: Caster[] = [];
    for (const id of personIds) {
      const self = byPerson.get(id);
      if (self) found.push(self);
      const holder = proxyByGrantor.get(id);
      if (holder) found.push(holder);
    }
    for (const id of householdIds) found.push(...(byHousehold.get(id) ?? []), ...(proxyByHousehold.get(id) ?? []));
    return distinct(found);
  };
  return { casters, present: (castThrough) => casters(castThrough).length > 0 };
}

/**
 * The casters of one vote, by indexed lookups of just its people and households: what a ballot
 * needs, without reading the whole room (a roll call of a large estate takes thousands of them).
 */
export function castersFor(db: Db, meetingId: number, castThrough: readonly string[]): Caster[] {
  const { personIds, householdIds } = idsOf(castThrough);
  if (personIds.length === 0 && householdIds.length === 0) return [];
  const whose = (table: typeof people) =>
    personIds.length && householdIds.length
      ? [inArray(table.id, personIds), inArray(table.householdId, householdIds)]
      : personIds.length
        ? [inArray(table.id, personIds)]
        : [inArray(table.householdId, householdIds)];
  const found: Caster[] = [];
  // Two queries per condition rather than an OR, so each uses its index (people's id, people_household).
  for (const condition of whose(people)) {
    const rows = db
      .select({ personId: people.id, name: people.name })
      .from(people)
      .innerJoin(attendance, and(eq(attendance.personId, people.id), inRoom(meetingId)))
      .where(condition)
      .all();
    found.push(...rows.map((row) => ({ ...row, asProxy: false })));
  }
  for (const condition of whose(people)) {
    const rows = db
      .select({ personId: holders.id, name: holders.name })
      .from(people)
      .innerJoin(proxies, and(eq(proxies.grantorId, people.id), eq(proxies.meetingId, meetingId), isNull(proxies.revokedAt)))
      .innerJoin(holders, eq(proxies.holderId, holders.id))
      .innerJoin(attendance, and(eq(attendance.personId, holders.id), inRoom(meetingId)))
      .where(condition)
      .all();
    found.push(...rows.map((row) => ({ ...row, asProxy: true })));
  }
  return distinct(found);
}
