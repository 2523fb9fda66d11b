/**
 * The entitled voters of a vote, each with the exclusive floor area behind their vote.
 *
 * Owners are counted as the Supreme People's Court interpretation on building ownership
 * (建筑物区分所有权解释第九条) counts them: one unit is one vote, except that units held by the same
 * owner count once, with their areas added. "The same owner" means exactly the same set of owners:
 * a unit owned jointly by A and B is one vote, held by the pair, and is a different voter from a
 * unit A owns alone. A developer's unsold units, all held by the developer, count as one.
 */
import type { Result } from './result';

export interface Voter {
  voterId: string;
  /** Exclusive floor area in hundredths of a m²; 0 where area plays no part (council members). */
  areaCenti: number;
}

export interface UnitOwnership {
  unitId: string;
  areaCenti: number;
  /** Every owner on the title; several for a jointly owned unit. */
  ownerIds: readonly string[];
}

export interface OwnerVoter extends Voter {
  ownerIds: string[];
  unitIds: string[];
}

/** The voter id of a set of owners: the ids sorted and joined with "+", so order never matters. */
export function voterIdForOwners(ownerIds: readonly string[]): string {
  return [...new Set(ownerIds)].sort().join('+');
}

/**
 * The units no one votes for in an owners' vote: let to a tenant, with no owner on record. A tenant
 * never votes for the owner, so no one can cast such a unit's vote; it stays in the law's totals
 * (one owner by headcount, its area) as an entitled voter who cannot be present, until its owners
 * are recorded.
 */
export function unitsWithoutOwnerVoter<T extends { tenure: 'owner' | 'tenant'; owners: readonly unknown[] }>(units: readonly T[]): T[] {
  return units.filter((unit) => unit.tenure === 'tenant' && unit.owners.length === 0);
}

function isArea(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Owners' voters from the units and their titles; refuses a unit without owners, a bad area, or a unit listed twice. */
export function ownerElectorate(units: readonly UnitOwnership[]): Result<OwnerVoter[]> {
  const seenUnits = new Set<string>();
  const byVoter = new Map<string, OwnerVoter>();
  for (const unit of units) {
    if (seenUnits.has(unit.unitId)) return { ok: false, error: `房屋 ${unit.unitId} 重复列出` };
    seenUnits.add(unit.unitId);
    if (unit.ownerIds.length === 0) return { ok: false, error: `房屋 ${unit.unitId} 没有登记业主` };
    if (!isArea(unit.areaCenti)) return { ok: false, error: `房屋 ${unit.unitId} 的面积无效` };
    const voterId = voterIdForOwners(unit.ownerIds);
    const voter = byVoter.get(voterId);
    if (voter) {
      voter.areaCenti += unit.areaCenti;
      voter.unitIds.push(unit.unitId);
    } else {
      byVoter.set(voterId, {
        voterId,
        areaCenti: unit.areaCenti,
        ownerIds: [...new Set(unit.ownerIds)].sort(),
        unitIds: [unit.unitId],
      });
    }
  }
  return { ok: true, value: [...byVoter.values()] };
}

/** One vote per household; the area is the household's, if known, for rules that weigh it. */
export function householdElectorate(households: readonly { householdId: string; areaCenti?: number }[]): Voter[] {
  return households.map((household) => ({ voterId: household.householdId, areaCenti: household.areaCenti ?? 0 }));
}

/** One vote per council or party member; area plays no part. */
export function memberElectorate(memberIds: readonly string[]): Voter[] {
  return memberIds.map((memberId) => ({ voterId: memberId, areaCenti: 0 }));
}
