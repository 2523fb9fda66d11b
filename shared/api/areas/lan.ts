/** Joining over the LAN: join codes for a role, the participants who joined, who is calling. */
import { z } from 'zod';
import { chairOnly, id, mutation, participantRoles, query, requiredText, returns, type ParticipantRole } from '../kit';
import type { Council } from './councils';

export interface LanOpening {
  meetingId: number;
  role: ParticipantRole;
  /** Shown to the chair once, typed or scanned by participants; only its hash is stored. */
  code: string;
  /** The join page on the first LAN address, the code in its query and nothing else (an editor gets the minutes room after joining). */
  joinUrl: string;
  /** Every LAN address the host can be reached at, each as a join URL. */
  joinUrls: string[];
  /** The join URL as a QR code, PNG base64. */
  qrPngBase64: string;
  expiresAt: string;
  /** The host's LAN IPv4 addresses (empty: this computer is on no network). */
  addresses: string[];
}

/**
 * One join code for the whole room (role: viewer), shown on the projector as a QR code and valid
 * until the meeting ends or the chair ends it.
 */
export interface RoomCode {
  meetingId: number;
  code: string;
  /** The join page on the host's first LAN address (this computer's own while it has none). */
  joinUrl: string;
  expiresAt: string;
  /** People who joined with it and are still in. */
  joined: number;
}

/** Where residents' phones can reach this host: for the QR codes and addresses printed on notices. */
export interface LanStatus {
  /** Whether the host listens on the LAN now. */
  open: boolean;
  /** `http://<LAN address>:<port>` for each of the host's LAN addresses (empty: on no network, or no server). */
  bases: string[];
}

export interface JoinCodeInfo {
  id: number;
  meetingId: number;
  role: ParticipantRole;
  createdAt: string;
  expiresAt: string;
}

export interface ParticipantInfo {
  id: number;
  meetingId: number;
  name: string;
  role: ParticipantRole;
  address: string;
  joinedAt: string;
  lastSeenAt: string;
  /** Seen within the last two minutes. */
  online: boolean;
}

export interface AccessOverview {
  meetingId: number;
  /** Codes still valid for this meeting (the codes themselves are not kept). */
  codes: JoinCodeInfo[];
  participants: ParticipantInfo[];
  /** Whether the host listens on the LAN now. */
  lanOpen: boolean;
  addresses: string[];
}

export interface JoinResult {
  participantId: number;
  meetingId: number;
  councilId: number;
  meetingTitle: string;
  role: ParticipantRole;
  name: string;
  /**
   * The session token. The browser host moves it into an HttpOnly cookie and removes it from
   * the answer, so page scripts never see it.
   */
  sessionToken?: string;
}

export type WhoAmI =
  | { kind: 'local' }
  | { kind: 'public' }
  | {
      kind: 'participant';
      participantId: number;
      name: string;
      role: ParticipantRole;
      meetingId: number;
      meetingTitle: string;
      council: Council;
    };

const joinCodeSchema = z
  .string({ error: '请填写加入码' })
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,16}$/, '加入码应为 6 到 16 位字母或数字'));

const roleSchema = z.enum(participantRoles, { error: '未知的角色' });

export const lanArea = {
  /** Makes the code in its own transaction, then awaits the QR code of the link. */
  'access:openLan': mutation(
    z.object({
      meetingId: id,
      role: roleSchema,
      /** How long the code stays valid, in minutes (default: 6 hours, the length of a long meeting). */
      validMinutes: z.number().int().min(5, '有效期至少 5 分钟').max(24 * 60, '有效期最多 24 小时').default(6 * 60),
    }),
    returns<LanOpening>(),
    { transaction: 'handler' },
  ),
  'access:closeLan': mutation(z.object({ meetingId: id }), returns<{ closedCodes: number; removedParticipants: number }>(), chairOnly),
  /** Makes the meeting's room code, or answers the one it has; opens the LAN with it. */
  'access:openRoom': mutation(z.object({ meetingId: id }), returns<RoomCode>(), chairOnly),
  /** The room code the projector shows (a screen joined with the projector-only code reads it too). */
  'access:roomCode': query(z.object({ meetingId: id }), returns<RoomCode | null>(), { roles: ['viewer'] }),
  'access:endRoom': mutation(z.object({ meetingId: id }), returns<{ ended: number }>(), chairOnly),
  'access:lanStatus': query(z.object({}), returns<LanStatus>()),
  'access:participants': query(z.object({ meetingId: id }), returns<AccessOverview>()),
  'access:remove': mutation(z.object({ participantId: id }), returns<{ removed: true }>(), chairOnly),
  /** Guessing an 8-character join code takes hundreds of billions of tries; an address gets 20 per ten minutes. */
  'access:join': mutation(z.object({ code: joinCodeSchema, name: requiredText(20, '名字') }), returns<JoinResult>(), {
    public: true,
    rateLimit: { calls: 20, perMinutes: 10 },
  }),
  'access:whoami': query(z.object({}), returns<WhoAmI>(), { public: true }),
} as const;
