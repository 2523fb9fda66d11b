/** The minutes: one Yjs document per meeting, co-edited over y-webrtc and kept by the host. */
import { z } from 'zod';
import { id, mutation, query, quietMutation, returns, text } from '../kit';

/** One Yjs update, base64; a keystroke is tens of bytes, a pasted table a few kB; 1 MiB is far beyond any real edit. */
export const yUpdateSchema = z
  .string({ error: '缺少更新内容' })
  .min(4, '更新内容是空的')
  .max(1_400_000, '一次更新太大（最大 1 MB）')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '更新内容无法读取');

export interface MinutesProblem {
  /** The update row (seq) or 'snapshot' that failed its check. */
  where: string;
  message: string;
}

export interface MinutesDocument {
  meetingId: number;
  /** Y.encodeStateAsUpdate of the host's copy, base64. */
  stateBase64: string;
  /** y-webrtc room for this meeting: name and password (≥128 bits). */
  room: { name: string; password: string };
  /** Set once the minutes are signed: read-only from then on. */
  lockedAt: string | null;
  /** Damaged rows found while loading; the rest of the document loaded. */
  problems: MinutesProblem[];
}

export interface MinutesPushResult {
  /** Sequence number of the stored update, or null when the update changed nothing. */
  seq: number | null;
}

export const minutesArea = {
  /** Opening the minutes the first time lays out their skeleton: the one write a query makes, in the dispatcher's transaction. */
  'minutes:open': query(z.object({ meetingId: id }), returns<MinutesDocument>(), { roles: ['editor'], transaction: 'dispatcher' }),
  /** Awaits the minutes worker's check of the update, then appends it in the store's own transaction. */
  'minutes:push': quietMutation(
    z.object({ meetingId: id, updateBase64: yUpdateSchema, origin: text(40, '名字').default('') }),
    returns<MinutesPushResult>(),
    { roles: ['editor'], transaction: 'handler' },
  ),
  /** Regenerates the parts laid out from meeting data; returns the update for the caller to apply. */
  'minutes:refresh': mutation(z.object({ meetingId: id }), returns<{ updateBase64: string }>(), { roles: ['editor'] }),
} as const;
