import { describe, expect, it } from 'vitest';
import { householdElectorate, memberElectorate, ownerElectorate, unitsWithoutOwnerVoter, voterIdForOwners } from './electorate';

describe('who votes among owners', () => {
  it('counts one owner with two units once, with the areas added', () => {
    const result = ownerElectorate([
      { unitId: '1-101', areaCenti: 8_550, ownerIds: ['zhang'] },
      { unitId: '1-102', areaCenti: 6_025, ownerIds: ['zhang'] },
      { unitId: '1-201', areaCenti: 9_000, ownerIds: ['li'] },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { voterId: 'zhang', areaCenti: 14_575, ownerIds: ['zhang'], unitIds: ['1-101', '1-102'] },
        { voterId: 'li', areaCenti: 9_000, ownerIds: ['li'], unitIds: ['1-201'] },
      ],
    });
  });

  it('gives a jointly owned unit one vote, whatever order the owners are listed in', () => {
    const result = ownerElectorate([
      { unitId: '2-301', areaCenti: 10_000, ownerIds: ['wang', 'chen'] },
      { unitId: '2-302', areaCenti: 7_000, ownerIds: ['chen', 'wang'] },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [{ voterId: 'chen+wang', areaCenti: 17_000, ownerIds: ['chen', 'wang'], unitIds: ['2-301', '2-302'] }],
    });
  });

  it('keeps a joint unit apart from a unit one of its owners holds alone', () => {
    const result = ownerElectorate([
      { unitId: '3-101', areaCenti: 5_000, ownerIds: ['wang', 'chen'] },
      { unitId: '3-102', areaCenti: 6_000, ownerIds: ['wang'] },
    ]);
    expect(result.ok && result.value.map((voter) => voter.voterId)).toEqual(['chen+wang', 'wang']);
  });

  it.each([
    ['a unit with no owner', [{ unitId: 'x', areaCenti: 1, ownerIds: [] }], '没有登记业主'],
    ['a unit listed twice', [{ unitId: 'x', areaCenti: 1, ownerIds: ['a'] }, { unitId: 'x', areaCenti: 1, ownerIds: ['b'] }], '重复'],
    ['an area in floating point', [{ unitId: 'x', areaCenti: 85.5, ownerIds: ['a'] }], '面积无效'],
  ])('refuses %s', (_name, units, message) => {
    const result = ownerElectorate(units);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('makes voter ids that do not depend on order or repeats', () => {
    expect(voterIdForOwners(['b', 'a', 'b'])).toBe('a+b');
  });

  it('gives households and members one vote each', () => {
    expect(householdElectorate([{ householdId: 'h1', areaCenti: 100 }, { householdId: 'h2' }])).toEqual([
      { voterId: 'h1', areaCenti: 100 },
      { voterId: 'h2', areaCenti: 0 },
    ]);
    expect(memberElectorate(['m1'])).toEqual([{ voterId: 'm1', areaCenti: 0 }]);
  });

  it('names the rented units without a recorded owner, which no one votes for in an owners\' vote', () => {
    const units = [
      { code: '1-101', tenure: 'tenant' as const, owners: [] },
      { code: '1-102', tenure: 'tenant' as const, owners: [{ id: 7 }] },
      { code: '1-201', tenure: 'owner' as const, owners: [] },
    ];
    expect(unitsWithoutOwnerVoter(units).map((unit) => unit.code)).toEqual(['1-101']);
  });
});
