import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareHouseholdCodes } from '../../shared/domain/roster/household-code';
import { demoMeeting } from './attendance-fixture';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

/** The local time on the meeting's date, as the paper sheet has it written. */
const localIso = (date: string, time: string) => new Date(`${date}T${time}:00`).toISOString();

describe('the printed sign-in sheet (签到表)', () => {
  it('lists every household of the council by building, in household order, with its people and who has signed in', async () => {
    const host = tempHost();
    const { council, meeting, person } = await demoMeeting(host);
    // A tenth building and a four-digit room: numbers compare as numbers, as on the roster.
    const far = await host.ok('household:create', { councilId: council.id, code: '10-1-101' });
    const high = await host.ok('household:create', { councilId: council.id, code: '2-1-1101' });
    await host.ok('person:create', { councilId: council.id, name: '高楼层', householdId: high.id });
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('王建国').id });

    const roll = await host.ok('attendance:roll', { meetingId: meeting.id });
    expect(roll.buildings.map((b) => b.building)).toEqual(['1', '2', '3', '4', '5', '10']);
    const codes = roll.buildings.flatMap((b) => b.households.map((h) => h.code));
    expect(codes).toHaveLength(62);
    expect(codes).toEqual([...codes].sort(compareHouseholdCodes));
    // 2-1-1101 after 2-1-602 and before 2-2-101, never between 2-1-101 and 2-1-201.
    expect(codes[codes.indexOf('2-1-1101') + 1]).toMatch(/^2-2-/);
    // A household with nobody on file still gets its line, to write a name on.
    expect(roll.buildings.at(-1)!.households).toEqual([{ householdId: far.id, code: '10-1-101', arrived: false, people: [] }]);
    const wang = roll.buildings[0]!.households.find((h) => h.code === '1-1-301')!;
    expect(wang.arrived).toBe(true);
    expect(wang.people.find((p) => p.name === '王建国')).toMatchObject({ arrivedAt: expect.any(String), onPaper: false });
    // Observers without a household (the grid worker) are on the sheet too, after the buildings.
    expect(roll.withoutHousehold.map((p) => p.name)).toContain('孙网格');
  });
});

describe('paper signatures entered afterwards (纸上签到)', () => {
  it('records a paper sign-in at the time written on the sheet, says so on the attendance record, and counts it', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    const zhang = person('张桂兰');
    const sheet = await host.ok('attendance:recordPaper', { meetingId: meeting.id, personId: zhang.id, time: '19:05' });
    const entry = (await host.ok('attendance:get', { meetingId: meeting.id })).entries.find((e) => e.personId === zhang.id)!;
    expect(sheet).toMatchObject({ kind: 'person', personId: zhang.id, entry });
    expect(entry).toMatchObject({ onPaper: true, arrivedAt: localIso(meeting.date, '19:05'), leftAt: null });
    expect(sheet.present).toBe(1);
    expect(sheet.householdsRepresented).toBe(1);
    // Kept in the audit log as a paper sign-in, and the chain still verifies.
    const audit = await host.ok('audit:verify', {});
    expect(audit).toMatchObject({ ok: true });
    const kinds = host.database.sqlite.prepare("SELECT kind, payload FROM audit_log WHERE kind = 'attendance.paper'").all() as Array<{ payload: string }>;
    expect(kinds).toHaveLength(1);
    expect(JSON.parse(kinds[0]!.payload)).toMatchObject({ personId: zhang.id, name: '张桂兰', at: localIso(meeting.date, '19:05') });

    const roll = await host.ok('attendance:roll', { meetingId: meeting.id });
    const line = roll.buildings.flatMap((b) => b.households).flatMap((h) => h.people).find((p) => p.personId === zhang.id);
    expect(line).toMatchObject({ onPaper: true });

    // Who signed by hand is part of the record the audit log vouches for: turned into a door sign-in behind the app's back, it is found.
    host.database.sqlite.prepare('UPDATE attendance SET on_paper = 0 WHERE person_id = ?').run(zhang.id);
    const report = await host.ok('audit:verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/张桂兰.*（纸上签到）与审计记录不符/);
  });

  it('needs no pad signature (the paper has it), refuses a second sign-in, a time to come and a bad time, and changes nothing then', async () => {
    const host = tempHost();
    const { council, meeting, person } = await demoMeeting(host);
    await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: null, requireSignature: true });
    await host.ok('attendance:recordPaper', { meetingId: meeting.id, personId: person('张桂兰').id, time: '19:05' });
    const twice = await host.invoke('attendance:recordPaper', { meetingId: meeting.id, personId: person('张桂兰').id, time: '19:10' });
    // The time is the one written on the paper, on this computer's clock.
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', message: '张桂兰 已经签到（19:05），不必再登记纸上签到。' } });
    const bad = await host.invoke('attendance:recordPaper', { meetingId: meeting.id, personId: person('王建国').id, time: '25:00' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '时间格式应为 19:30' } });
    // A paper time cannot lie ahead of now.
    const later = await host.ok('meeting:create', { councilId: council.id, title: '来年院落议事会', date: '2099-01-10', startTime: '19:30' });
    const ahead = await host.invoke('attendance:recordPaper', { meetingId: later.id, personId: person('王建国').id, time: '19:00' });
    expect(ahead).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '纸上签到的时间（2099-01-10 19:00）还没到，请核对签到表上写的时间。' } });
    const sheet = await host.ok('attendance:get', { meetingId: meeting.id });
    expect(sheet.entries.map((e) => e.name)).toEqual(['张桂兰']);
  });

  it('can be entered after the meeting has ended, not at a cancelled one', async () => {
    const host = tempHost();
    const { meetings, person } = await demoMeeting(host);
    const closed = meetings.find((m) => m.status === 'closed')!;
    const sheet = await host.ok('attendance:recordPaper', { meetingId: closed.id, personId: person('陈淑珍').id, time: '19:20' });
    expect(sheet).toMatchObject({ kind: 'person', entry: { name: '陈淑珍', onPaper: true } });
    // An ordinary sign-in at an ended meeting is still refused.
    expect(await host.invoke('attendance:checkIn', { meetingId: closed.id, personId: person('王建国').id })).toMatchObject({ ok: false });

    const { id: meetingId, title, date, startTime, place } = meetings.find((m) => m.status === 'planned')!;
    await host.ok('meeting:update', { meetingId, title, date, startTime, place, status: 'cancelled' });
    const cancelled = await host.invoke('attendance:recordPaper', { meetingId, personId: person('王建国').id, time: '19:20' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已取消') } });
  });
});

describe('households not yet arrived (未到)', () => {
  it('lists the households with nobody in and no proxy in the room, by building with counts, and shrinks as people arrive', async () => {
    const host = tempHost();
    const { meeting, people, person } = await demoMeeting(host);
    let absent = await host.ok('attendance:absent', { meetingId: meeting.id });
    expect(absent).toMatchObject({ householdsAbsent: 60, householdsTotal: 60 });
    expect(absent.buildings.map((b) => [b.building, b.households.length])).toEqual([
      ['1', 12],
      ['2', 12],
      ['3', 12],
      ['4', 12],
      ['5', 12],
    ]);
    const first = absent.buildings[0]!.households.find((h) => h.code === '1-1-301')!;
    expect(first.names).toContain('王建国');

    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('王建国').id });
    const grantor = people.find((p) => p.householdCode === '1-1-101')!;
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: grantor.id, holderId: person('王建国').id });
    await host.ok('attendance:recordPaper', { meetingId: meeting.id, personId: person('张桂兰').id, time: '00:00' });
    absent = await host.ok('attendance:absent', { meetingId: meeting.id });
    expect(absent.householdsAbsent).toBe(57);
    const codes = absent.buildings.flatMap((b) => b.households.map((h) => h.code));
    expect(codes).not.toContain('1-1-301');
    expect(codes).not.toContain('1-1-101');
    expect(codes).not.toContain(person('张桂兰').householdCode);
    expect(absent.buildings[0]!.households).toHaveLength(10);
  });
});

describe('written authorisation of a proxy (书面委托书)', () => {
  it('records whether it was received, and when the council requires it, refuses a proxy without it in plain Chinese', async () => {
    const host = tempHost();
    const { council, meeting, people, person } = await demoMeeting(host);
    const holder = person('何兆品');
    const [a, b] = [people.find((p) => p.householdCode === '1-1-101')!, people.find((p) => p.householdCode === '1-1-202')!];
    const granted = await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: a.id, holderId: holder.id, writtenReceived: true });
    expect(granted).toMatchObject({ kind: 'proxy', proxy: { grantorId: a.id, writtenReceived: true } });

    let settings = await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: null, requireSignature: false, requireWrittenProxy: true });
    expect(settings.requireWrittenProxy).toBe(true);
    const refused = await host.invoke('proxy:grant', { meetingId: meeting.id, grantorId: b.id, holderId: holder.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: `本议事会要求书面委托书：请先收下 ${b.name} 签字的书面委托书，再登记委托。` },
    });
    let sheet = await host.ok('attendance:get', { meetingId: meeting.id });
    expect(sheet.proxies).toHaveLength(1);
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: b.id, holderId: holder.id, writtenReceived: true });
    sheet = await host.ok('attendance:get', { meetingId: meeting.id });
    expect(sheet.proxies.map((p) => p.writtenReceived)).toEqual([true, true]);

    // A form that leaves the setting out keeps it.
    settings = await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: 2, requireSignature: false });
    expect(settings).toMatchObject({ maxProxiesPerHolder: 2, requireWrittenProxy: true });
    const audit = host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'proxy.grant' ORDER BY seq").all() as Array<{ payload: string }>;
    expect(audit.map((row) => JSON.parse(row.payload).writtenReceived)).toEqual([true, true]);
  });

  it('takes a written authorisation handed in later, once', async () => {
    const host = tempHost();
    const { meeting, people, person } = await demoMeeting(host);
    const grantor = people.find((p) => p.householdCode === '1-1-101')!;
    const granted = await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: grantor.id, holderId: person('何兆品').id });
    const proxyId = granted.kind === 'proxy' ? granted.proxyId : 0;
    expect(granted).toMatchObject({ kind: 'proxy', proxy: { writtenReceived: false } });
    expect(await host.ok('proxy:receiveWritten', { proxyId })).toMatchObject({ kind: 'proxy', proxyId, proxy: { writtenReceived: true } });
    const again = await host.invoke('proxy:receiveWritten', { proxyId });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the signed minutes', () => {
  it('say in their sign-in sheet who signed by hand, and the exported file verifies', async () => {
    const held = await heldMeeting(tempHost());
    const zhao = (await held.host.ok('person:list', { councilId: held.councilId })).find((p) => p.name === '赵卫东')!;
    await held.host.ok('attendance:recordPaper', { meetingId: held.meetingId, personId: zhao.id, time: '19:40' });
    await signBoth(held);
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toMatch(/赵卫东4-2-401（纸上签到）19:40/);
    expect((await held.host.ok('seals:verify', { fileName: file.fileName, dataBase64: file.dataBase64 })).verdict).toBe('signed');
  });
});
