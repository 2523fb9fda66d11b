/**
 * The anchored audit chain: its head signed with the council's key at vote close and lock, at
 * every seal and on a clean shutdown, kept apart from the log; the head printed into the sealed
 * minutes. Then an attacker with the file and another SQLite client (plain better-sqlite3,
 * triggers dropped first) deletes, edits and recomputes, and each change is named by
 * audit:verify, by `npm run verify:audit`, by the start check (audit:status), and where the
 * signed minutes come in, by `npm run verify -- FILE.docx --db`.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src-main/host/areas/audit/audit-log';
import { verifyDigest } from '../../src-main/host/areas/seals/keys';
import { documentParagraphs } from '../../src-main/host/areas/seals/verify';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost, type TempHost } from './temp-host';

interface HeadRow {
  id: number;
  seq: number;
  hash: string;
  council_id: number;
  key_fingerprint: string;
  reason: string;
  signed_at: string;
  signature: string;
}

const heads = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM audit_heads ORDER BY id').all() as HeadRow[];
const lastSeq = (sqlite: Database.Database) => sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

function cli(script: 'verify-audit' | 'verify', args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `src-main/host/cli/${script}.ts`, ...args], { encoding: 'utf8' });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A meeting held, its minutes sealed and exported to a file, the host closed cleanly. */
async function sealedAndClosed() {
  const held = await heldMeeting(tempHost());
  await signBoth(held);
  const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
  const docxPath = join(held.host.dir, 'minutes.docx');
  writeFileSync(docxPath, Buffer.from(file.dataBase64, 'base64'));
  const sealedAt = lastSeq(held.host.database.sqlite);
  held.host.close();
  return { held, docxPath, sealedAt };
}

/** Another SQLite client on the file, as an attacker who has it: the guards dropped first. */
function attack(path: string, work: (sqlite: Database.Database) => void) {
  const sqlite = new Database(path);
  for (const trigger of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) {
    sqlite.exec(`DROP TRIGGER "${trigger}"`);
  }
  work(sqlite);
  sqlite.close();
}

/** Every way of checking names the same problem: audit:verify, the start check, and the command line. */
async function expectNamed(host: TempHost, words: RegExp) {
  const reopened = host.reopen();
  const status = await reopened.ok('audit:status', {});
  expect(status.ok).toBe(false);
  expect(status.problems.join('\n')).toMatch(words);
  const report = await reopened.ok('audit:verify', {});
  expect(report.ok).toBe(false);
  expect(report.problems.join('\n')).toMatch(words);
  expect(report.message).toMatch(words);
  reopened.close();
  const fromCli = cli('verify-audit', ['--db', host.databasePath]);
  expect(fromCli.code).toBe(1);
  expect(fromCli.out).toMatch(words);
  return report;
}

describe('signing the head of the audit chain', () => {
  it('at every vote close and lock, at the seal and on a clean shutdown, with the council’s key, in its own append-only table', async () => {
    const held = await heldMeeting(tempHost());
    const sqlite = held.host.database.sqlite;
    // Two votes closed and locked: four heads, each the chain as it stood after the step.
    expect(heads(sqlite).map((head) => head.reason)).toEqual(['vote.close', 'vote.lock', 'vote.close', 'vote.lock']);
    await signBoth(held);
    const afterSeal = heads(sqlite);
    expect(afterSeal.at(-1)).toMatchObject({ reason: 'minutes.seal', seq: lastSeq(sqlite), council_id: held.councilId });
    const key = sqlite.prepare('SELECT public_key FROM council_keys WHERE council_id = ?').pluck().get(held.councilId) as string;
    for (const head of afterSeal) {
      const entry = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(head.seq);
      expect(entry).toBe(head.hash);
      const { headDigest } = await import('../../src-main/host/areas/audit/heads');
      expect(verifyDigest(key, headDigest({ seq: head.seq, hash: head.hash, councilId: head.council_id, reason: head.reason, signedAt: head.signed_at }), head.signature)).toBe(true);
    }
    expect(() => sqlite.prepare('UPDATE audit_heads SET seq = 1').run()).toThrow(/不可修改/);
    expect(() => sqlite.prepare('DELETE FROM audit_heads').run()).toThrow(/不可删除/);

    // A clean shutdown signs the head once more, only when the chain moved since the last head.
    await held.host.ok('seals:amend', { meetingId: held.meetingId, reason: '补记一项任务分工' });
    held.host.close();
    const file = new Database(held.host.databasePath, { readonly: true });
    const final = heads(file);
    expect(final).toHaveLength(afterSeal.length + 1);
    expect(final.at(-1)).toMatchObject({ reason: 'shutdown', seq: lastSeq(file), council_id: held.councilId });
    file.close();
    held.host.reopen().close();
    const again = new Database(held.host.databasePath, { readonly: true });
    expect(heads(again)).toHaveLength(final.length);
    again.close();
  }, 60_000);

  it('prints the head at signing into the sealed minutes, and the Word file still verifies', async () => {
    const held = await heldMeeting(tempHost());
    const status = await signBoth(held);
    const sqlite = held.host.database.sqlite;
    const record = JSON.parse(sqlite.prepare('SELECT canonical FROM seals WHERE meeting_id = ?').pluck().get(held.meetingId) as string);
    expect(record.auditHead.seq).toBe(lastSeq(sqlite) - 1);
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
    const paragraphs = documentParagraphs(await zip.file('word/document.xml')!.async('string'));
    expect(paragraphs).toContain(`审计链第 ${record.auditHead.seq} 条 · ${record.auditHead.hash.slice(0, 12)}`);
    expect((await held.host.ok('seals:verify', { fileName: file.fileName, dataBase64: file.dataBase64 })).verdict).toBe('signed');
    // A record signed before the head was printed (format 1) is laid out as it was signed, so its files still verify.
    const { layoutParagraphs, minutesLayoutOf } = await import('../../src-main/host/areas/seals/minutes-layout');
    const mark = { digest: 'd'.repeat(64), code: 'CODE', qrHash: 'q'.repeat(64) };
    expect(layoutParagraphs(minutesLayoutOf(record, mark)).filter((line) => line.startsWith('审计链'))).toHaveLength(1);
    expect(layoutParagraphs(minutesLayoutOf({ ...record, format: 'courtyard-minutes/1' }, mark)).filter((line) => line.startsWith('审计链'))).toEqual([]);
    expect(status.complete).toBe(true);
    expect(await held.host.ok('audit:verify', {})).toMatchObject({ ok: true, problems: [] });
    expect((await held.host.ok('audit:verify', {})).message).toContain('签署的链头');
    expect(await held.host.ok('audit:status', {})).toMatchObject({ ok: true });
  }, 60_000);
});

describe('tampering with another SQLite client', () => {
  it('deleting the last entry is named', async () => {
    const { held, sealedAt } = await sealedAndClosed();
    attack(held.host.databasePath, (sqlite) => sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(sealedAt));
    await expectNamed(held.host, new RegExp(`第 ${sealedAt - 1} 条之后的记录缺失`));
  }, 60_000);

  it('deleting the last 7, a locked result among them, is named', async () => {
    const { held, sealedAt } = await sealedAndClosed();
    attack(held.host.databasePath, (sqlite) => {
      const kinds = sqlite.prepare('SELECT kind FROM audit_log WHERE seq > ?').pluck().all(sealedAt - 7);
      expect(kinds).toHaveLength(7);
      expect(kinds).toContain('vote.result');
      sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(sealedAt - 7);
    });
    const report = await expectNamed(held.host, new RegExp(`第 ${sealedAt - 7} 条之后的记录缺失`));
    // The locked result's own entry is gone: the result row names an entry the log no longer has.
    expect(report.problems.join('\n')).toMatch(/表决结果.*审计记录中找不到/);
  }, 60_000);

  it('changing a ballot row only, the log untouched, is named with the ballot', async () => {
    const { held } = await sealedAndClosed();
    let household = '';
    attack(held.host.databasePath, (sqlite) => {
      const ballot = sqlite.prepare("SELECT id, voter_key FROM ballots WHERE choice = 'against'").get() as { id: number; voter_key: string };
      household = sqlite.prepare('SELECT code FROM households WHERE id = ?').pluck().get(Number(ballot.voter_key.split(':')[1])) as string;
      sqlite.prepare("UPDATE ballots SET choice = 'for' WHERE id = ?").run(ballot.id);
    });
    await expectNamed(held.host, new RegExp(`${household}.*选票.*审计记录为“反对”.*数据库中为“同意”`));
  }, 60_000);

  it('changing a ballot and recomputing every later hash is caught by the signed heads and by the head printed in the minutes', async () => {
    const { held, docxPath } = await sealedAndClosed();
    expect(cli('verify', [docxPath, '--db', held.host.databasePath])).toMatchObject({ code: 0 });
    let changedSeq = 0;
    attack(held.host.databasePath, (sqlite) => {
      const ballot = sqlite.prepare("SELECT id, vote_id, voter_key FROM ballots WHERE choice = 'against'").get() as { id: number; vote_id: number; voter_key: string };
      sqlite.prepare("UPDATE ballots SET choice = 'for' WHERE id = ?").run(ballot.id);
      const rows = sqlite.prepare('SELECT seq, at, kind, meeting_id AS meetingId, payload, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq').all() as Array<{
        seq: number;
        at: string;
        kind: string;
        meetingId: number | null;
        payload: string;
        prevHash: string;
        hash: string;
      }>;
      const rewrite = sqlite.prepare('UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      const renamed = new Map<string, string>();
      let previous: string | null = null;
      for (const row of rows) {
        const isTheBallot = row.kind === 'vote.ballot' && row.payload.includes(`"voter":"${ballot.voter_key}"`) && row.payload.includes(`"voteId":${ballot.vote_id}`);
        if (isTheBallot) {
          changedSeq = row.seq;
          row.payload = row.payload.replace('"choice":"against"', '"choice":"for"');
        }
        if (changedSeq === 0) {
          previous = row.hash;
          continue;
        }
        row.prevHash = previous!;
        const hash = entryHash(row);
        renamed.set(row.hash, hash);
        rewrite.run(row.payload, row.prevHash, hash, row.seq);
        previous = hash;
      }
      // The locked results name their entries by hash: the attacker fixes those too.
      for (const [old, fresh] of renamed) sqlite.prepare('UPDATE vote_results SET audit_hash = ? WHERE audit_hash = ?').run(fresh, old);
    });
    expect(changedSeq).toBeGreaterThan(0);
    // The chain walks whole now; only the heads signed with the council's key tell.
    const report = await expectNamed(held.host, /签署的链头不符/);
    expect(report.brokenAt).toBeNull();
    // The range between the last head that still matches and the first that does not holds the edited entry.
    const range = /第 (\d+) 条至第 (\d+) 条之间/.exec(report.problems.join('\n'))!;
    expect(Number(range[1])).toBeLessThanOrEqual(changedSeq);
    expect(Number(range[2])).toBeGreaterThanOrEqual(changedSeq);
    // The signed minutes carry the head at signing: the file is as signed, the database's chain is not.
    const fromFile = cli('verify', [docxPath, '--db', held.host.databasePath]);
    expect(fromFile.code).toBe(4);
    expect(fromFile.out).toContain('已签署，未改动');
    expect(fromFile.out).toMatch(/审计链第 \d+ 条.*与数据库中的审计记录不符/);

    // Even with every signed head deleted as well, the head sealed into the minutes names it.
    attack(held.host.databasePath, (sqlite) => sqlite.prepare('DELETE FROM audit_heads').run());
    await expectNamed(held.host, /会议记录.*签署时的链头不符/);
  }, 90_000);
});
