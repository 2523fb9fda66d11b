import { connect } from 'node:net';
import { request } from 'node:http';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../shared/api/contract';
import type { AccessOverview, JoinResult, LanOpening, WhoAmI } from '../../shared/api/areas/lan';
import type { MinutesDocument } from '../../shared/api/areas/minutes';
import { localCopyKey } from '../../shared/collab/minutes-room';
import { publicChannels } from '../../src-main/host/core/policy';
import type { Council } from '../../shared/api/areas/councils';
import type { MeetingSummary } from '../../shared/api/areas/meetings';
import type { Person } from '../../shared/api/areas/roster';
import { httpCall, openSignal, startAccessServer, type AccessServer } from './access-fixture';
import { typeParagraph } from './minutes-typing';

async function demoIds(server: AccessServer) {
  const [council] = await server.chair<Council[]>('council:list', {});
  const meetings = await server.chair<MeetingSummary[]>('meeting:list', { councilId: council!.id });
  const planned = meetings.find((m) => m.status === 'planned')!;
  const other = meetings.find((m) => m.id !== planned.id)!;
  const people = await server.chair<Person[]>('person:list', { councilId: council!.id });
  return { councilId: council!.id, meetingId: planned.id, otherMeetingId: other.id, people };
}

function rawCode(opening: LanOpening) {
  return opening.code.replace('-', '');
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('access on the LAN', () => {
  it('without a join code, a client from another address gets nothing but the public calls, no events and no signaling', async () => {
    const server = await startAccessServer();
    const before = server.dump();
    const refused: string[] = [];
    for (const channel of channels) {
      if (publicChannels.has(channel)) continue;
      const reply = await httpCall(server.port, channel, {});
      if (reply.body.ok || reply.body.error.code !== 'unauthenticated') refused.push(`${channel}: ${JSON.stringify(reply.body)}`);
    }
    expect(refused).toEqual([]);
    expect(publicChannels.size).toBeGreaterThan(0);
    // The public calls are what the residents' page and the join page need.
    expect((await httpCall(server.port, 'wish:intake', { councilId: 1 })).body).toMatchObject({ ok: true, value: { open: false } });
    expect((await httpCall(server.port, 'access:whoami', {})).body).toEqual({ ok: true, value: { kind: 'public' } });
    expect((await httpCall(server.port, 'access:join', { code: 'ABCD-EFGH', name: '张三' })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await openSignal(server.port)).result).toBe('403');
    const events = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: server.port, path: '/api/events', localAddress: '127.0.0.2', agent: false }, (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      }).end();
    });
    expect(events).toBe(403);
    expect(server.dump()).toBe(before);
    // The chair, on the chair's own computer with the chair's session, is let in.
    expect((await openSignal(server.port, { from: '127.0.0.1', cookie: server.chairCookie })).result).toBe('open');
  });

  it('a viewer reads their meeting and is refused every change, and every other meeting', async () => {
    const server = await startAccessServer();
    const { meetingId, otherMeetingId } = await demoIds(server);
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'viewer' });
    expect(opening.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(opening.qrPngBase64.startsWith('iVBORw0KGgo')).toBe(true);
    expect(opening.joinUrl).toContain(`/join?code=${rawCode(opening)}`);

    const { cookie, reply } = await server.join(opening.code.toLowerCase(), '赵大妈');
    expect(reply.body).toMatchObject({ ok: true, value: { meetingId, role: 'viewer', name: '赵大妈' } });
    // The token travels only in the HttpOnly cookie, never in what the page can read.
    expect(JSON.stringify(reply.body)).not.toContain('sessionToken');
    expect(reply.setCookie[0]).toMatch(/HttpOnly; SameSite=Strict/);

    const who = (await httpCall(server.port, 'access:whoami', {}, { cookie })).body as { ok: true; value: WhoAmI };
    expect(who.value).toMatchObject({ kind: 'participant', role: 'viewer', meetingId, name: '赵大妈' });
    expect((await httpCall(server.port, 'meeting:get', { meetingId }, { cookie })).body.ok).toBe(true);
    expect((await httpCall(server.port, 'console:get', { meetingId }, { cookie })).body.ok).toBe(true);
    expect((await httpCall(server.port, 'meeting:get', { meetingId: otherMeetingId }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await httpCall(server.port, 'minutes:open', { meetingId }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const councils = (await httpCall(server.port, 'council:list', {}, { cookie })).body as { ok: true; value: Council[] };
    expect(councils.value).toHaveLength(1);

    const before = server.dump();
    const allowed: string[] = [];
    let tried = 0;
    for (const channel of channels) {
      if (contract[channel].kind !== 'mutation' || publicChannels.has(channel)) continue;
      tried += 1;
      // The input names the viewer's own meeting: the role alone must refuse it.
      const reply = await httpCall(server.port, channel, { meetingId, councilId: 1 }, { cookie });
      if (reply.body.ok || reply.body.error.code !== 'forbidden') allowed.push(`${channel}: ${JSON.stringify(reply.body)}`);
    }
    expect(allowed).toEqual([]);
    expect(tried).toBeGreaterThan(50);
    expect(server.dump()).toBe(before);
    // Hidden buttons are not the lock: signaling too is closed to a viewer.
    expect((await openSignal(server.port, { cookie })).result).toBe('403');
  });

  it("an editor pushes minutes to its own meeting only, and meets peers through signaling", async () => {
    const server = await startAccessServer();
    const { meetingId, otherMeetingId } = await demoIds(server);
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'editor' });
    const opened = await server.chair<MinutesDocument>('minutes:open', { meetingId });
    await server.chair('minutes:open', { meetingId: otherMeetingId });
    // The link carries the code and nothing of the room: the editor gets the room from the host after joining.
    for (const url of opening.joinUrls) expect(url).toBe(`${new URL(url).origin}/join?code=${rawCode(opening)}`);

    const { cookie } = await server.join(opening.code, '李秀英');
    const mine = (await httpCall(server.port, 'minutes:open', { meetingId }, { cookie })).body as { ok: true; value: MinutesDocument };
    expect(mine.value.room).toEqual(opened.room);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(mine.value.stateBase64, 'base64'));
    const update = Buffer.from(typeParagraph(doc, '居民同意加装路灯。')).toString('base64');
    const pushed = await httpCall(server.port, 'minutes:push', { meetingId, updateBase64: update, origin: '李秀英' }, { cookie });
    expect(pushed.body).toMatchObject({ ok: true });

    const theirs = (await server.chair<MinutesDocument>('minutes:open', { meetingId: otherMeetingId }));
    const otherDoc = new Y.Doc();
    Y.applyUpdate(otherDoc, Buffer.from(theirs.stateBase64, 'base64'));
    const before = server.dump();
    const intoOther = Buffer.from(typeParagraph(otherDoc, '不该写进去')).toString('base64');
    expect((await httpCall(server.port, 'minutes:push', { meetingId: otherMeetingId, updateBase64: intoOther }, { cookie })).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await httpCall(server.port, 'minutes:open', { meetingId: otherMeetingId }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await httpCall(server.port, 'vote:open', { meetingId, agendaItemId: 1, title: 'x', mode: 'show-of-hands' }, { cookie })).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(server.dump()).toBe(before);
    const signal = await openSignal(server.port, { cookie });
    expect(signal.result).toBe('open');
    signal.socket.close();
  });

  it('a door volunteer checks people in for their meeting, not for another council or meeting', async () => {
    const server = await startAccessServer();
    const { meetingId, otherMeetingId, people } = await demoIds(server);
    const other = await server.chair<Council>('council:create', { name: '幸福里' });
    const stranger = await server.chair<Person>('person:create', { councilId: other.id, name: '外人' });
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'door' });
    const { cookie } = await server.join(opening.code, '门口志愿者');
    const resident = people.find((p) => p.name === '何兆品')!;
    const checked = await httpCall(server.port, 'attendance:checkIn', { meetingId, personId: resident.id }, { cookie });
    expect(checked.body).toMatchObject({ ok: true });
    expect((await httpCall(server.port, 'person:search', { councilId: resident.councilId, query: 'hzp' }, { cookie })).body.ok).toBe(true);
    const before = server.dump();
    for (const [channel, input] of [
      ['attendance:checkIn', { meetingId, personId: stranger.id }],
      ['attendance:checkIn', { meetingId: otherMeetingId, personId: resident.id }],
      ['person:list', { councilId: other.id }],
      ['vote:castBallot', { voteId: 1, voterKey: `person:${resident.id}`, choice: 'for' }],
      ['minutes:open', { meetingId }],
    ] as const) {
      const reply = await httpCall(server.port, channel, input, { cookie });
      expect(reply.body, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(server.dump()).toBe(before);
  });

  it('the chair sees who joined; a removed participant is cut off at once, from calls, events and signaling', async () => {
    const server = await startAccessServer();
    const { meetingId } = await demoIds(server);
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'editor' });
    const { cookie, reply } = await server.join(opening.code, '小陈');
    const joined = (reply.body as { ok: true; value: JoinResult }).value;
    const overview = await server.chair<AccessOverview>('access:participants', { meetingId });
    expect(overview.participants).toEqual([expect.objectContaining({ id: joined.participantId, name: '小陈', role: 'editor', address: '127.0.0.2', online: true })]);
    expect(overview.codes).toHaveLength(1);

    const signal = await openSignal(server.port, { cookie });
    expect(signal.result).toBe('open');
    const closed = new Promise<void>((resolve) => signal.socket.on('close', () => resolve()));
    await server.chair('access:remove', { participantId: joined.participantId });
    await closed;
    expect((await httpCall(server.port, 'meeting:get', { meetingId }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await openSignal(server.port, { cookie })).result).toBe('403');
    expect((await server.chair<AccessOverview>('access:participants', { meetingId })).participants).toEqual([]);

    // Closing the meeting for joining ends the code: nobody else joins with it.
    await server.chair('access:closeLan', { meetingId });
    expect((await server.join(opening.code, '小王')).reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('removing an editor or closing joining moves the minutes room (a new name and password); removing a viewer does not', async () => {
    const server = await startAccessServer();
    const { meetingId } = await demoIds(server);
    const room = async () => (await server.chair<MinutesDocument>('minutes:open', { meetingId })).room;
    const first = await room();
    const join = async (role: 'editor' | 'viewer', name: string) => {
      const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role });
      return ((await server.join(opening.code, name)).reply.body as { ok: true; value: JoinResult }).value.participantId;
    };
    const viewer = await join('viewer', '老陈');
    const editor = await join('editor', '小孙');
    await server.chair('access:remove', { participantId: viewer });
    expect(await room()).toEqual(first);

    await server.chair('access:remove', { participantId: editor });
    const second = await room();
    expect(second.name).not.toBe(first.name);
    expect(second.password).not.toBe(first.password);
    // The part a browser keeps its own copy under stays: the move leaves no copy behind.
    expect(localCopyKey(second.name)).toBe(localCopyKey(first.name));

    await server.chair('access:closeLan', { meetingId });
    const third = await room();
    expect(third.name).not.toBe(second.name);
    expect(third.password).not.toBe(second.password);
    expect(localCopyKey(third.name)).toBe(localCopyKey(first.name));
  });

  it('listens on the LAN only while a meeting is open for joining', async () => {
    const server = await startAccessServer({ lanAddresses: ['127.0.0.3'] });
    const { meetingId } = await demoIds(server);
    expect(await canConnect('127.0.0.3', server.port)).toBe(false);
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'viewer' });
    expect(opening.joinUrl).toBe(`http://127.0.0.3:${server.port}/join?code=${rawCode(opening)}`);
    await server.lan.sync(server.host.access.lanWanted());
    expect(await canConnect('127.0.0.3', server.port)).toBe(true);
    const { cookie } = await server.join(opening.code, '老刘');
    expect((await httpCall(server.port, 'meeting:get', { meetingId }, { cookie, host: '127.0.0.3' })).body.ok).toBe(true);
    expect((await server.chair<AccessOverview>('access:participants', { meetingId })).lanOpen).toBe(true);
    await server.chair('access:closeLan', { meetingId });
    await server.lan.sync(server.host.access.lanWanted());
    expect(await canConnect('127.0.0.3', server.port)).toBe(false);
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
  });
});

/** The change events a session hears, as parsed lines, until `count` have come. */
function hearEvents(port: number, cookie: string, from: string, count: number): { connected: Promise<void>; heard: Promise<Array<Record<string, unknown>>>; stop: () => void } {
  let stop = () => {};
  let isConnected = () => {};
  const connected = new Promise<void>((resolve) => (isConnected = resolve));
  const heard = new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const lines: Array<Record<string, unknown>> = [];
    const req = request({ host: '127.0.0.1', port, path: '/api/events', localAddress: from, agent: false, headers: { Cookie: cookie } }, (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        if (buffer.includes(': connected')) isConnected();
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) if (part.startsWith('data: ')) lines.push(JSON.parse(part.slice(6)) as Record<string, unknown>);
        if (lines.length >= count) {
          resolve(lines);
          response.destroy();
        }
      });
    });
    req.on('error', reject);
    req.end();
    stop = () => req.destroy();
  });
  return { connected, heard, stop };
}

describe('what a change event carries', () => {
  it('the console state rides with the change to the chair and to the screens of that meeting, never to a participant of another meeting', async () => {
    const server = await startAccessServer();
    const { meetingId, otherMeetingId } = await demoIds(server);
    const own = await server.join((await server.chair<LanOpening>('access:openLan', { meetingId, role: 'viewer' })).code, '投影');
    const other = await server.join((await server.chair<LanOpening>('access:openLan', { meetingId: otherMeetingId, role: 'viewer' })).code, '别的会');
    const chair = hearEvents(server.port, server.chairCookie, '127.0.0.1', 1);
    const viewer = hearEvents(server.port, own.cookie, '127.0.0.2', 1);
    const outsider = hearEvents(server.port, other.cookie, '127.0.0.2', 1);
    // Each stream is open once the host has said so.
    await Promise.all([chair.connected, viewer.connected, outsider.connected]);
    const meeting = await server.chair<{ agenda: Array<{ id: number }> }>('meeting:get', { meetingId });
    await server.chair('console:get', { meetingId });
    const state = await server.chair<{ currentAgendaItemId: number }>('console:setCurrent', { meetingId, agendaItemId: meeting.agenda.at(-1)!.id });
    const [toChair] = await chair.heard;
    const [toViewer] = await viewer.heard;
    const [toOutsider] = await outsider.heard;
    expect(toChair).toMatchObject({ channel: 'console:setCurrent', meetingId, state: { channel: 'console:get', input: { meetingId }, value: state } });
    expect(toViewer).toMatchObject({ channel: 'console:setCurrent', meetingId, state: { value: { currentAgendaItemId: state.currentAgendaItemId } } });
    expect(toOutsider).toEqual({ channel: 'console:setCurrent', area: 'console', meetingId });
    for (const stream of [chair, viewer, outsider]) stream.stop();
  });
});
