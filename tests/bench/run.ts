/**
 * `npm run bench`: one line per figure, `bench <name>: <value> <unit>`.
 * Each benchmark lives in its own module and registers here.
 */
import { performance } from 'node:perf_hooks';
import { pinyinKeys } from '../../shared/domain/pinyin-keys';
import { searchPeople } from '../../shared/domain/pinyin-search';
import { projectorLatency } from './projector-latency';
import { storedTallyPerBallot, tallyPerBallot } from './tally';

function report(name: string, value: number, unit: string): void {
  console.log(`bench ${name}: ${Number(value.toPrecision(4))} ${unit}`);
}

/** Door search over a large estate's roster (3,000 households, ~7,500 people). */
function personSearch(): void {
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = ['秀英', '建国', '兆品', '桂兰', '志强', '海燕', '德华', '明', '静'];
  const people = Array.from({ length: 7500 }, (_, i) => {
    const name = surnames[i % surnames.length]! + given[(i * 7) % given.length]!;
    const keys = pinyinKeys(name);
    return { name, pinyinInitials: keys.initials, pinyinFull: keys.full, householdCode: `${1 + (i % 30)}-${1 + (i % 4)}-${100 + (i % 25)}` };
  });
  const queries = ['hzp', 'wjg', '3-2-1', '秀英', 'lixiu'];
  const rounds = 200;
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) searchPeople(people, queries[i % queries.length]!);
  report('person-search-7500', (performance.now() - start) / rounds, 'ms');
}

personSearch();
tallyPerBallot(report);
await storedTallyPerBallot(report);
await projectorLatency(report);
