/**
 * The door's search through the real dispatcher on a large estate (3,000 households, 7,500 people):
 * the host's index answers exactly as the pure search over the whole roster does, and any change to
 * the roster (by a call, or by a row written any other way) is in the next answer.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/api/areas/roster';
import { searchPeople } from '../../shared/domain/roster/pinyin-search';
import { createHousehold } from '../../src-main/host/areas/roster/households';
import { createPerson } from '../../src-main/host/areas/roster/people';
import { tempHost, type TempHost } from './temp-host';

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗单曾吕';
const given = ['秀英', '建国', '兆品', '桂兰', '志强', '海燕', '德华', '明', '静', '小平'];

async function estate(host: TempHost): Promise<number> {
  const councilId = (await host.ok('council:create', { name: '大型小区院落议事会' })).id;
  const { db, sqlite } = host.database;
  sqlite.transaction(() => {
    let n = 0;
    for (let i = 0; i < 3000; i += 1) {
      const code = `${1 + Math.floor(i / 100)}-${1 + (Math.floor(i / 25) % 4)}-${101 + (i % 25)}`;
      const unit = createHousehold(db, { councilId, code, area: '', tenure: 'owner', note: '' } as never);
      for (let k = 0; k < (i % 2 === 0 ? 3 : 2); k += 1, n += 1) {
        const name = surnames[n % surnames.length]! + given[(n * 7) % given.length]!;
        createPerson(db, { councilId, householdId: n % 97 === 0 ? null : unit.id, name, phone: '', roles: [] });
      }
    }
  })();
  return councilId;
}

const queries = ['hzp', 'HZP', 'h', 'hz', 'wjg', 'lxy', 'zgl', 'shanxiao', 'lv', 'zeng', '3-2-1', '3-2-101', '12', '3栋2单元101室', '何', '秀英', '何兆品', '小', 'qqqq', '  '];

describe('person:search on a large estate', () => {
  it('answers each query as the pure search over the whole roster does, for the top 20 and for more', { timeout: 60_000 }, async () => {
    const host = tempHost();
    const councilId = await estate(host);
    const roster = await host.ok('person:list', { councilId });
    expect(roster).toHaveLength(7500);
    for (const query of queries) {
      for (const limit of [20, 200]) {
        const onHost = await host.ok('person:search', { councilId, query, limit });
        expect(onHost.map((person) => person.id), `${query} (top ${limit})`).toEqual(searchPeople(roster, query, limit).map((person) => person.id));
      }
    }
  });

  it('sees every change to the roster in the next search', async () => {
    const host = tempHost();
    const councilId = (await host.ok('council:create', { name: '平安小区院落议事会' })).id;
    const unit = await host.ok('household:create', { councilId, code: '3-2-501' });
    const names = async (query: string) => (await host.ok('person:search', { councilId, query, limit: 20 })).map((person: Person) => person.name);

    const first = await host.ok('person:create', { councilId, name: '何兆品', householdId: unit.id });
    expect(await names('hzp')).toEqual(['何兆品']);
    await host.ok('person:create', { councilId, name: '何志强', householdId: null });
    expect(await names('hz')).toEqual(['何兆品', '何志强']);
    await host.ok('person:update', { personId: first.id, name: '黄兆品', householdId: unit.id, phone: '', roles: [] });
    expect(await names('hzp')).toEqual(['黄兆品']);
    await host.ok('household:update', { householdId: unit.id, code: '4-1-101' });
    expect(await names('4-1')).toEqual(['黄兆品']);
    expect(await names('3-2')).toEqual([]);
    await host.ok('person:delete', { personId: first.id });
    expect(await names('hzp')).toEqual([]);

    // A row written outside any call (an import, a repair) is seen too.
    host.database.sqlite.prepare("INSERT INTO people (council_id, name, pinyin_initials, pinyin_full) VALUES (?, '单雄信', 'sxx', 'shanxiongxin')").run(councilId);
    expect(await names('sxx')).toEqual(['单雄信']);

    // A change rolled back leaves the search as it was.
    const { sqlite } = host.database;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("INSERT INTO people (council_id, name, pinyin_initials, pinyin_full) VALUES (?, '曾秀英', 'zxy', 'zengxiuying')").run(councilId);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(await names('zxy')).toEqual([]);
  });

  it('keeps councils apart, and a removed council’s people are gone', async () => {
    const host = tempHost();
    const one = (await host.ok('council:create', { name: '一号院议事会' })).id;
    const two = (await host.ok('council:create', { name: '二号院议事会' })).id;
    await host.ok('person:create', { councilId: one, name: '何兆品', householdId: null });
    await host.ok('person:create', { councilId: two, name: '何志鹏', householdId: null });
    expect((await host.ok('person:search', { councilId: one, query: 'h', limit: 20 })).map((person) => person.name)).toEqual(['何兆品']);
    expect((await host.ok('person:search', { councilId: two, query: 'h', limit: 20 })).map((person) => person.name)).toEqual(['何志鹏']);
    host.database.sqlite.prepare('DELETE FROM councils WHERE id = ?').run(two);
    expect(await host.invoke('person:search', { councilId: two, query: 'h', limit: 20 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
