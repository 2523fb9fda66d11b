/**
 * A roll call of a large estate through the host: 3,000 owners, each present and each the recorded
 * owner of a unit, vote one by one; every vote:castBallot is a committed transaction (ballot row,
 * audit entry, synchronous=FULL). A ballot is checked against the vote's frozen electorate and the
 * room for that one voter, so it should cost about what the disk's commit costs: the floor is a
 * bare better-sqlite3 insert under the same pragmas (WAL, synchronous=FULL) on the same disk, in the
 * same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { presets } from '../../../shared/domain/voting/rules';
import { checkIn } from '../../../src-main/host/areas/attendance/service';
import { createCouncil } from '../../../src-main/host/areas/councils/service';
import { createMeeting } from '../../../src-main/host/areas/meetings/service';
import { createHousehold } from '../../../src-main/host/areas/roster/households';
import { createPerson } from '../../../src-main/host/areas/roster/people';
import { unitOwners } from '../../../src-main/host/areas/roster/schema';
import { createHost } from '../../../src-main/host/core/host';
import { fsyncFloor, percentile } from '../floor';
import type { Report } from '../run';

const owners = 3000;
const choices = ['for', 'against', 'abstain'] as const;


async function ballots(dir: string): Promise<number[]> {
  const host = createHost({ databasePath: join(dir, 'ballots.sqlite'), host: 'browser' });
  try {
    const { db, sqlite } = host.database;
    const councilId = createCouncil(db, { name: '大型小区', community: '', address: '', processTemplate: 'six-step' }).id;
    const meetingId = createMeeting(db, { councilId, title: '业主大会', date: '2026-12-05', startTime: '19:00', place: '', chairId: null, secretaryId: null }).id;
    const keys: string[] = [];
    const now = new Date();
    sqlite.transaction(() => {
      for (let i = 1; i <= owners; i += 1) {
        const unit = createHousehold(db, { councilId, code: `${Math.ceil(i / 100)}-1-${i}`, area: 5000 + ((i * 7919) % 9000), tenure: 'owner', note: '' });
        const owner = createPerson(db, { councilId, householdId: unit.id, name: `业主${i}`, phone: '', roles: [] });
        db.insert(unitOwners).values({ householdId: unit.id, personId: owner.id }).run();
        checkIn(db, { meetingId, personId: owner.id, observer: false, signaturePngBase64: null }, now);
        keys.push(`household:${unit.id}`);
      }
    })();
    const opened = await host.invoke('vote:open', { meetingId, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    if (!opened.ok) throw new Error(opened.error.message);
    const voteId = (opened.value as { id: number }).id;
    const times: number[] = [];
    for (const [index, voterKey] of keys.entries()) {
      const started = performance.now();
      const cast = await host.invoke('vote:castBallot', { voteId, voterKey, choice: choices[index % 3]! });
      times.push(performance.now() - started);
      if (!cast.ok) throw new Error(`ballot ${index + 1}: ${cast.error.message}`);
    }
    const closed = await host.invoke('vote:close', { voteId });
    if (!closed.ok) throw new Error(closed.error.message);
    return times;
  } finally {
    host.close();
  }
}


export default async function ballotBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-ballot-'));
  try {
    const floor = fsyncFloor(dir, 1000);
    const times = await ballots(dir);
    report('ballot-3000-p50', percentile(times, 0.5), 'ms');
    report('ballot-3000-p95', percentile(times, 0.95), 'ms');
    report('ballot-fsync-floor', percentile(floor, 0.5), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
