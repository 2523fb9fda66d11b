import { describe, expect, it } from 'vitest';
import { adoptionProblem, versionInForce, type AdoptionVote } from './adoption';

const passed: AdoptionVote = { id: 1, agendaItemId: 7, status: 'locked', passed: true, superseded: false, matter: '审议《平安小区文明公约》第 2 版\n' };
const draft = { title: '平安小区文明公约', version: 2, adoptedAt: null, latestAdoptedVersion: 1 };

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
    expect(adoptionProblem({ ...draft, version: 2, adoptedAt: '2026-12-05T12:00:00Z', latestAdoptedVersion: 2 }, passed)).toContain('已经通过');
    expect(adoptionProblem({ ...draft, version: 1, adoptedAt: null, latestAdoptedVersion: 2 }, passed)).toContain('较早的第 1 版');
  });

  it('adopts only by a vote on a matter that names the compact, in its title or its text, with or without 书名号', () => {
    expect(adoptionProblem(draft, { ...passed, matter: '加装电梯\n1 号楼加装电梯的方案' })).toContain('没有写明《平安小区文明公约》');
    expect(adoptionProblem(draft, { ...passed, matter: '修订院落公约\n把充电地点写进“平安小区文明公约”' })).toBeNull();
    expect(adoptionProblem(draft, { ...passed, matter: '平安小区 文明公约（第 2 版）\n' })).toBeNull();
    expect(adoptionProblem(draft, { ...passed, matter: '文明公约\n' })).toContain('没有写明');
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
