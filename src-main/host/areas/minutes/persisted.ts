/**
 * One meeting's minutes held in memory and kept in SQLite: the loaded document, the last row it
 * contains, and the rows waiting to be folded into the snapshot.
 *
 * Two ways in:
 * - `append(update)`: one update, its own transaction, on disk before it returns (the host's
 *   pushes, the skeleton, a refresh);
 * - `track()`: listens to the document's own updates and writes them a batch at a time (per
 *   tick, or every `batchSize` updates), one row per batch, for a writer that makes many tiny
 *   edits in a row (a replay, a participant's own copy).
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { MinutesProblem } from '../../../../shared/api/areas/minutes';
import { appendUpdate, compactMinutes, ensureHead, foldableStats, loadMinutes, rowsAfter, sha256Hex, storageOrigin } from './store';

export interface CompactionPolicy {
  /** Fold once at least this many rows wait… */
  minRows: number;
  /** …and they hold at least this share of the snapshot's bytes (so a large document is not re-encoded every few edits). */
  minShareOfSnapshot: number;
}

export const defaultCompaction: CompactionPolicy = { minRows: 500, minShareOfSnapshot: 0.5 };

export interface PersistedOptions {
  now: () => Date;
  compaction?: CompactionPolicy;
  /** Batched writes (`track`): write after this many updates at the latest (else at the end of the tick). */
  batchSize?: number;
}

export class PersistedMinutes {
  readonly doc: Y.Doc;
  /** The last row the document contains. */
  lastSeq: number;
  readonly damaged: Set<number>;
  readonly problems: MinutesProblem[];
  /** True when nothing was stored when loaded. */
  readonly wasEmpty: boolean;
  private waitingRows: number;
  private waitingBytes: number;
  private snapshotBytes: number;
  private readonly now: () => Date;
  private readonly compaction: CompactionPolicy;
  private readonly batchSize: number;
  private unflushed = 0;
  private flushedVector: Uint8Array | null = null;
  private trackOrigin = '';
  private flushScheduled = false;
  private stopTracking: (() => void) | null = null;

  private constructor(
    readonly sqlite: Database.Database,
    readonly meetingId: number,
    options: PersistedOptions,
  ) {
    this.now = options.now;
    this.compaction = options.compaction ?? defaultCompaction;
    this.batchSize = options.batchSize ?? 2000;
    ensureHead(sqlite, meetingId, this.now());
    const loaded = loadMinutes(sqlite, meetingId);
    this.doc = loaded.doc;
    this.lastSeq = loaded.lastSeq;
    this.damaged = loaded.damaged;
    this.problems = loaded.problems;
    this.wasEmpty = loaded.empty;
    const stats = foldableStats(sqlite, meetingId);
    this.waitingRows = stats.rows;
    this.waitingBytes = stats.bytes;
    this.snapshotBytes = stats.snapshotBytes;
  }

  static open(sqlite: Database.Database, meetingId: number, options: PersistedOptions): PersistedMinutes {
    return new PersistedMinutes(sqlite, meetingId, options);
  }

  /** A damaged snapshot is never replaced: it would hide what was lost. */
  get canCompact(): boolean {
    return !this.problems.some((problem) => problem.where === 'snapshot');
  }

  /**
   * Applies rows another writer stored since this document was loaded (e.g. a test or a tool
   * writing to the same file). Returns true when there were any.
   */
  catchUp(): boolean {
    const rows = rowsAfter(this.sqlite, this.meetingId, this.lastSeq);
    for (const row of rows) {
      this.lastSeq = row.seq;
      if (sha256Hex(row.data) !== row.hash) {
        this.damaged.add(row.seq);
        this.problems.push({ where: String(row.seq), message: `第 ${row.seq} 条修改记录已损坏,已跳过;其余内容已载入。损坏的记录已保留,未被删除。` });
        continue;
      }
      try {
        Y.applyUpdate(this.doc, row.data, storageOrigin);
      } catch {
        this.damaged.add(row.seq);
        this.problems.push({ where: String(row.seq), message: `第 ${row.seq} 条修改记录无法读取,已跳过;其余内容已载入。该记录已保留,未被删除。` });
      }
      this.waitingRows += 1;
      this.waitingBytes += row.data.length;
    }
    return rows.length > 0;
  }

  /** Stores one update (its own transaction) and applies it to the document. Returns its seq. */
  append(update: Uint8Array, origin: string, amendmentId: number | null = null): number {
    return this.store(update, origin, amendmentId, true);
  }

  /** Stores an update the document already contains (made on it directly). */
  record(update: Uint8Array, origin: string, amendmentId: number | null = null): number {
    return this.store(update, origin, amendmentId, false);
  }

  private store(update: Uint8Array, origin: string, amendmentId: number | null, apply: boolean): number {
    this.flush();
    const seq = appendUpdate(this.sqlite, { meetingId: this.meetingId, data: update, origin, at: this.now().toISOString(), amendmentId });
    if (apply) {
      Y.applyUpdate(this.doc, update, storageOrigin);
      if (this.flushedVector) this.flushedVector = Y.encodeStateVector(this.doc);
    }
    this.lastSeq = seq;
    if (amendmentId === null) {
      this.waitingRows += 1;
      this.waitingBytes += update.length;
    }
    this.maybeCompact();
    return seq;
  }

  /**
   * Writes every change made to the document from now on, a batch at a time: per tick, or after
   * `batchSize` updates at the latest. A batch is written as one row, the document's difference
   * since the previous batch (`encodeStateAsUpdate` against the state vector then): the same
   * changes as the updates it replaces, without one row per keystroke.
   */
  track(origin = ''): () => void {
    this.trackOrigin = origin;
    this.flushedVector = Y.encodeStateVector(this.doc);
    const listener = (_update: Uint8Array, from: unknown) => {
      if (from === storageOrigin) return;
      this.unflushed += 1;
      if (this.unflushed >= this.batchSize) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    };
    this.doc.on('update', listener);
    this.stopTracking = () => {
      this.doc.off('update', listener);
      this.flush();
      this.flushedVector = null;
    };
    return this.stopTracking;
  }

  /** Writes the waiting batch now (one row, one transaction). */
  flush(): void {
    this.flushScheduled = false;
    if (!this.unflushed || !this.flushedVector) return;
    this.unflushed = 0;
    const update = Y.encodeStateAsUpdate(this.doc, this.flushedVector);
    this.flushedVector = Y.encodeStateVector(this.doc);
    this.lastSeq = appendUpdate(this.sqlite, { meetingId: this.meetingId, data: update, origin: this.trackOrigin, at: this.now().toISOString() });
    this.waitingRows += 1;
    this.waitingBytes += update.length;
    this.maybeCompact();
  }

  private maybeCompact(): void {
    const { minRows, minShareOfSnapshot } = this.compaction;
    if (this.waitingRows >= minRows && this.waitingBytes >= this.snapshotBytes * minShareOfSnapshot) this.compact();
  }

  /** Folds every stored row into the snapshot (one transaction). Returns false when there was nothing to fold. */
  compact(): boolean {
    // Flush first; flushing may itself compact.
    if (this.unflushed) this.flush();
    if (!this.canCompact || this.waitingRows === 0) return false;
    const folded = compactMinutes(this.sqlite, this.meetingId, this.doc, this.lastSeq, this.damaged, this.now());
    const stats = foldableStats(this.sqlite, this.meetingId);
    this.waitingRows = stats.rows;
    this.waitingBytes = stats.bytes;
    this.snapshotBytes = stats.snapshotBytes;
    return folded;
  }

  /** Writes what waits, folds it into the snapshot, and stops tracking. The document stays usable. */
  close(): void {
    this.stopTracking?.();
    this.stopTracking = null;
    this.flush();
    this.compact();
  }
}
