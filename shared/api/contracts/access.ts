/** Issue 8: LAN join codes, participants and roles; backups, restore, council archives. */
import { z } from 'zod';
import { base64FileSchema, id, mutation, query, requiredText, returns } from '../contract-kit';
import type { BackupInfo, Council, FilePayload } from '../types';

export const participantRoles = ['viewer', 'editor', 'door'] as const;
export type ParticipantRoleName = (typeof participantRoles)[number];

export interface LanOpening {
  meetingId: number;
  role: ParticipantRoleName;
  /** Shown to the chair once, typed or scanned by participants; only its hash is stored. */
  code: string;
  /** The join page on the first LAN address, the code in its query (and, for editors, the minutes room in its fragment). */
  joinUrl: string;
  /** Every LAN address the host can be reached at, each as a join URL. */
  joinUrls: string[];
  /** The join URL as a QR code, PNG base64. */
  qrPngBase64: string;
  expiresAt: string;
  /** The host's LAN IPv4 addresses (empty: this computer is on no network). */
  addresses: string[];
}

export interface JoinCodeInfo {
  id: number;
  meetingId: number;
  role: ParticipantRoleName;
  createdAt: string;
  expiresAt: string;
}

export interface ParticipantInfo {
  id: number;
  meetingId: number;
  name: string;
  role: ParticipantRoleName;
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
  role: ParticipantRoleName;
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
      role: ParticipantRoleName;
      meetingId: number;
      meetingTitle: string;
      council: Council;
    };

export interface RestoreResult {
  restoredFrom: BackupInfo;
  /** The backup of the file as it was just before the restore. */
  savedBefore: BackupInfo;
}

export interface ArchiveImportResult {
  council: Council;
  /** Rows brought in, per table. */
  rows: Record<string, number>;
}

const joinCodeSchema = z
  .string({ error: '请填写加入码' })
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,16}$/, '加入码应为 6 到 16 位字母或数字'));

const roleSchema = z.enum(participantRoles, { error: '未知的角色' });

export const backupFileNameSchema = z
  .string({ error: '请选择备份' })
  .regex(/^courtyard-\d{8}-\d{9}-(daily|manual|pre-migration|pre-restore)\.sqlite$/, '备份文件名不对');

export const accessContract = {
  'access:openLan': mutation(
    z.object({
      meetingId: id,
      role: roleSchema,
      /** How long the code stays valid, in minutes (default: 6 hours, the length of a long meeting). */
      validMinutes: z.number().int().min(5, '有效期至少 5 分钟').max(24 * 60, '有效期最多 24 小时').default(6 * 60),
    }),
    returns<LanOpening>(),
  ),
  'access:closeLan': mutation(z.object({ meetingId: id }), returns<{ closedCodes: number; removedParticipants: number }>()),
  'access:participants': query(z.object({ meetingId: id }), returns<AccessOverview>()),
  'access:remove': mutation(z.object({ participantId: id }), returns<{ removed: true }>()),
  'access:join': mutation(z.object({ code: joinCodeSchema, name: requiredText(20, '名字') }), returns<JoinResult>()),
  'access:whoami': query(z.object({}), returns<WhoAmI>()),

  'backup:restore': mutation(
    z.object({ fileName: backupFileNameSchema, confirm: z.literal(true, { error: '恢复前需要确认' }) }),
    returns<RestoreResult>(),
  ),
  'archive:export': query(z.object({ councilId: id }), returns<FilePayload>()),
  'archive:import': mutation(
    z.object({ fileName: requiredText(200, '文件名'), dataBase64: base64FileSchema }),
    returns<ArchiveImportResult>(),
  ),
} as const;
