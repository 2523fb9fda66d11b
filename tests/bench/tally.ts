import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { presets } from '../../shared/domain/voting/rules';
import { decide, type NamedBallot } from '../../shared/domain/voting/tally';
import { createHost } from '../../src-main/host/core/host';
import { createCouncil } from '../../src-main/host/areas/councils/service';
import { createMeeting } from '../../src-main/host/areas/meetings/service';
import { checkIn } from '../../src-main/host/areas/attendance/service';
import { createHousehold } from '../../src-main/host/areas/roster/households';
import { createPerson } from '../../src-main/host/areas/roster/people';

type Report = (name: string, value: number, unit: string) => void;
const choices = ['for', 'against', 'abstain'] as const;

/** The rules engine alone: a 3,000-household owners' vote by area, the outcome recomputed after every ballot. */
export function tallyPerBallot(report: Report): void {
  const entitled = Array.from({ length: 3000 }, (_, i) => ({ voterId: `household:${i + 1}`, areaCenti: 5000 + ((i * 7919) % 9000) }));
  const present = entitled.slice(0, 2400).map((voter) => voter.voterId);
  const ballots: NamedBallot[] = [];
  const start = performance.now();
  for (let i = 0; i < present.length; i += 1) {
    ballots.push({ voterId: present[i]!, choice: choices[i % 3]! });
    const outcome = decide(presets['owners-ordinary-matter'], { kind: 'named', entitled, present, ballots });
    if (!outcome.ok) throw new Error(outcome.error);
  }
  report('tally-3000-per-ballot', (performance.now() - start) / present.length, 'ms');
}

/** The same through the host: each ballot committed to SQLite (synchronous=FULL), then the vote read back with its outcome. */
export async function storedTallyPerBallot(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-'));
  const host = createHost({ databasePath: join(dir, 'bench.sqlite'), host: 'browser' });
  try {
    const { db, sqlite } = host.database;
    const councilId = createCouncil(db, { name: '大型小区', community: '', address: '', processTemplate: 'six-step' }).id;
    const meetingId = createMeeting(db, { councilId, title: '业主大会', date: '2026-12-05', startTime: '19:00', place: '', chairId: null, secretaryId: null }).id;
    const keys: string[] = [];
    const now = new Date();
    sqlite.transaction(() => {
      for (let i = 1; i <= 3000; i += 1) {
        const household = createHousehold(db, { councilId, code: `${Math.ceil(i / 100)}-1-${i}`, area: 5000 + ((i * 7919) % 9000), tenure: 'owner', note: '' });
        const person = createPerson(db, { councilId, householdId: household.id, name: `业主${i}`, phone: '', roles: [] });
        if (i > 2400) continue;
        checkIn(db, { meetingId, personId: person.id, observer: false, signaturePngBase64: null }, now);
        keys.push(`household:${household.id}`);
      }
    })();
    const opened = await host.invoke('vote:open', { meetingId, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    if (!opened.ok) throw new Error(opened.error.message);
    const voteId = (opened.value as { id: number }).id;
    const sample = 200;
    const start = performance.now();
    for (let i = 0; i < sample; i += 1) {
      const cast = await host.invoke('vote:castBallot', { voteId, voterKey: keys[i]!, choice: choices[i % 3]! });
      const state = await host.invoke('vote:get', { voteId });
      if (!cast.ok || !state.ok) throw new Error('bench ballot failed');
    }
    report('tally-3000-per-ballot-stored', (performance.now() - start) / sample, 'ms');
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
