import { and, eq, isNull } from 'drizzle-orm';
import type { VoterBasis } from '../../../shared/api/types';
import type { Db } from '../db/client';
import { attendance, households, people, proxies } from '../db/schema';

export interface EntitledVoter {
  key: string;
  label: string;
  areaCenti: number;
}

/**
 * Who may vote under a rule's voter basis: council members one each; households one
 * each (their representative or anyone of the household present); owners one per
 * owned household, weighted by its exclusive area.
 */
export function entitledVoters(db: Db, councilId: number, basis: VoterBasis): EntitledVoter[] {
  if (basis === 'members') {
    return db
      .select()
      .from(people)
      .where(eq(people.councilId, councilId))
      .all()
      .filter((person) => (person.roles as string[]).includes('member'))
      .map((person) => ({ key: `person:${person.id}`, label: person.name, areaCenti: 0 }));
  }
  return db
    .select()
    .from(households)
    .where(eq(households.councilId, councilId))
    .all()
    .filter((household) => basis === 'households' || household.tenure === 'owner')
    .map((household) => ({ key: `household:${household.id}`, label: household.code, areaCenti: household.areaCenti ?? 0 }));
}

/** Voter keys present now: in person, or through a proxy whose holder is in the room. */
export function presentVoterKeys(db: Db, meetingId: number): Set<string> {
  const inRoom = db
    .select({ personId: attendance.personId, householdId: people.householdId })
    .from(attendance)
    .innerJoin(people, eq(attendance.personId, people.id))
    .where(and(eq(attendance.meetingId, meetingId), isNull(attendance.leftAt), eq(attendance.observer, false)))
    .all();
  const keys = new Set<string>();
  const holders = new Set<number>();
  for (const { personId, householdId } of inRoom) {
    keys.add(`person:${personId}`);
    holders.add(personId);
    if (householdId !== null) keys.add(`household:${householdId}`);
  }
  const grants = db
    .select({ grantorId: proxies.grantorId, holderId: proxies.holderId, householdId: people.householdId })
    .from(proxies)
    .innerJoin(people, eq(proxies.grantorId, people.id))
    .where(and(eq(proxies.meetingId, meetingId), isNull(proxies.revokedAt)))
    .all();
  for (const grant of grants) {
    if (!holders.has(grant.holderId)) continue;
    keys.add(`person:${grant.grantorId}`);
    if (grant.householdId !== null) keys.add(`household:${grant.householdId}`);
  }
  return keys;
}
