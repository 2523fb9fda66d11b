import { describe, expect, it } from 'vitest';
import { changeThatMoves, rollChangeRefusal } from './roll-changes';

describe('which roster changes move a vote', () => {
  it.each([
    ['members', ['roles'], 'roles'],
    ['members', ['area', 'units', 'owners', 'residence', 'tenure'], null],
    ['households', ['units'], 'units'],
    ['households', ['roles', 'tenure', 'owners'], null],
    ['households', ['residence'], 'residence'],
    ['owners', ['roles'], null],
    ['owners', ['roles', 'area'], 'area'],
    ['owners', ['tenure'], 'tenure'],
    ['owners', ['owners'], 'owners'],
  ] as const)('a %s vote and %j: %s', (basis, changes, expected) => {
    expect(changeThatMoves(basis, changes)).toBe(expected);
  });

  it('names the vote in typeset Chinese', () => {
    const message = rollChangeRefusal({ title: '加装电梯', basis: 'owners' }, 'area');
    expect(message).toBe('业主表决“加装电梯”的结果还没有锁定，不能修改房屋面积：这会改变这次表决的应参与表决名单或投票人。请先结束并锁定这次表决，再修改。');
    expect(message).not.toMatch(/[,:;()?!]/);
  });
});
