/**
 * `npm run bench`: one line per figure, `bench <name>: <value> <unit>`.
 * Each benchmark lives in its own module: the foundation's register here, later areas'
 * in ./areas/<name>.ts (a default export taking `report`), found and run in name order.
 * `npm run bench -- minutes` runs only the area modules whose file name contains "minutes"
 * (and skips the foundation's).
 */
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pinyinKeys } from '../../shared/domain/roster/pinyin-keys';
import { searchPeople } from '../../shared/domain/roster/pinyin-search';
import { projectorLatency } from './projector-latency';
import { storedTallyPerBallot, tallyPerBallot } from './tally';

export type Report = (name: string, value: number, unit: string) => void;

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

const only = process.argv[2];
if (!only) {
  personSearch();
  tallyPerBallot(report);
  await storedTallyPerBallot(report);
  await projectorLatency(report);
}

const areasFolder = new URL('./areas/', import.meta.url);
const areaModules = readdirSync(areasFolder)
  .filter((name) => name.endsWith('.ts') && (!only || name.includes(only)))
  .sort();
for (const name of areaModules) {
  const module = (await import(pathToFileURL(new URL(name, areasFolder).pathname).href)) as { default: (report: Report) => unknown };
  await module.default(report);
}
