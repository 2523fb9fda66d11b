import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArchiveImportResult } from '../../shared/api/areas/archive';
import type { FilePayload } from '../../shared/api/kit';
import { verifyAuditChain } from '../../src-main/host/areas/audit/audit-log';
import { seedDemo, seedFollowupDemo } from '../../src-main/host/demo/seed';
import { readMinutesDoc } from '../../src-main/host/areas/minutes/store';
import { minutesField } from '../../shared/collab/doc-shape';
import { heldMeeting, signBoth } from './seals-fixture';
import { adoptedCompact } from './compacts-fixture';
import { presets } from '../../shared/domain/voting/rules';
import { dumpTables } from './access-fixture';
import { tempHost, type TempHost } from './temp-host';

/** Columns that hold ids, references, or what is regenerated on import (rooms, hash chains). */
const idLike = /(^id$|^seq$|_id$|^voter_key$|^room_name$|^room_password$|^snapshot_seq$|^prev_hash$|^hash$|^audit_hash$|_ids_json$|^cast_through_json$)/;

/** A vote's closing record without the ids it names (voter keys keep their kind, the ids go). */
const closingModuloIds = (text: unknown) =>
  typeof text === 'string'
    ? JSON.stringify(JSON.parse(text), (key, value: unknown) =>
        key === 'castById' || key === 'personId' ? undefined : typeof value === 'string' ? value.replace(/^(person|household):\d+$/, '$1') : value,
      )
    : text;

/** Every table's rows without their ids, sorted: equal when the two councils hold the same things. */
function contentModuloIds(host: TempHost, skip: string[]): Record<string, string[]> {
  const tables = JSON.parse(dumpTables(host.database.sqlite, ['join_codes', 'participants', 'sqlite_sequence', '__drizzle_migrations', ...skip])) as Array<[string, Array<Record<string, unknown>>]>;
  return Object.fromEntries(
    tables.map(([name, rows]) => [
      name,
      rows
        .map((row) =>
          JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !idLike.test(key)).map(([key, value]) => [key, key === 'closing_json' ? closingModuloIds(value) : value]))),
        )
        .sort(),
    ]),
  );
}

function minutesText(host: TempHost, meetingId: number): string {
  return readMinutesDoc(host.database.sqlite, meetingId).getXmlFragment(minutesField).toString();
}

describe('council archive', () => {
  it('export then import on a new computer gives the same council, modulo ids; minutes, seals and the audit chain included', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    await signBoth(held);
    const file = await source.ok('archive:export', { councilId: held.councilId }) as FilePayload;
    expect(file.fileName).toMatch(/\.courtyard$/);

    const target = tempHost();
    const imported = (await target.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 })) as ArchiveImportResult;
    expect(imported.rows.ballots).toBeGreaterThan(0);
    expect(imported.rows.seals).toBeGreaterThan(0);
    // The import itself is recorded: one more audit entry than the source had.
    const sourceContent = contentModuloIds(source, ['audit_log', 'audit_heads', 'council_keys']);
    const targetContent = contentModuloIds(target, ['audit_log', 'audit_heads', 'council_keys']);
    expect(targetContent).toEqual(sourceContent);
    // The council's key comes as its public half only, retired: it verifies the old seals and signs nothing here.
    const keysOf = (host: TempHost) => host.database.sqlite.prepare('SELECT public_key, private_key, private_key_form, retired_at FROM council_keys').all();
    const [sourceKey] = keysOf(source) as Array<{ public_key: string }>;
    expect(keysOf(target)).toEqual([{ public_key: sourceKey!.public_key, private_key: '', private_key_form: 'absent', retired_at: expect.any(String) }]);
    const sourceAudit = source.database.sqlite.prepare('SELECT kind, payload FROM audit_log ORDER BY seq').all();
    const targetAudit = target.database.sqlite.prepare("SELECT kind, payload FROM audit_log WHERE kind != 'archive-import' ORDER BY seq").all();
    expect(targetAudit).toEqual(sourceAudit);
    expect(verifyAuditChain(target.database.sqlite).ok).toBe(true);
    // The signed heads anchor the chain of the computer that signed them, so they stay there; the copy's
    // entries, tables and minutes (sealed under the other chain) check out against this chain.
    expect(await target.ok('audit:verify', {})).toMatchObject({ ok: true, problems: [] });
    expect(target.database.sqlite.pragma('foreign_key_check')).toEqual([]);

    const newMeetingId = (target.database.sqlite.prepare('SELECT id FROM meetings ORDER BY id').all() as Array<{ id: number }>)
      .map((row) => row.id)
      .find((id) => minutesText(target, id).length > 0);
    expect(newMeetingId).toBeDefined();
    expect(minutesText(target, newMeetingId!)).toBe(minutesText(source, held.meetingId));
    // The sealed minutes still verify on the new computer.
    const status = await target.ok('seals:status', { meetingId: newMeetingId! });
    expect(JSON.stringify(status)).toContain('"kind":"minutes"');
    // And the imported council works: votes and people read through the services.
    const votes = await target.ok('vote:list', { meetingId: newMeetingId! });
    expect(votes.length).toBe((await source.ok('vote:list', { meetingId: held.meetingId })).length);
  });

  it('votes keep their frozen electorate and closing record on a computer whose ids differ: the same voters, the same result, who cast each ballot', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    const file = (await source.ok('archive:export', { councilId: held.councilId })) as FilePayload;

    // A computer with a council of its own already: every imported id lands elsewhere.
    const target = tempHost();
    const own = await target.ok('council:create', { name: '先在这台电脑上的议事会' });
    for (let index = 1; index <= 7; index += 1) {
      const unit = await target.ok('household:create', { councilId: own.id, code: `9-9-${100 + index}`, area: '50', tenure: 'owner' });
      await target.ok('person:create', { councilId: own.id, name: `住户${index}`, householdId: unit.id, roles: [] });
    }
    const imported = (await target.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 })) as ArchiveImportResult;
    const meetingId = (await target.ok('meeting:list', { councilId: imported.council.id }))[0]!.id;

    const votesOf = async (host: TempHost, meeting: number) => {
      const states = await host.ok('vote:list', { meetingId: meeting });
      return Promise.all(
        states.map(async (state) => {
          const voters = state.mode === 'roll_call' ? await host.ok('vote:voters', { voteId: state.id }) : [];
          const { id: _id, meetingId: _meeting, agendaItemId: _item, replacesVoteId: _replaces, ...rest } = await host.ok('vote:get', { voteId: state.id });
          return { ...rest, voters: voters.map(({ key: _key, ...voter }) => voter) };
        }),
      );
    };
    expect(await votesOf(target, meetingId)).toEqual(await votesOf(source, held.meetingId));

    // Every key the frozen records name is a person or household of the imported council.
    const keys = target.database.sqlite
      .prepare('SELECT e.voter_key AS key, e.cast_through_json AS through, v.closing_json AS closing FROM vote_electorate e JOIN votes v ON v.id = e.vote_id')
      .all() as Array<{ key: string; through: string; closing: string | null }>;
    expect(keys.length).toBeGreaterThan(0);
    const named = keys.flatMap((row) => [row.key, ...(JSON.parse(row.through) as string[]), ...(row.closing ? (JSON.parse(row.closing) as { present: string[] }).present : [])]);
    const ofCouncil = new Set([
      ...(target.database.sqlite.prepare('SELECT id FROM people WHERE council_id = ?').pluck().all(imported.council.id) as number[]).map((id) => `person:${id}`),
      ...(target.database.sqlite.prepare('SELECT id FROM households WHERE council_id = ?').pluck().all(imported.council.id) as number[]).map((id) => `household:${id}`),
    ]);
    expect(named.filter((key) => !ofCouncil.has(key))).toEqual([]);
    expect((await target.ok('audit:verify', {})).ok).toBe(true);
  });

  it("imports beside the council it came from (a year of follow-up: tasks, ratings, residents' matters), as a second council with new rooms", async () => {
    const host = tempHost();
    seedDemo(host.database, new Date());
    seedFollowupDemo(host.database, new Date());
    const [council] = await host.ok('council:list', {});
    for (const meeting of await host.ok('meeting:list', { councilId: council!.id })) await host.ok('minutes:open', { meetingId: meeting.id });
    // The council's key is not copied whole: the copy gets its public half only (checked below).
    const before = contentModuloIds(host, ['audit_log', 'audit_heads', 'council_keys']);
    const file = await host.ok('archive:export', { councilId: council!.id });
    const imported = (await host.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 })) as ArchiveImportResult;
    expect(imported.council.id).not.toBe(council!.id);
    expect(imported.rows.tasks).toBeGreaterThan(0);
    expect(imported.rows.ratings).toBeGreaterThan(0);
    expect(await host.ok('council:list', {})).toHaveLength(2);
    // Every row is now there twice: the original and the copy.
    const after = contentModuloIds(host, ['audit_log', 'audit_heads', 'council_keys']);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual([...rows, ...rows].sort());
    const keys = host.database.sqlite.prepare('SELECT council_id, private_key_form FROM council_keys ORDER BY id').all() as Array<{ council_id: number; private_key_form: string }>;
    expect(keys.filter((key) => key.council_id === imported.council.id).every((key) => key.private_key_form === 'absent')).toBe(true);
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true, problems: [] });
    // A locked result names its audit entry by hash: each copy names the copied entry, of its own meeting.
    const results = host.database.sqlite
      .prepare('SELECT v.meeting_id AS voteMeeting, a.meeting_id AS entryMeeting, a.kind FROM vote_results r JOIN votes v ON v.id = r.vote_id LEFT JOIN audit_log a ON a.hash = r.audit_hash')
      .all() as Array<{ voteMeeting: number; entryMeeting: number | null; kind: string | null }>;
    expect(results.length).toBeGreaterThan(1);
    for (const result of results) expect(result).toMatchObject({ entryMeeting: result.voteMeeting, kind: 'vote.result' });
    const rooms = host.database.sqlite.prepare('SELECT room_name FROM minutes_docs').all() as Array<{ room_name: string }>;
    expect(new Set(rooms.map((r) => r.room_name)).size).toBe(rooms.length);
    expect(rooms.length).toBeGreaterThan(1);
    const titles = async (councilId: number) => JSON.stringify(await host.ok('followup:tasks', { councilId }), (key, value: unknown) => (/id$|Id$/.test(key) ? undefined : value));
    expect(await titles(imported.council.id)).toBe(await titles(council!.id));
  });

  it("carries the council's own audit entries (its default vote, compacts' signatures), naming the copy's council and compact", async () => {
    const { host, councilId, compactId, version2, passed } = await adoptedCompact();
    await host.ok('council:setDefaultVote', { councilId, rule: presets['owners-ordinary-matter'], mode: 'roll_call' });
    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const households = await host.ok('household:list', { councilId });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: households[0]!.id, signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: '2026-01-03' });
    const councilEntries = (about: (payload: Record<string, unknown>) => boolean) =>
      (host.database.sqlite.prepare('SELECT kind, payload FROM audit_log WHERE meeting_id IS NULL ORDER BY seq').all() as Array<{ kind: string; payload: string }>)
        .map((row) => ({ kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown> }))
        .filter((row) => about(row.payload));
    const ofCouncil = (council: number, compact: number) => councilEntries((payload) => payload.councilId === council || payload.compactId === compact);
    const original = ofCouncil(councilId, compactId);
    expect(original.map((entry) => entry.kind)).toEqual(['council.default-vote', 'compact.sign']);

    const file = await host.ok('archive:export', { councilId });
    const imported = (await host.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 })) as ArchiveImportResult;
    const compactNamed = async (council: number) => {
      const title = (await host.ok('compacts:list', { councilId })).find((compact) => compact.id === compactId)!.title;
      return (await host.ok('compacts:list', { councilId: council })).find((compact) => compact.title === title)!.id;
    };
    const copyCompactId = await compactNamed(imported.council.id);
    expect(copyCompactId).not.toBe(compactId);
    // The copy's entries name the copy: the same record, with the new council's and compact's ids.
    const copied = ofCouncil(imported.council.id, copyCompactId).filter((entry) => entry.kind !== 'archive-import');
    expect(copied).toEqual(original.map((entry) => ({
      kind: entry.kind,
      payload: { ...entry.payload, ...('councilId' in entry.payload ? { councilId: imported.council.id } : { compactId: copyCompactId }) },
    })));
    // The original's entries are untouched, and the chain holds.
    expect(ofCouncil(councilId, compactId)).toEqual(original);
    expect(verifyAuditChain(host.database.sqlite).ok).toBe(true);
    // An archive of the copy carries them again, with the import that made it.
    const again = await host.ok('archive:export', { councilId: imported.council.id });
    const third = (await host.ok('archive:import', { fileName: again.fileName, dataBase64: again.dataBase64 })) as ArchiveImportResult;
    const thirdCompactId = await compactNamed(third.council.id);
    expect(ofCouncil(third.council.id, thirdCompactId).map((entry) => entry.kind)).toEqual(['council.default-vote', 'compact.sign', 'archive-import', 'archive-import']);
  });

  it('refuses a file that is not an archive, changing nothing', async () => {
    const host = tempHost();
    await heldMeeting(host);
    const before = dumpTables(host.database.sqlite);
    for (const data of [Buffer.from('hello'), Buffer.from(JSON.stringify({ format: 'x' }))]) {
      const result = await host.invoke('archive:import', { fileName: 'x.courtyard', dataBase64: data.toString('base64') });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(!result.ok && result.error.message).toMatch(/没有导入任何内容/);
    }
    expect(dumpTables(host.database.sqlite)).toBe(before);
  });

  it('refuses a file larger than 64 MiB once decompressed, before reading it, changing nothing', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    const before = dumpTables(host.database.sqlite);
    // A small file that inflates past the limit: what a crafted "zip bomb" archive does.
    const head = Buffer.from(JSON.stringify({ format: 'courtyard-council-archive', version: 2, councilName: 'x', tables: { councils: [] }, pad: '' }).slice(0, -2));
    const bomb = gzipSync(Buffer.concat([head, Buffer.alloc(64 * 1024 * 1024 + 1, 'a'), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await host.invoke('archive:import', { fileName: 'big.courtyard', dataBase64: bomb.toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '归档文件解压后超过 64 MiB，超出了可以导入的大小。没有导入任何内容。' } });
    expect(dumpTables(host.database.sqlite)).toBe(before);
  });

  it('reads a file of the first archive version, and refuses one of a version it does not know', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    const file = await source.ok('archive:export', { councilId: held.councilId });
    const withVersion = (version: number) => {
      const body = JSON.parse(gunzipSync(Buffer.from(file.dataBase64, 'base64')).toString('utf8')) as { version: number };
      expect(body.version).toBe(3);
      return gzipSync(Buffer.from(JSON.stringify({ ...body, version }), 'utf8')).toString('base64');
    };
    const target = tempHost();
    const before = dumpTables(target.database.sqlite);
    const newer = await target.invoke('archive:import', { fileName: file.fileName, dataBase64: withVersion(4) });
    expect(!newer.ok && newer.error.message).toBe('这个归档文件来自不同版本的院落议事，无法导入。没有导入任何内容。');
    expect(dumpTables(target.database.sqlite)).toBe(before);
    const first = (await target.ok('archive:import', { fileName: file.fileName, dataBase64: withVersion(1) })) as ArchiveImportResult;
    expect(first.rows.ballots).toBeGreaterThan(0);
  });
});
