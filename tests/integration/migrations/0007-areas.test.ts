import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0007_areas', () => {
  it('keeps settings and meetings with the new columns’ defaults, and adds LAN joining, compacts, follow-up, minutes, process and seals', () => {
    const database = databaseBefore('0007_areas');
    const courtyard = seedCourtyard(database.sqlite);
    const { councilId, meetingId, households, people, agenda } = courtyard;
    database.sqlite.prepare('INSERT INTO council_settings (council_id, max_proxies_per_holder, require_signature, intake_open) VALUES (?, 2, 1, 1)').run(councilId);
    database.sqlite
      .prepare("INSERT INTO wishes (council_id, text, source, created_at) VALUES (?, '楼道灯坏了', 'public', '2026-09-28T01:12:45.000Z')")
      .run(councilId);
    const before = courtyardRows(database);
    const wishes = database.rows('wishes');

    database.migrate();
    const { sqlite } = database;
    const { meetings, ...unchanged } = before;
    const { meetings: meetingsAfter, ...unchangedAfter } = courtyardRows(database);
    expect(unchangedAfter).toEqual(unchanged);
    expect(meetingsAfter).toEqual(meetings!.map((meeting) => ({ ...meeting, notice_posted_at: null })));
    expect(database.rows('council_settings')).toEqual([
      { council_id: councilId, max_proxies_per_holder: 2, require_signature: 1, intake_open: 1, step_names: null, seconds_required: 3 },
    ]);
    expect(database.rows('wishes')).toEqual(wishes);
    expect(schemaNames(sqlite, 'table')).toEqual(
      expect.arrayContaining([
        'compact_signatures',
        'compact_versions',
        'compacts',
        'council_keys',
        'join_codes',
        'matter_locks',
        'matter_seconds',
        'minutes_docs',
        'minutes_signatures',
        'minutes_updates',
        'notices',
        'participants',
        'ratings',
        'seals',
        'step_transitions',
        'task_notes',
        'tasks',
      ]),
    );

    // LAN joining: a join code's hash and a participant's token are each unique.
    const joinCode = sqlite.prepare("INSERT INTO join_codes (meeting_id, code_hash, role, created_at, expires_at) VALUES (?, ?, 'door', '2026-10-10T11:00:00.000Z', '2026-10-10T15:00:00.000Z')");
    const codeId = Number(joinCode.run(meetingId, 'c0de'.repeat(16)).lastInsertRowid);
    expect(() => joinCode.run(meetingId, 'c0de'.repeat(16))).toThrow(/UNIQUE constraint failed: join_codes.code_hash/);
    const participant = sqlite.prepare(
      "INSERT INTO participants (meeting_id, join_code_id, token_hash, name, role, joined_at, last_seen_at) VALUES (?, ?, ?, '门口志愿者', 'door', '2026-10-10T11:05:00.000Z', '2026-10-10T11:05:00.000Z')",
    );
    participant.run(meetingId, codeId, 'a1'.repeat(32));
    expect(() => participant.run(meetingId, codeId, 'a1'.repeat(32))).toThrow(/UNIQUE constraint failed: participants.token_hash/);
    expect(database.rows('participants')[0]).toMatchObject({ address: '', removed_at: null });

    // Compacts: one version number per compact, one signature per household and version.
    const compactId = Number(sqlite.prepare("INSERT INTO compacts (council_id, title, created_at) VALUES (?, '平安小区院落公约', '2026-09-01T00:00:00.000Z')").run(councilId).lastInsertRowid);
    const version = sqlite.prepare("INSERT INTO compact_versions (compact_id, version, articles, created_at) VALUES (?, ?, ?, '2026-09-01T00:00:00.000Z')");
    const versionId = Number(version.run(compactId, 1, JSON.stringify(['爱护公共设施，不在楼道堆放杂物。', '文明养犬，出门牵绳。'])).lastInsertRowid);
    expect(() => version.run(compactId, 1, '[]')).toThrow(/UNIQUE constraint failed: compact_versions.compact_id, compact_versions.version/);
    const signature = sqlite.prepare("INSERT INTO compact_signatures (version_id, household_id, signer_name, on_paper, signed_on, recorded_at) VALUES (?, ?, ?, 1, '2026-09-05', '2026-09-06T02:00:00.000Z')");
    signature.run(versionId, households['3-2-501'], '何兆品');
    expect(() => signature.run(versionId, households['3-2-501'], '李秀英')).toThrow(/UNIQUE constraint failed: compact_signatures.version_id, compact_signatures.household_id/);

    // Follow-up: tasks start open with no owner's name; a notice is an announcement or results only.
    sqlite.prepare("INSERT INTO tasks (agenda_item_id, title, owner_person_id, deadline, created_at) VALUES (?, '联系供电公司勘察', ?, '2026-10-31', '2026-10-10T12:30:00.000Z')").run(agenda.充电桩, people.何兆品);
    expect(database.rows('tasks')[0]).toMatchObject({ status: 'open', owner_name: '', done_at: null, reported_meeting_id: null });
    sqlite.prepare("INSERT INTO notices (council_id, meeting_id, kind, posted_at, created_at) VALUES (?, ?, 'announce', '2026-10-03', '2026-10-03T01:00:00.000Z')").run(councilId, meetingId);
    expect(() =>
      sqlite.prepare("INSERT INTO notices (council_id, kind, posted_at, created_at) VALUES (?, 'rumour', '2026-10-03', '2026-10-03T01:00:00.000Z')").run(councilId),
    ).toThrow(/notices_kind/);

    // Minutes start with no snapshot; seals are one per meeting and version.
    sqlite.prepare("INSERT INTO minutes_docs (meeting_id, room_name, room_password, updated_at) VALUES (?, 'courtyard-1', 'secret', '2026-10-10T11:00:00.000Z')").run(meetingId);
    expect(database.rows('minutes_docs')[0]).toMatchObject({ snapshot: null, snapshot_seq: 0, locked_at: null });
    const keyId = Number(sqlite.prepare("INSERT INTO council_keys (council_id, public_key, private_key, created_at) VALUES (?, 'pub', 'priv', '2026-10-10T00:00:00.000Z')").run(councilId).lastInsertRowid);
    const seal = sqlite.prepare("INSERT INTO seals (meeting_id, kind, version, key_id, canonical, digest, signature, signed_at) VALUES (?, 'minutes', 1, ?, '{}', ?, 'sig', '2026-10-11T02:00:00.000Z')");
    seal.run(meetingId, keyId, 'd1'.repeat(32));
    expect(() => seal.run(meetingId, keyId, 'd2'.repeat(32))).toThrow(/UNIQUE constraint failed: seals.meeting_id, seals.version/);
  });
});
