import type { lanArea, LanOpening, RoomCode } from '../../../../shared/api/areas/lan';
import { accessExtras } from './extras';
import { councilOfMeeting } from '../../core/policy';
import { AccessSessions, showCode } from './sessions';
import { conflict, notFound } from '../../core/errors';
import { qrPng } from '../../exports/qr';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { getCouncil } from '../councils/service';
import { moveRoom } from '../minutes/store';

/** A room code lasts the evening: till the meeting ends, the chair ends it, or twelve hours. */
const roomCodeMinutes = 12 * 60;

/**
 * The join page on one address, with the code and nothing else: an editor gets the minutes room
 * from the host after joining (minutes:open), so a link or QR code seen over a shoulder or kept in
 * a phone's history is worth nothing once its code is closed, and the room can move.
 */
function joinUrl(address: string, port: number, code: string): string {
  const url = new URL(`http://${address}:${port}/join`);
  url.searchParams.set('code', code);
  return url.toString();
}

export function lanHandlers(context: AreaContext): AreaHandlers<typeof lanArea> {
  const sessions = new AccessSessions(context.db, context.now);
  const extras = accessExtras(context);

  const meetingTitle = (meetingId: number) => {
    const row = context.sqlite.prepare('SELECT title FROM meetings WHERE id = ?').get(meetingId) as { title: string } | undefined;
    if (!row) throw notFound('会议');
    return row.title;
  };

  const roomCodeOf = (meetingId: number): RoomCode | null => {
    const room = sessions.roomCode(meetingId);
    if (!room) return null;
    const port = extras.lan?.port();
    const address = extras.lan?.addresses()[0] ?? '127.0.0.1';
    return { meetingId, code: showCode(room.code), joinUrl: port ? joinUrl(address, port, room.code) : `/join?code=${room.code}`, expiresAt: room.expiresAt, joined: room.joined };
  };

  return {
    'access:openLan': async ({ meetingId, role, validMinutes }): Promise<LanOpening> => {
      const lan = extras.lan;
      const port = lan?.port();
      if (!lan || !port) {
        throw conflict('只有浏览器版主机（npm run serve）可以让局域网里的手机和电脑加入；桌面版只供本机使用。');
      }
      const addresses = lan.addresses();
      // Declared transaction: 'handler': the code is made in this transaction, the QR code awaited after it.
      const created = context.tx(() => sessions.createCode(meetingId, role, validMinutes));
      const joinUrls = (addresses.length ? addresses : ['127.0.0.1']).map((address) => joinUrl(address, port, created.code));
      const qr = await qrPng(joinUrls[0]!);
      return {
        meetingId,
        role,
        code: showCode(created.code),
        joinUrl: joinUrls[0]!,
        joinUrls,
        qrPngBase64: qr.toString('base64'),
        expiresAt: created.expiresAt,
        addresses,
      };
    },
    // Everyone who joined is cut off, and the minutes room moves: a removed editor's copy of its key opens nothing.
    'access:closeLan': ({ meetingId }) => {
      const closed = sessions.close(meetingId);
      moveRoom(context.sqlite, meetingId, context.now());
      return closed;
    },
    'access:openRoom': ({ meetingId }) => {
      const meeting = context.sqlite.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId) as { status: string } | undefined;
      if (!meeting) throw notFound('会议');
      if (meeting.status === 'closed' || meeting.status === 'cancelled') throw conflict('会议已经结束，不能再开放全场加入。');
      if (!sessions.roomCode(meetingId)) sessions.createCode(meetingId, 'viewer', roomCodeMinutes, true);
      return roomCodeOf(meetingId)!;
    },
    'access:roomCode': ({ meetingId }) => {
      meetingTitle(meetingId);
      return roomCodeOf(meetingId);
    },
    'access:endRoom': ({ meetingId }) => {
      meetingTitle(meetingId);
      return sessions.endRoom(meetingId);
    },
    'access:lanStatus': () => {
      const lan = extras.lan;
      const port = lan?.port();
      return { open: lan?.isOpen() ?? false, bases: lan && port ? lan.addresses().map((address) => `http://${address}:${port}`) : [] };
    },
    'access:participants': ({ meetingId }) => {
      meetingTitle(meetingId);
      return {
        meetingId,
        codes: sessions.validCodes(meetingId),
        participants: sessions.participants(meetingId),
        lanOpen: extras.lan?.isOpen() ?? false,
        addresses: extras.lan?.addresses() ?? [],
      };
    },
    'access:remove': ({ participantId }) => {
      const removed = sessions.remove(participantId);
      // An editor knew the minutes room's name and password: the room moves, and the others follow.
      if (removed.role === 'editor') moveRoom(context.sqlite, removed.meetingId, context.now());
      return { removed: true as const };
    },
    'access:join': ({ code, name }) => {
      const joined = sessions.join(code, name, '');
      const councilId = councilOfMeeting(context.sqlite, joined.meetingId);
      if (councilId === null) throw notFound('会议');
      return {
        participantId: joined.participantId,
        meetingId: joined.meetingId,
        councilId,
        meetingTitle: meetingTitle(joined.meetingId),
        role: joined.role,
        name,
        sessionToken: joined.token,
      };
    },
    'access:whoami': (_input, caller) => {
      if (caller.kind !== 'participant') return { kind: caller.kind };
      const councilId = councilOfMeeting(context.sqlite, caller.meetingId);
      if (councilId === null) throw notFound('会议');
      return {
        kind: 'participant',
        participantId: caller.participantId,
        name: caller.name,
        role: caller.role,
        meetingId: caller.meetingId,
        meetingTitle: meetingTitle(caller.meetingId),
        council: getCouncil(context.db, councilId),
      };
    },

  };
}
