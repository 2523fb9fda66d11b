import { describe, expect, it } from 'vitest';
import { pinyinKeys } from './pinyin-keys';
import { classifyQuery, searchPeople } from './pinyin-search';

const person = (name: string, householdCode: string | null) => {
  const keys = pinyinKeys(name);
  return { name, householdCode, pinyinInitials: keys.initials, pinyinFull: keys.full };
};

const people = [
  person('何兆品', '3-2-501'),
  person('何志鹏', '3-2-502'),
  person('黄珍', '1-1-101'),
  person('单雄信', '2-1-301'),
  person('曾秀英', '13-2-501'),
  person('吕小平', null),
];

describe('pinyin keys', () => {
  it('reads initials and full pinyin', () => {
    expect(pinyinKeys('何兆品')).toEqual({ initials: 'hzp', full: 'hezhaopin' });
  });
  it('reads surnames as surnames: 单 is shan, 曾 is zeng', () => {
    expect(pinyinKeys('单雄信').initials).toBe('sxx');
    expect(pinyinKeys('曾秀英').initials).toBe('zxy');
  });
  it('writes ü as v so it can be typed: 吕 → lv', () => {
    expect(pinyinKeys('吕小平').full).toBe('lvxiaoping');
  });
});

describe('search at the door', () => {
  const names = (query: string) => searchPeople(people, query).map((p) => p.name);

  it('hzp finds 何兆品 first; hz finds every h-z name', () => {
    expect(names('hzp')).toEqual(['何兆品', '何志鹏']);
    expect(names('HZP')[0]).toBe('何兆品');
    expect(names('hz').sort()).toEqual(['何志鹏', '何兆品', '黄珍'].sort());
  });
  it('full pinyin prefixes work', () => {
    expect(names('hezhao')).toEqual(['何兆品']);
  });
  it('a household number finds its people, and a prefix finds the staircase', () => {
    expect(names('3-2-501')).toEqual(['何兆品']);
    expect(names('3栋2单元501室')).toEqual(['何兆品']);
    expect(names('3-2')).toEqual(['何兆品', '何志鹏']);
  });
  it('Chinese text matches the name', () => {
    expect(names('何')).toEqual(['何兆品', '何志鹏']);
    expect(names('秀英')).toEqual(['曾秀英']);
  });
  it('an empty query lists everybody; nonsense finds nobody', () => {
    expect(names('  ')).toHaveLength(people.length);
    expect(names('qqqq')).toEqual([]);
    expect(classifyQuery('')).toBeNull();
  });
});
