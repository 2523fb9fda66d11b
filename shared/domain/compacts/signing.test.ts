import { describe, expect, it } from 'vitest';
import { matchesHouseholdQuery, signatureProblem, signingProgress } from './signing';

const households = ['10-1-101', '2-1-101', '3-2-501', '3-2-502', '3-20-101', '5-1-501'].map((code, index) => ({ id: index + 1, code }));

describe('who still has to sign', () => {
  it('counts signed households and lists the others in household order', () => {
    const progress = signingProgress(households, [{ householdId: 3 }, { householdId: 6 }]);
    expect(progress.signed).toBe(2);
    expect(progress.total).toBe(6);
    expect(progress.unsigned.map((h) => h.code)).toEqual(['2-1-101', '3-2-502', '3-20-101', '10-1-101']);
  });

  it.each([
    ['3-2-501', ['3-2-501']],
    ['3栋2单元501室', ['3-2-501']],
    ['3－2－502', ['3-2-502']],
    ['3-2', ['3-2-501', '3-2-502', '3-20-101']],
    ['3-2-', ['3-2-501', '3-2-502']],
    ['501', ['3-2-501', '5-1-501']],
    ['1-101', ['10-1-101', '2-1-101']],
    ['', households.map((h) => h.code)],
  ])('typing %s finds %j', (query, expected) => {
    expect(households.filter((h) => matchesHouseholdQuery(h.code, query)).map((h) => h.code)).toEqual(expected);
  });
});

describe('recording a signature', () => {
  const base = { mode: 'pad' as const, hasImage: true, signedOn: '2026-12-06', today: '2026-12-06', adopted: true, alreadySigned: false };
  it('accepts a drawn signature, or a paper one with its date', () => {
    expect(signatureProblem(base)).toBeNull();
    expect(signatureProblem({ ...base, mode: 'paper', hasImage: false, signedOn: '2026-12-01' })).toBeNull();
  });
  it.each<[string, Partial<typeof base>, string]>([
    ['on a draft', { adopted: false }, '还没有经表决通过'],
    ['twice', { alreadySigned: true }, '已经在这一版公约上签过字'],
    ['on the pad without drawing', { hasImage: false }, '请先在签名区域签字'],
    ['in the future', { signedOn: '2026-12-07' }, '不能晚于今天'],
  ])('refuses a signature %s', (_, change, message) => {
    expect(signatureProblem({ ...base, ...change })).toContain(message);
  });
});
