import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinyinKeys } from './pinyin-keys';
import { searchPeople } from './pinyin-search';
import { buildSearchIndex } from './search-index';

const person = (id: number, name: string, householdCode: string | null) => ({ id, name, householdCode, ...pinyinKeysAsColumns(name) });
const pinyinKeysAsColumns = (name: string) => {
  const keys = pinyinKeys(name);
  return { pinyinInitials: keys.initials, pinyinFull: keys.full };
};

const named = [
  person(1, '何兆品', '3-2-501'),
  person(2, '何志鹏', '3-2-502'),
  person(3, '黄珍', '1-1-101'),
  person(4, '单雄信', '2-1-301'),
  person(5, '曾秀英', '13-2-501'),
  person(6, '吕小平', null),
  person(7, '何兆品', '1-1-101'),
];

describe('the search index answers as the pure search does', () => {
  const index = buildSearchIndex(named);
  it.each(['hzp', 'HZP', 'hz', 'hezhao', 'h', '3-2-501', '3栋2单元501室', '3-2', '1', '何', '秀英', '  ', 'qqqq', 'lv', '何兆品'])('%s', (query) => {
    expect(index.search(query, 50)).toEqual(searchPeople(named, query, 50));
    expect(index.search(query, 1)).toEqual(searchPeople(named, query, 1));
  });

  it('for any roster and any query made of its own keys, at any limit', () => {
    const surnames = [...'王李张何黄单曾吕'];
    const given = ['秀英', '建国', '兆品', '志鹏', '明', '珍'];
    const someone = fc.record({
      surname: fc.constantFrom(...surnames),
      given: fc.constantFrom(...given),
      code: fc.option(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 101, max: 104 })), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(someone, { maxLength: 60 }), fc.nat(), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 30 }), (rows, pick, cut, limit) => {
        const roster = rows.map((row, id) => person(id, row.surname + row.given, row.code ? row.code.join('-') : null));
        const source = roster[pick % Math.max(roster.length, 1)];
        const keys = source ? [source.pinyinInitials, source.pinyinFull, source.name, source.householdCode ?? '1'] : ['h'];
        const query = keys[pick % keys.length]!.slice(0, 1 + cut);
        expect(buildSearchIndex(roster).search(query, limit)).toEqual(searchPeople(roster, query, limit));
      }),
      { numRuns: 300 },
    );
  });
});
