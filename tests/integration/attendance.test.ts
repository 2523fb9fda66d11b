import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoMeeting } from './attendance-fixture';
import { tempHost } from './temp-host';

// A 1×1 transparent PNG, as a signature pad would send (smaller).
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('check-in at the door', () => {
  it('signs people in once, counts households, members and observers', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    let sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('何兆品').id });
    expect(sheet).toMatchObject({ present: 1, membersPresent: 1, membersTotal: 7, householdsRepresented: 1, householdsTotal: 60 });
    const again = await host.invoke('attendance:checkIn', { meetingId: meeting.id, personId: person('何兆品').id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toContain('何兆品 已经签到');

    sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('孙网格').id });
    expect(sheet).toMatchObject({ present: 1, observers: 1, householdsRepresented: 1, kind: 'person', entry: { name: '孙网格', observer: true } });
    const whole = await host.ok('attendance:get', { meetingId: meeting.id });
    expect(whole.entries.find((e) => e.name === '孙网格')?.observer).toBe(true);
  });

  it('records leaving early and coming back', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    const id = person('王建国').id;
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: id });
    let sheet = await host.ok('attendance:checkOut', { meetingId: meeting.id, personId: id });
    expect(sheet.present).toBe(0);
    expect(sheet.kind === 'person' && sheet.entry?.leftAt).not.toBeNull();
    expect((await host.ok('attendance:get', { meetingId: meeting.id })).entries[0]!.leftAt).not.toBeNull();
    sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: id });
    expect(sheet.present).toBe(1);
    expect(await host.invoke('attendance:checkOut', { meetingId: meeting.id, personId: person('李秀英').id })).toMatchObject({ ok: false });
  });

  it('takes back a sign-in made by mistake, whole, and the audit check agrees; a return or a departure cannot be undone', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    const wrong = person('王建国').id;
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: wrong });
    let sheet = await host.ok('attendance:undoCheckIn', { meetingId: meeting.id, personId: wrong });
    expect(sheet).toMatchObject({ present: 0, kind: 'person', personId: wrong, entry: null });
    expect(await host.ok('attendance:get', { meetingId: meeting.id })).toMatchObject({ present: 0, entries: [] });
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });
    // Signed in again later, the person is an ordinary arrival.
    sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: wrong });
    expect(sheet.present).toBe(1);

    const other = person('李秀英').id;
    const absent = await host.invoke('attendance:undoCheckIn', { meetingId: meeting.id, personId: other });
    expect(absent).toMatchObject({ ok: false, error: { code: 'conflict', message: '李秀英 不在会场，没有可撤销的签到。' } });
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: other });
    await host.ok('attendance:checkOut', { meetingId: meeting.id, personId: other });
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: other });
    const returned = await host.invoke('attendance:undoCheckIn', { meetingId: meeting.id, personId: other });
    expect(returned).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('attendance:get', { meetingId: meeting.id })).present).toBe(2);
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('requires a signature when the council says so, and keeps it', async () => {
    const host = tempHost();
    const { council, meeting, person } = await demoMeeting(host);
    await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: null, requireSignature: true });
    const refused = await host.invoke('attendance:checkIn', { meetingId: meeting.id, personId: person('张桂兰').id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('张桂兰').id, signaturePngBase64: tinyPng });
    expect(sheet).toMatchObject({ kind: 'person', entry: { hasSignature: true } });
    const bad = await host.invoke('attendance:checkIn', { meetingId: meeting.id, personId: person('刘德华').id, signaturePngBase64: 'bm90IGEgcG5n' });
    expect(bad).toMatchObject({ ok: false, error: { message: '签名必须是 PNG 图片' } });
  });

  it('refuses sign-in at a closed meeting', async () => {
    const host = tempHost();
    const { council, person } = await demoMeeting(host);
    const closed = (await host.ok('meeting:list', { councilId: council.id })).find((m) => m.status === 'closed')!;
    const result = await host.invoke('attendance:checkIn', { meetingId: closed.id, personId: person('王建国').id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps a person who has signed in on file', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('陈淑珍').id });
    const result = await host.invoke('person:delete', { personId: person('陈淑珍').id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('proxies', () => {
  it('a proxy represents the grantor’s household while the holder is in the room; the cap holds', async () => {
    const host = tempHost();
    const { council, meeting, people, person } = await demoMeeting(host);
    await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: 1, requireSignature: false });
    const holder = person('何兆品');
    const grantor = people.find((p) => p.householdCode === '1-1-101')!;
    let sheet = await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: grantor.id, holderId: holder.id, note: '书面委托书' });
    expect(sheet.householdsRepresented).toBe(0);
    sheet = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: holder.id });
    expect(sheet.householdsRepresented).toBe(2);
    const [proxy] = (await host.ok('attendance:get', { meetingId: meeting.id })).proxies;
    expect(proxy).toMatchObject({ grantorName: grantor.name, holderName: '何兆品', grantorHouseholdCode: '1-1-101' });

    const second = people.find((p) => p.householdCode === '1-1-202')!;
    const capped = await host.invoke('proxy:grant', { meetingId: meeting.id, grantorId: second.id, holderId: holder.id });
    expect(capped).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!capped.ok) expect(capped.error.message).toContain('最多接受 1 份委托');

    const twice = await host.invoke('proxy:grant', { meetingId: meeting.id, grantorId: grantor.id, holderId: person('王建国').id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const self = await host.invoke('proxy:grant', { meetingId: meeting.id, grantorId: holder.id, holderId: holder.id });
    expect(self).toMatchObject({ ok: false });

    sheet = await host.ok('proxy:revoke', { proxyId: proxy!.id });
    expect(sheet).toMatchObject({ kind: 'proxy', proxy: null, householdsRepresented: 1 });
    expect(await host.ok('attendance:get', { meetingId: meeting.id })).toMatchObject({ proxies: [], householdsRepresented: 1 });
  });
});

describe('the audit chain', () => {
  it('records every check-in and proxy, verifies, and refuses UPDATE and DELETE', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    for (const name of ['王建国', '李秀英', '何兆品']) {
      await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person(name).id });
    }
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: person('张桂兰').id, holderId: person('王建国').id });
    const report = await host.ok('audit:verify', {});
    expect(report).toMatchObject({ ok: true, entries: 4 });
    expect(() => host.database.sqlite.prepare("UPDATE audit_log SET payload = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => host.database.sqlite.prepare('DELETE FROM audit_log WHERE seq = 4').run()).toThrow(/append-only/);
  });

  it('names the first entry edited behind the app’s back, in the app and from the command line', async () => {
    const host = tempHost();
    const { meeting, person } = await demoMeeting(host);
    for (const name of ['王建国', '李秀英', '何兆品', '张桂兰']) {
      await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person(name).id });
    }
    const run = () => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'src-main/host/cli/verify-audit.ts', '--db', host.databasePath], { encoding: 'utf8' }) };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { code: failed.status, out: failed.stdout };
      }
    };
    expect(run()).toMatchObject({ code: 0 });
    host.close();

    // Someone opens the file with another tool, drops the guard and rewrites an entry.
    const outside = new Database(host.databasePath);
    outside.exec('DROP TRIGGER audit_log_no_update');
    outside.prepare("UPDATE audit_log SET payload = replace(payload, '李秀英', '李秀兰') WHERE seq = 2").run();
    outside.close();

    const reopened = host.reopen();
    const report = await reopened.ok('audit:verify', {});
    expect(report).toMatchObject({ ok: false, brokenAt: 2 });
    expect(report.message).toContain('第 2 条');
    const cli = run();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('第 2 条');
  });
});
