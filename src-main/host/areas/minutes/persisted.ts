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
 *
 * The document follows the file, never the other way round: every write first catches up, in the
 * same immediate transaction, with what another writer stored since (rows after `lastSeq`, and a
 * snapshot that writer folded), so `lastSeq` never passes a row the document lacks; compaction
 * folds what is on disk (store.ts), not this copy.
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { MinutesProblem } from '../../../../shared/api/areas/minutes';
import { appendUpdate, compactMinutes, ensureHead, foldableStats, loadMinutes, problemText, readSnapshot, rowsAfter, sha256Hex, snapshotMark, storageOrigin } from './store';

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
  /** Told when rows or a snapshot another writer stored were applied to the document. */
  onCatchUp?: () => void;
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
  /** The hash of the snapshot the document contains: when the stored one differs, another writer folded rows. */
  private snapshotHash: string | null;
  private readonly onCatchUp: () => void;

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
    this.snapshotHash = loaded.snapshotHash;
    this.onCatchUp = options.onCatchUp ?? (() => {});
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
   * Applies what another writer stored since this document last read the file (e.g. a test or a
   * tool writing to the same file). Returns true when there was anything.
   */
  catchUp(): boolean {
    this.flush();
    // Read only: a deferred transaction is enough for a consistent view of snapshot and rows.
    return this.sqlite.transaction(() => this.catchUpWithin())();
  }

  /**
   * Inside a transaction: a snapshot folded by another writer (it may hold rows after `lastSeq`
   * that are gone from the table now), then the rows after `lastSeq`. Yjs applies what the
   * document already has as a no-op, so applying a snapshot again is safe.
   */
  private catchUpWithin(): boolean {
    let found = false;
    const mark = snapshotMark(this.sqlite, this.meetingId);
    if (mark && mark.snapshotHash !== this.snapshotHash) {
      found = true;
      this.snapshotHash = mark.snapshotHash;
      const stored = readSnapshot(this.sqlite, this.meetingId);
      if (stored?.snapshot) this.applyStored(stored.snapshot, stored.snapshotHash, 'snapshot');
      this.lastSeq = Math.max(this.lastSeq, mark.snapshotSeq);
    }
    const rows = rowsAfter(this.sqlite, this.meetingId, this.lastSeq);
    for (const row of rows) {
      this.lastSeq = row.seq;
      if (this.applyStored(row.data, row.hash, row.seq)) {
        this.waitingRows += 1;
        this.waitingBytes += row.data.length;
      }
    }
    if (rows.length) found = true;
    if (found) {
      // Applied with storageOrigin, so `track` does not write them again as this writer's batch.
      if (this.flushedVector && !this.unflushed) this.flushedVector = Y.encodeStateVector(this.doc);
      this.onCatchUp();
    }
    return found;
  }

  /** Applies stored bytes after their check; a damaged or unreadable row is kept, skipped and reported. */
  private applyStored(data: Uint8Array, hash: string | null, where: number | 'snapshot'): boolean {
    const report = (message: string) => {
      if (where !== 'snapshot') this.damaged.add(where);
      this.problems.push({ where: String(where), message });
    };
    if (sha256Hex(data) !== hash) {
      report(where === 'snapshot' ? problemText.snapshot : problemText.row(where));
      return false;
    }
    try {
      Y.applyUpdate(this.doc, data, storageOrigin);
      return true;
    } catch {
      report(where === 'snapshot' ? problemText.snapshot : problemText.unreadable(where));
      return false;
    }
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
    const seq = this.sqlite
      .transaction(() => {
        this.catchUpWithin();
        return appendUpdate(this.sqlite, { meetingId: this.meetingId, data: update, origin, at: this.now().toISOString(), amendmentId });
      })
      .immediate();
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
    // The batch is taken before catching up: rows another writer stored are not this writer's to store again.
    const update = Y.encodeStateAsUpdate(this.doc, this.flushedVector);
    this.lastSeq = this.sqlite
      .transaction(() => {
        this.catchUpWithin();
        return appendUpdate(this.sqlite, { meetingId: this.meetingId, data: update, origin: this.trackOrigin, at: this.now().toISOString() });
      })
      .immediate();
    this.flushedVector = Y.encodeStateVector(this.doc);
    this.waitingRows += 1;
    this.waitingBytes += update.length;
    this.maybeCompact();
  }

  private maybeCompact(): void {
    const { minRows, minShareOfSnapshot } = this.compaction;
    if (this.waitingRows >= minRows && this.waitingBytes >= this.snapshotBytes * minShareOfSnapshot) this.compact();
  }

  /**
   * Folds every stored row into the snapshot, and catches up with what it folded, in one immediate
   * transaction. Returns false when there was nothing to fold.
   */
  compact(): boolean {
    // Flush first; flushing may itself compact.
    if (this.unflushed) this.flush();
    if (!this.canCompact) return false;
    const folded = this.sqlite
      .transaction(() => {
        this.catchUpWithin();
        const result = compactMinutes(this.sqlite, this.meetingId, this.now());
        if (result) {
          this.snapshotHash = snapshotMark(this.sqlite, this.meetingId)?.snapshotHash ?? null;
          this.lastSeq = Math.max(this.lastSeq, result.throughSeq);
        }
        return result !== null;
      })
      .immediate();
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
