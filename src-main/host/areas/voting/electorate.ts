import { eq } from 'drizzle-orm';
import type { Household } from '../../../../shared/api/areas/roster';
import type { VoterBasis } from '../../../../shared/api/areas/voting';
import { ownerElectorate } from '../../../../shared/domain/voting/electorate';
import type { Db } from '../../db/client';
import { households, people } from '../roster/schema';
import { ownersByUnit } from '../roster/households';

type Unit = Pick<Household, 'id' | 'code' | 'areaCenti' | 'tenure' | 'owners'>;

export interface EntitledVoter {
  /** What a ballot names: `person:<id>`, or `household:<id>` (for owners of several units, the first of them). */
  key: string;
  /** Who this is, in words: the member; the household with its people; the owners with their units. */
  label: string;
  areaCenti: number;
  /** The units behind the vote (none for a council member). */
  unitIds: number[];
  /** The owners on the title, for an owners' vote with owners recorded. */
  ownerIds: number[];
  /**
   * Who may cast the vote: `person:<id>` (that person in the room, or their proxy holder there) and
   * `household:<id>` (anyone of the household in the room, or a proxy holder of one of them).
   * Empty: no one may (a let unit with no owner on record), yet the voter is in the law's totals.
   */
  castThrough: string[];
}

/** Whether no one can ever cast this vote: a let unit whose owner is not on record. */
export const noOneToCast = (voter: Pick<EntitledVoter, 'castThrough'>): boolean => voter.castThrough.length === 0;

/**
 * Who may vote under a rule's voter basis, read from the roster now (a vote reads this once, at
 * opening, and keeps it: see frozen.ts): council members one each; households one each (their
 * representative or anyone of the household present); owners as the Civil Code counts them (see
 * ownerVoters).
 */
export function entitledVoters(db: Db, councilId: number, basis: VoterBasis): EntitledVoter[] {
  if (basis === 'members') {
    return db
      .select()
      .from(people)
      .where(eq(people.councilId, councilId))
      .orderBy(people.id)
      .all()
      .filter((person) => (person.roles as string[]).includes('member'))
      .map((person) => ({ key: `person:${person.id}`, label: person.name, areaCenti: 0, unitIds: [], ownerIds: [], castThrough: [`person:${person.id}`] }));
  }
  const owners = ownersByUnit(db, councilId);
  const units: Unit[] = db
    .select({ id: households.id, code: households.code, areaCenti: households.areaCenti, tenure: households.tenure })
    .from(households)
    .where(eq(households.councilId, councilId))
    .orderBy(households.id)
    .all()
    .map((unit) => ({ ...unit, owners: owners.get(unit.id) ?? [] }));
  const names = residentNames(db, councilId);
  if (basis === 'owners') return ownerVoters(units, names);
  return units.map((unit) => householdVoter(unit, names));
}

/** The names of each household's people, for the roll-call list. */
function residentNames(db: Db, councilId: number): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const person of db.select({ name: people.name, householdId: people.householdId }).from(people).where(eq(people.councilId, councilId)).orderBy(people.id).all()) {
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
    unitIds: [unit.id],
    ownerIds: [],
    castThrough: [`household:${unit.id}`],
  };
}

/**
 * Owners' voters (民法典第二百七十八条, counted as ownerElectorate counts them): units whose owners are
 * recorded are grouped by their exact set of owners, so one owner of several units votes once with
 * the areas added and a jointly owned unit is one vote. Such a vote is cast by one of its owners in
 * person, or by a proxy holder an owner authorised in writing; the owner's family or tenant needs
 * that proxy too. An owner-occupied unit with no owner recorded is one vote of its own, cast by its
 * household (the owner's family: who holds the title is not on record). A let unit with no owner
 * recorded stays in the totals as one owner with its area, whom no one here may represent.
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
    return {
      key: `household:${own[0]!.id}`,
      label: `${own.map((unit) => unit.code).join('、')} ${owners.map((owner) => owner.name).join('、')}`,
      areaCenti: voter.areaCenti,
      unitIds: own.map((unit) => unit.id),
      ownerIds: owners.map((owner) => owner.id),
      castThrough: owners.map((owner) => `person:${owner.id}`),
      order: position.get(own[0]!)!,
    };
  });
  units.forEach((unit, order) => {
    if (unit.owners.length > 0) return;
    if (unit.tenure === 'owner') voters.push({ ...householdVoter(unit, names), order });
    else voters.push({ ...householdVoter(unit, names), label: `${unit.code}（未登记产权人）`, castThrough: [], order });
  });
  return voters.sort((a, b) => a.order - b.order).map(({ order: _order, ...voter }) => voter);
}
