import { describe, expect, it } from 'vitest';
import type { Council } from '../../shared/api/areas/councils';
import type { RoomCode } from '../../shared/api/areas/lan';
import type { MeetingSummary } from '../../shared/api/areas/meetings';
import { httpCall, startAccessServer } from './access-fixture';

async function plannedMeeting(chair: <T>(channel: string, input: unknown) => Promise<T>) {
  const [council] = await chair<Council[]>('council:list', {});
  const meetings = await chair<MeetingSummary[]>('meeting:list', { councilId: council!.id });
  return { meetingId: meetings.find((m) => m.status === 'planned')!.id, otherMeetingId: meetings.find((m) => m.status !== 'planned')!.id };
}

describe('the room join code (one code for the whole courtyard, on the projector)', () => {
  it('is one code for the meeting: opened once, joined by many, counted, read by the projector, ended by the chair or by the meeting’s end', async () => {
    const server = await startAccessServer({ lanAddresses: ['127.0.0.3'] });
    const chair = server.chair.bind(server);
    const { meetingId, otherMeetingId } = await plannedMeeting(chair);
    expect(await chair('access:roomCode', { meetingId })).toBeNull();

    const room = await chair<RoomCode>('access:openRoom', { meetingId });
    expect(room.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(room.joinUrl).toBe(`http://127.0.0.3:${server.port}/join?code=${room.code.replace('-', '')}`);
    expect(room.joined).toBe(0);
    // Asked again (the console reloaded, a second click): the same code, not a new one.
    expect((await chair<RoomCode>('access:openRoom', { meetingId })).code).toBe(room.code);
    // The LAN opens with it.
    await server.lan.sync(server.host.access.lanWanted());
    expect(server.lan.isOpen()).toBe(true);

    const phones = [];
    for (const name of ['住户甲', '住户乙', '住户丙']) {
      const { cookie, reply } = await server.join(room.code, name);
      expect(reply.body).toMatchObject({ ok: true, value: { role: 'viewer', meetingId } });
      phones.push(cookie);
    }
    expect(await chair<RoomCode>('access:roomCode', { meetingId })).toMatchObject({ code: room.code, joined: 3 });
    // A phone that joined with it is a viewer: it reads this meeting's room code (the projector
    // joined with the projector-only code does the same), no other meeting's, and cannot end it.
    expect((await httpCall(server.port, 'access:roomCode', { meetingId }, { cookie: phones[0] })).body).toMatchObject({ ok: true, value: { code: room.code } });
    expect((await httpCall(server.port, 'access:roomCode', { meetingId: otherMeetingId }, { cookie: phones[0] })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await httpCall(server.port, 'access:endRoom', { meetingId }, { cookie: phones[0] })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The chair ends it: nobody joins with it any more, and those who did are let out.
    expect(await chair('access:endRoom', { meetingId })).toEqual({ ended: 1 });
    expect(await chair('access:roomCode', { meetingId })).toBeNull();
    expect((await server.join(room.code, '来晚的')).reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await httpCall(server.port, 'meeting:get', { meetingId }, { cookie: phones[1] })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // A new one for the evening; the meeting's end ends it too, and a closed meeting gets none.
    const second = await chair<RoomCode>('access:openRoom', { meetingId });
    expect(second.code).not.toBe(room.code);
    await chair('meeting:start', { meetingId });
    await chair('meeting:end', { meetingId });
    expect(await chair('access:roomCode', { meetingId })).toBeNull();
    expect((await server.join(second.code, '散会后')).reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const refused = await httpCall(server.port, 'access:openRoom', { meetingId }, { from: '127.0.0.1', cookie: server.chairCookie });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'conflict', message: '会议已经结束，不能再开放全场加入。' } });
    expect((await httpCall(server.port, 'access:openRoom', { meetingId: 9999 }, { from: '127.0.0.1', cookie: server.chairCookie })).body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a personal code is never kept in the database, only its hash; the room code is, for the projector', async () => {
    const server = await startAccessServer();
    const chair = server.chair.bind(server);
    const { meetingId } = await plannedMeeting(chair);
    const personal = await chair<{ code: string }>('access:openLan', { meetingId, role: 'editor' });
    const room = await chair<RoomCode>('access:openRoom', { meetingId });
    const kept = server.host.host!.database.sqlite.prepare('SELECT role, shown_code AS shown FROM join_codes ORDER BY id').all();
    expect(kept).toEqual([
      { role: 'editor', shown: null },
      { role: 'viewer', shown: room.code.replace('-', '') },
    ]);
    expect(JSON.stringify(kept)).not.toContain(personal.code.replace('-', ''));
  });
});
