/**
 * The public count of a large estate's written vote through the real browser host (HTTP, the
 * chair's session): 3,000 owner households, two matters; each returned ballot is scanned
 * (paper:scan: which ballot, its state) and counted (paper:count: marks stored, ballot marked,
 * audit entry, one committed transaction under synchronous=FULL, and the running tallies and
 * participation in the answer).
 * - count-per-ballot-p95: ms from the scan until the count's answer, per ballot, through the host's
 *   dispatcher (as checkin-3000 and ballot-3000); count-per-ballot-http-p95 the same over HTTP with
 *   the chair's session (every other ballot), the HTTP round trips included;
 * - count-per-ballot-ratio (and -http-ratio): the p95 over the disk's commit floor (a bare better-sqlite3 insert, WAL
 *   and synchronous=FULL, on the same disk in the same run; the median, as checkin-fsync-floor).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiResult } from '../../../shared/api/errors';
import { presets } from '../../../shared/domain/voting/rules';
import { createCouncil } from '../../../src-main/host/areas/councils/service';
import { createMeeting } from '../../../src-main/host/areas/meetings/service';
import { createHousehold } from '../../../src-main/host/areas/roster/households';
import { createPerson } from '../../../src-main/host/areas/roster/people';
import { unitOwners } from '../../../src-main/host/areas/roster/schema';
import { createHost } from '../../../src-main/host/core/host';
import { startBrowserHost } from '../../../src-main/host/core/server';
import { fsyncFloor, percentile } from '../floor';
import type { Report } from '../run';

const households = 3000;
const choices = ['for', 'against', 'abstain', null] as const;

function call<T>(port: number, cookie: string, channel: string, input: unknown): Promise<T> {
  const body = JSON.stringify({ input });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/call/${encodeURIComponent(channel)}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<T>;
          if (reply.ok) resolve(reply.value);
          else reject(new Error(`${channel}: ${reply.error.message}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export default async function paperCountBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-paper-'));
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>院落议事</title>');
  const host = createHost({ databasePath: join(dir, 'estate.sqlite'), host: 'browser' });
  const server = await startBrowserHost({ host, webRoot, port: 0, bindAddress: '127.0.0.1' });
  try {
    const floor = fsyncFloor(dir, 1000);
    const { db, sqlite } = host.database;
    const councilId = createCouncil(db, { name: '大型小区', community: '', address: '', processTemplate: 'six-step' }).id;
    const meetingId = createMeeting(db, { councilId, title: '业主大会', date: '2026-12-20', startTime: '19:00', place: '', chairId: null, secretaryId: null }).id;
    sqlite.transaction(() => {
      for (let i = 1; i <= households; i += 1) {
        const unit = createHousehold(db, { councilId, code: `${Math.ceil(i / 100)}-1-${i}`, area: 5000 + ((i * 7919) % 9000), tenure: 'owner', note: '' });
        const owner = createPerson(db, { councilId, householdId: unit.id, name: `业主${i}`, phone: '', roles: [] });
        db.insert(unitOwners).values({ householdId: unit.id, personId: owner.id }).run();
      }
    })();
    const login = await fetch(new URL(host.chair.loginPath(), server.url), { redirect: 'manual' });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0]!;
    const round = await call<{ id: number; matters: Array<{ voteId: number }> }>(server.port, cookie, 'paper:open', {
      meetingId,
      title: '书面征求意见',
      opensOn: '2026-12-01',
      deadline: '2026-12-10',
      returnTo: '物业服务中心',
      secret: false,
      matters: [
        { title: '续聘物业服务企业', rule: presets['owners-ordinary-matter'] },
        { title: '使用专项维修资金', rule: presets['owners-special-matter'] },
      ],
    });
    await call(server.port, cookie, 'paper:issueAll', { roundId: round.id, how: 'door', by: '楼长' });
    await call(server.port, cookie, 'paper:close', { roundId: round.id, early: true });
    await call(server.port, cookie, 'paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['陈静'] });
    const ballots = await call<Array<{ qrText: string }>>(server.port, cookie, 'paper:ballots', { roundId: round.id });
    const [first, second] = round.matters.map((matter) => String(matter.voteId)) as [string, string];
    // Every other ballot through the host's dispatcher (as checkin-3000 and ballot-3000 are measured),
    // the others over HTTP with the chair's session: the same calls, the same growing tallies.
    const times: number[] = [];
    const httpTimes: number[] = [];
    for (const [index, ballot] of ballots.entries()) {
      const marks = { [first]: choices[index % 4]!, [second]: choices[(index * 7) % 4]! };
      const count = { roundId: round.id, code: ballot.qrText, teller: '王芳', marks };
      const started = performance.now();
      if (index % 2 === 0) {
        const scanned = await host.invoke('paper:scan', { roundId: round.id, code: ballot.qrText });
        const counted = await host.invoke('paper:count', count);
        if (!scanned.ok || !counted.ok) throw new Error('the count was refused');
        times.push(performance.now() - started);
      } else {
        await call(server.port, cookie, 'paper:scan', { roundId: round.id, code: ballot.qrText });
        await call(server.port, cookie, 'paper:count', count);
        httpTimes.push(performance.now() - started);
      }
    }
    const p95 = percentile(times, 0.95);
    const floorMedian = percentile(floor, 0.5);
    report('count-per-ballot-p50', percentile(times, 0.5), 'ms');
    report('count-per-ballot-p95', p95, 'ms');
    report('count-fsync-floor', floorMedian, 'ms');
    report('count-per-ballot-ratio', p95 / floorMedian, 'x');
    report('count-per-ballot-http-p50', percentile(httpTimes, 0.5), 'ms');
    report('count-per-ballot-http-p95', percentile(httpTimes, 0.95), 'ms');
    report('count-per-ballot-http-ratio', percentile(httpTimes, 0.95) / floorMedian, 'x');
  } finally {
    await server.close();
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
