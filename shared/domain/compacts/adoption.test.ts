import { describe, expect, it } from 'vitest';
import { adoptionProblem, versionInForce, type AdoptionVote } from './adoption';

const passed: AdoptionVote = { id: 1, agendaItemId: 7, status: 'locked', passed: true, superseded: false };
const draft = { version: 2, adoptedAt: null, latestAdoptedVersion: 1 };

describe('adopting a version of a compact', () => {
  it('accepts a finished vote that passed, locked or closed', () => {
    expect(adoptionProblem(draft, passed)).toBeNull();
    expect(adoptionProblem(draft, { ...passed, status: 'closed' })).toBeNull();
  });

  it.each<[string, Partial<AdoptionVote>, string]>([
    ['a failed vote', { passed: false }, '没有通过'],
    ['an open vote', { status: 'open', passed: true }, '还没有结束'],
    ['a vote without an outcome', { passed: null }, '还没有结果'],
    ['a vote replaced by a re-vote', { superseded: true }, '重新表决'],
    ['a vote on no matter', { agendaItemId: null }, '没有对应的议题'],
  ])('refuses %s', (_, change, message) => {
    expect(adoptionProblem(draft, { ...passed, ...change })).toContain(message);
  });

  it('never adopts a version twice, nor one older than the version in force', () => {
    expect(adoptionProblem({ version: 2, adoptedAt: '2026-12-05T12:00:00Z', latestAdoptedVersion: 2 }, passed)).toContain('已经通过');
    expect(adoptionProblem({ version: 1, adoptedAt: null, latestAdoptedVersion: 2 }, passed)).toContain('较早的第 1 版');
  });

  it('the version in force is the highest adopted one', () => {
    const versions = [
      { version: 1, adoptedAt: 'a' },
      { version: 2, adoptedAt: null },
      { version: 3, adoptedAt: 'b' },
      { version: 4, adoptedAt: null },
    ];
    expect(versionInForce(versions)?.version).toBe(3);
    expect(versionInForce([{ version: 1, adoptedAt: null }])).toBeNull();
  });
});
