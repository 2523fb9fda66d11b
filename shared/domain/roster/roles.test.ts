import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personRoles, withImpliedRoles } from './roles';

describe('roles as stored', () => {
  it.each([
    [['chair'], ['chair', 'member']],
    [['secretary', 'representative'], ['secretary', 'representative', 'member']],
    [['vice_chair', 'member'], ['vice_chair', 'member']],
    [['member', 'chair', 'chair'], ['member', 'chair']],
    [['supervisor', 'party_member'], ['supervisor', 'party_member']],
    [[], []],
  ] as const)('%j → %j', (given, stored) => {
    expect(withImpliedRoles(given)).toEqual(stored);
  });

  it('is idempotent, keeps every role given, and makes every officer a member', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...personRoles)), (roles) => {
        const stored = withImpliedRoles(roles);
        expect(withImpliedRoles(stored)).toEqual(stored);
        expect(new Set(stored)).toEqual(new Set([...roles, ...(stored.includes('member') ? ['member' as const] : [])]));
        if (roles.some((role) => ['chair', 'vice_chair', 'secretary'].includes(role))) expect(stored).toContain('member');
      }),
    );
  });
});
