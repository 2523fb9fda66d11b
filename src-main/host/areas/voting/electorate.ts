import { and, eq, isNull } from 'drizzle-orm';
import type { Household } from '../../../../shared/api/areas/roster';
import type { VoterBasis } from '../../../../shared/api/areas/voting';
import { ownerElectorate } from '../../../../shared/domain/voting/electorate';
import type { Db } from '../../db/client';
import { attendance, proxies } from '../attendance/schema';
import { households, people } from '../roster/schema';
import { ownersByUnit } from '../roster/households';

type Unit = Pick<Household, 'id' | 'code' | 'areaCenti' | 'tenure' | 'owners'>;

export interface EntitledVoter {
  /** What a ballot names: `person:<id>`, or `household:<id>` (for owners of several units, the first of them). */
  key: string;
  /** Who this is, in words: the member; the household with its people; the owners with their units. */
  label: string;
  areaCenti: number;
  /** The keys of presentVoterKeys that make this voter present (its units, its owners). */
  presentThrough: string[];
}

/**
 * Who may vote under a rule's voter basis: council members one each; households one each (their
 * representative or anyone of the household present); owners as the Civil Code counts them (see
 * ownerVoters).
 */
export function entitledVoters(db: Db, councilId: number, basis: VoterBasis, options: { residentNames?: boolean } = {}): EntitledVoter[] {
  if (basis === 'members') {
    return db
      .select()
      .from(people)
      .where(eq(people.councilId, councilId))
      .all()
      .filter((person) => (person.roles as string[]).includes('member'))
      .map((person) => ({ key: `person:${person.id}`, label: person.name, areaCenti: 0, presentThrough: [`person:${person.id}`] }));
  }
  // Read lean (no member counts, no sorting by code): this runs for every ballot of a large estate.
  const owners = ownersByUnit(db, councilId);
  const units: Unit[] = db
    .select({ id: households.id, code: households.code, areaCenti: households.areaCenti, tenure: households.tenure })
    .from(households)
    .where(eq(households.councilId, councilId))
    .orderBy(households.id)
    .all()
    .map((unit) => ({ ...unit, owners: owners.get(unit.id) ?? [] }));
  // The people's names are for reading the list; counting (every ballot of a large estate) does without them.
  const names = options.residentNames ? residentNames(db, councilId) : new Map<number, string[]>();
  if (basis === 'owners') return ownerVoters(units, names);
  return units.map((unit) => householdVoter(unit, names));
}

/** The names of each household's people, for the roll-call list. */
function residentNames(db: Db, councilId: number): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const person of db.select().from(people).where(eq(people.councilId, councilId)).orderBy(people.id).all()) {
    if (person.householdId !== null) names.set(person.householdId, [...(names.get(person.householdId) ?? []), person.name]);
  }
  return names;
}

function householdVoter(unit: Unit, names: Map<number, string[]>): EntitledVoter {
  const residents = names.get(unit.id) ?? [];
  return {
    key: `household:${unit.id}`,
    label: residents.length ? `${unit.code} ${residents.join('、')}` : unit.code,
    areaCenti: unit.areaCenti ?? 0,
    presentThrough: [`household:${unit.id}`],
  };
}

/**
 * Owners' voters (民法典第二百七十八条, counted as ownerElectorate counts them): units whose owners are
 * recorded are grouped by their exact set of owners, so one owner of several units votes once with
 * the areas added and a jointly owned unit is one vote; an owner-occupied unit with no owner recorded
 * is one vote of its own (as a household), and a rented one without a recorded owner has no one here
 * to vote for it. An owner votes in person or through a proxy holder in the room; so may the people
 * of an owner-occupied unit (the owner's family), never a tenant.
 */
function ownerVoters(units: Unit[], names: Map<number, string[]>): EntitledVoter[] {
  const recorded = units.filter((unit) => unit.owners.length > 0);
  const grouped = ownerElectorate(
    recorded.map((unit) => ({ unitId: String(unit.id), areaCenti: unit.areaCenti ?? 0, ownerIds: unit.owners.map((owner) => String(owner.id)) })),
  );
  // Only a unit listed twice or a negative area fails, and neither can come from the database.
  if (!grouped.ok) throw new Error(grouped.error);
  const unitById = new Map(units.map((unit) => [String(unit.id), unit]));
  const position = new Map(units.map((unit, index) => [unit, index]));
  const voters: Array<EntitledVoter & { order: number }> = grouped.value.map((voter) => {
    const own = voter.unitIds.map((unitId) => unitById.get(unitId)!);
    const owners = own[0]!.owners;
    const occupied = own.filter((unit) => unit.tenure === 'owner');
    return {
      key: `household:${own[0]!.id}`,
      label: `${own.map((unit) => unit.code).join('、')} ${owners.map((owner) => owner.name).join('、')}`,
      areaCenti: voter.areaCenti,
      presentThrough: [...owners.map((owner) => `person:${owner.id}`), ...occupied.map((unit) => `household:${unit.id}`)],
      order: position.get(own[0]!)!,
    };
  });
  units.forEach((unit, order) => {
    if (unit.owners.length === 0 && unit.tenure === 'owner') voters.push({ ...householdVoter(unit, names), order });
  });
  return voters.sort((a, b) => a.order - b.order).map(({ order: _order, ...voter }) => voter);
}

export function isPresent(voter: EntitledVoter, present: Set<string>): boolean {
  return voter.presentThrough.some((key) => present.has(key));
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
