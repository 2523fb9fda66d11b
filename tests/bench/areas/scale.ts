/**
 * A large estate through the host (issue: scale): 3,000 households, 7,500 people. Figures, each
 * beside its baseline from the same run:
 * - checkin-3000-dispatch-p50 / -p95 (ms through the dispatcher alone, one committed transaction
 *   each; with the screens open through HTTP: scale-screens.ts) and checkin-fsync-floor (a bare synchronous=FULL insert on the same disk);
 * - checkin-3000-answer-bytes: the JSON the host answers a tap with (with the screens open, see
 *   scale-screens.ts for checkin-3000-bytes);
 * - person-search-host-p95 (pinyin initials through the dispatcher) and person-search-host-ratio
 *   (divided by the p95 of an empty call through the same dispatcher).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCouncil } from '../../../src-main/host/areas/councils/service';
import { createMeeting } from '../../../src-main/host/areas/meetings/service';
import { createHousehold } from '../../../src-main/host/areas/roster/households';
import { createPerson } from '../../../src-main/host/areas/roster/people';
import { createHost, type Host } from '../../../src-main/host/core/host';
import { fsyncFloor, percentile } from '../floor';
import type { Report } from '../run';

const householdCount = 3000;
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = ['秀英', '建国', '兆品', '桂兰', '志强', '海燕', '德华', '明', '静'];


/** The estate: 30 buildings of 4 units of 25 rooms; 2 or 3 people a household (7,500 in all). */
export function seedEstate(host: Host): { meetingId: number; personIds: number[] } {
  const { db, sqlite } = host.database;
  const councilId = createCouncil(db, { name: '大型小区院落议事会', community: '', address: '', processTemplate: 'six-step' }).id;
  const meetingId = createMeeting(db, { councilId, title: '业主代表会议', date: '2026-12-05', startTime: '19:00', place: '', chairId: null, secretaryId: null }).id;
  const personIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < householdCount; i += 1) {
      const code = `${1 + Math.floor(i / 100)}-${1 + (Math.floor(i / 25) % 4)}-${101 + (i % 25)}`;
      const unit = createHousehold(db, { councilId, code, area: 6000 + ((i * 7919) % 8000), tenure: 'owner', note: '' });
      for (let k = 0; k < (i % 2 === 0 ? 3 : 2); k += 1) {
        const n = personIds.length;
        const name = surnames[n % surnames.length]! + given[(n * 7) % given.length]!;
        personIds.push(createPerson(db, { councilId, householdId: unit.id, name, phone: '', roles: k === 0 ? ['representative'] : [] }).id);
      }
    }
  })();
  return { meetingId, personIds };
}

async function timed(host: Host, channel: Parameters<Host['invoke']>[0], input: unknown): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const result = await host.invoke(channel, input as never);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return { ms, bytes: Buffer.byteLength(JSON.stringify(result.value)) };
}


export default async function scaleBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-scale-'));
  const host = createHost({ databasePath: join(dir, 'estate.sqlite'), host: 'browser' });
  try {
    const floor = fsyncFloor(dir, 300);
    const { meetingId, personIds } = seedEstate(host);
    const councilId = host.database.sqlite.prepare('SELECT id FROM councils LIMIT 1').pluck().get() as number;
    // An arrival rush: 300 people signed in one after the other.
    const taps: Array<{ ms: number; bytes: number }> = [];
    for (const personId of personIds.slice(0, 300)) taps.push(await timed(host, 'attendance:checkIn', { meetingId, personId }));
    report('checkin-3000-dispatch-p50', percentile(taps.map((tap) => tap.ms), 0.5), 'ms');
    report('checkin-3000-dispatch-p95', percentile(taps.map((tap) => tap.ms), 0.95), 'ms');
    report('checkin-fsync-floor', percentile(floor, 0.5), 'ms');
    report('checkin-3000-answer-bytes', percentile(taps.map((tap) => tap.bytes), 0.5), 'B');

    const queries = ['hzp', 'wjg', 'lxy', 'zgl', '3-2-1'];
    const searches: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      searches.push((await timed(host, 'person:search', { councilId, query: queries[i % queries.length]!, limit: 20 })).ms);
      empty.push((await timed(host, 'council:list', {})).ms);
    }
    const searchP95 = percentile(searches, 0.95);
    report('person-search-host-p95', searchP95, 'ms');
    report('person-search-host-ratio', searchP95 / Math.max(percentile(empty, 0.95), 0.001), 'x');
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
