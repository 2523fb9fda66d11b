import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { checkIn } from '../../../src-main/host/areas/attendance/service';
import { createHousehold } from '../../../src-main/host/areas/roster/households';
import { createPerson } from '../../../src-main/host/areas/roster/people';
import { tempHost } from '../temp-host';

describe('durability', () => {
  it('a SIGKILL while 1,000 roll-call ballots are recorded loses none that was acknowledged', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '千户院落' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '业主表决', date: '2026-12-05', startTime: '19:00' });
    const now = new Date('2026-12-05T11:00:00Z');
    const { db, sqlite } = host.database;
    const keys: string[] = [];
    sqlite.transaction(() => {
      for (let i = 1; i <= 1000; i += 1) {
        const household = createHousehold(db, { councilId: council.id, code: `${Math.ceil(i / 100)}-1-${i}`, area: 8000 + i, tenure: 'owner', note: '' });
        const person = createPerson(db, { councilId: council.id, householdId: household.id, name: `业主${i}`, phone: '', roles: ['representative'] });
        checkIn(db, { meetingId: meeting.id, personId: person.id, observer: false, signaturePngBase64: null }, now);
        keys.push(`household:${household.id}`);
      }
    })();
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '维修资金使用', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    expect(vote).toMatchObject({ entitled: 1000, present: 1000, ballotsCast: 0 });
    host.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/durability/ballot-writer.ts', host.databasePath, String(vote.id), ...keys], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    let buffer = '';
    const killedAfter = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length >= 400 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve(acknowledged.length);
        }
      });
      child.once('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer ended before it was killed (${code}): ${errors}`));
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    expect(killedAfter).toBeGreaterThanOrEqual(400);
    expect(acknowledged.length).toBeLessThan(1000);

    const reopened = host.reopen();
    expect(reopened.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      reopened.database.sqlite.prepare('SELECT voter_key FROM ballots WHERE vote_id = ?').pluck().all(vote.id) as string[],
    );
    const lost = acknowledged.filter((key) => !stored.has(key));
    expect(lost).toEqual([]);
    // At most the one ballot in flight when the kill came may be stored without its acknowledgement.
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
    expect(await reopened.ok('audit:verify', {})).toMatchObject({ ok: true });
    expect((await reopened.ok('vote:get', { voteId: vote.id })).ballotsCast).toBe(stored.size);
  }, 120_000);
});
