/**
 * The host's side of the collaborative minutes: opens a meeting's document (laying out the
 * skeleton the first time), takes participants' updates through the intake worker, refreshes the
 * generated parts, and refuses changes once the minutes are signed.
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { MinutesDocument, MinutesPushResult } from '../../../../shared/api/areas/minutes';
import type { Caller } from '../../core/caller';
import type { Db } from '../../db/client';
import { conflict, forbidden, HostError } from '../../core/errors';
import { getMeeting } from '../meetings/service';
import { factsSections, gatherMeetingData } from './facts';
import { UpdateIntake, type IntakeOptions } from './intake';
import { PersistedMinutes } from './persisted';
import { isBlank, layOutSkeleton, refreshSkeleton } from './skeleton';
import { currentAmendment, ensureHead, readHead } from './store';

/** Decoded size limit of one update: far beyond any real edit (a pasted table is a few kB). */
export const maxUpdateBytes = 1024 * 1024;
/** How long a peer that sent a harmful update is refused. */
export const dropMinutes = 10;

export const lockedMessage = '纪要已签署，不能再修改；如需更正请在签署页添加修正说明。';

export interface MinutesServiceOptions extends IntakeOptions {
  db: Db;
  sqlite: Database.Database;
  now: () => Date;
}

export class MinutesService {
  private readonly open = new Map<number, PersistedMinutes>();
  private readonly dropped = new Map<string, number>();
  readonly intake: UpdateIntake;
  private readonly db: Db;
  private readonly sqlite: Database.Database;
  private readonly now: () => Date;

  constructor(options: MinutesServiceOptions) {
    this.db = options.db;
    this.sqlite = options.sqlite;
    this.now = options.now;
    this.intake = new UpdateIntake(options);
  }

  /** The meeting's document, loaded once and kept; rows stored meanwhile by another writer are caught up. */
  private minutes(meetingId: number): PersistedMinutes {
    getMeeting(this.db, meetingId);
    let minutes = this.open.get(meetingId);
    if (!minutes) {
      // The worker's copy is seeded again whenever rows another writer stored reach the document.
      minutes = PersistedMinutes.open(this.sqlite, meetingId, { now: this.now, onCatchUp: () => this.intake.invalidate(meetingId) });
      this.open.set(meetingId, minutes);
    } else {
      minutes.catchUp();
    }
    return minutes;
  }

  openDocument(meetingId: number): MinutesDocument {
    const minutes = this.minutes(meetingId);
    const head = readHead(this.sqlite, meetingId) ?? ensureHead(this.sqlite, meetingId, this.now());
    if (minutes.wasEmpty && isBlank(minutes.doc) && minutes.lastSeq === 0 && !head.lockedAt) {
      const layout = factsSections(gatherMeetingData(this.db, meetingId));
      const skeleton = new Y.Doc();
      layOutSkeleton(skeleton, layout);
      minutes.append(Y.encodeStateAsUpdate(skeleton), 'host');
      skeleton.destroy();
      this.intake.invalidate(meetingId);
    }
    return {
      meetingId,
      stateBase64: Buffer.from(Y.encodeStateAsUpdate(minutes.doc)).toString('base64'),
      room: { name: head.roomName, password: head.roomPassword },
      lockedAt: head.lockedAt,
      problems: [...minutes.problems],
    };
  }

  /**
   * Who is refused after a harmful update: a participant by their session (participant id), and
   * this computer (the desktop window, the browser on loopback: one address) as one sender. Never
   * by `origin`: that is a name the client chooses, and a new name would lift the refusal.
   */
  private dropKey(meetingId: number, caller: Caller): string {
    const who = caller.kind === 'participant' ? `participant:${caller.participantId}` : caller.kind;
    return `${meetingId}:${who}`;
  }

  private assertEditable(meetingId: number): void {
    if (readHead(this.sqlite, meetingId)?.lockedAt) throw conflict(lockedMessage);
  }

  async push(input: { meetingId: number; updateBase64: string; origin: string }, caller: Caller): Promise<MinutesPushResult> {
    const { meetingId } = input;
    const key = this.dropKey(meetingId, caller);
    const droppedUntil = this.dropped.get(key);
    if (droppedUntil !== undefined) {
      if (droppedUntil > this.now().getTime()) {
        throw forbidden(`您之前发送的修改无法读取，已被暂时拒绝 ${dropMinutes} 分钟。请刷新页面后重新打开会议记录。`);
      }
      this.dropped.delete(key);
    }
    const update = Buffer.from(input.updateBase64, 'base64');
    if (update.length > maxUpdateBytes) throw new HostError('invalid_input', '一次修改太大（最大 1 MB），未保存。请分几次粘贴。');
    if (update.length < 2) throw new HostError('invalid_input', '修改内容是空的，未保存。');
    this.minutes(meetingId);
    this.assertEditable(meetingId);

    return this.intake.run(async () => {
      // Checked again in the queue: the minutes may have been signed while this waited.
      const minutes = this.minutes(meetingId);
      this.assertEditable(meetingId);
      const result = await this.intake.tryUpdate(meetingId, update, () => Y.encodeStateAsUpdate(minutes.doc));
      if (result.kind !== 'applied') {
        this.dropped.set(key, this.now().getTime() + dropMinutes * 60_000);
        const why = result.kind === 'timeout' ? '处理超时' : '无法读取';
        throw new HostError('invalid_input', `这次修改${why}，已拒绝，会议记录没有受影响。请刷新页面后重新打开会议记录。`);
      }
      if (!result.changed) return { seq: null };
      // The worker holds the update already; the host's copy and the store follow.
      this.assertEditable(meetingId);
      const seq = minutes.append(update, input.origin || 'participant', currentAmendment(this.sqlite, meetingId));
      return { seq };
    });
  }

  /** Rewrites the generated parts from the meeting's data; returns the update for the caller to apply. */
  refresh(meetingId: number): { updateBase64: string } {
    const minutes = this.minutes(meetingId);
    this.assertEditable(meetingId);
    const layout = factsSections(gatherMeetingData(this.db, meetingId));
    const update = refreshSkeleton(minutes.doc, layout, 'host-refresh');
    if (!update) return { updateBase64: Buffer.from(Y.encodeStateAsUpdate(minutes.doc, Y.encodeStateVector(minutes.doc))).toString('base64') };
    minutes.record(update, 'host', currentAmendment(this.sqlite, meetingId));
    this.intake.invalidate(meetingId);
    return { updateBase64: Buffer.from(update).toString('base64') };
  }

  /** Folds every open meeting's waiting rows into its snapshot now (close does it too). */
  compact(): void {
    for (const minutes of this.open.values()) minutes.compact();
  }

  /** Folds every meeting's waiting rows into its snapshot and stops the worker. */
  close(): Promise<void> {
    for (const minutes of this.open.values()) {
      try {
        minutes.close();
      } catch (error) {
        console.error(`会议记录压缩失败：${(error as Error).message}`);
      }
    }
    this.open.clear();
    return this.intake.close();
  }
}
