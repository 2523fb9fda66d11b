/**
 * The minutes' persistence against plain Yjs, on the automerge-paper trace (259,778 edits):
 * - minutes-replay-ratio: the replay with every update written to SQLite (a row per batch, compacted
 *   along the way and at the end) divided by the same replay in plain Yjs with an update listener;
 * - minutes-storage-ratio: bytes stored after compaction (snapshot + rows) divided by Yjs's own
 *   encoded state of the same document;
 * - minutes-reload-ratio: reopening the document from SQLite (snapshot checked by its hash, rows
 *   after it) divided by a plain Y.applyUpdate of the encoded state.
 * Both sides of each ratio are measured in the same run, alternating, median of the rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createHost } from '../../../src-main/host/core/host';
import { PersistedMinutes } from '../../../src-main/host/areas/minutes/persisted';
import { loadMinutes, storedBytes } from '../../../src-main/host/areas/minutes/store';
import { loadTrace, replaySequential, traceTextName, type SequentialTrace } from '../../integration/minutes-trace';
import type { Report } from '../run';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function minutesBench(report: Report): Promise<void> {
  const trace = loadTrace<SequentialTrace>('automerge-paper');
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-minutes-'));
  const host = createHost({ databasePath: join(dir, 'council.sqlite'), host: 'browser' });
  try {
    const council = await host.invoke('council:create', { name: '平安小区' });
    if (!council.ok) throw new Error(council.error.message);
    const councilId = (council.value as { id: number }).id;
    const meetingIds: number[] = [];
    const rounds = 3;
    for (let i = 0; i < rounds; i += 1) {
      const meeting = await host.invoke('meeting:create', { councilId, title: `院落议事会 ${i + 1}`, date: '2026-12-05', startTime: '19:30' });
      if (!meeting.ok) throw new Error(meeting.error.message);
      meetingIds.push((meeting.value as { id: number }).id);
    }
    const { sqlite } = host.database;

    const plainTimes: number[] = [];
    const persistedTimes: number[] = [];
    let persisted: PersistedMinutes | null = null;
    for (let round = 0; round < rounds; round += 1) {
      let start = performance.now();
      const plain = new Y.Doc();
      let bytes = 0;
      plain.on('update', (update: Uint8Array) => (bytes += update.length));
      replaySequential(plain, trace);
      plainTimes.push(performance.now() - start);
      if (bytes === 0) throw new Error('no updates');

      start = performance.now();
      persisted = PersistedMinutes.open(sqlite, meetingIds[round]!, { now: () => new Date() });
      persisted.track('trace');
      replaySequential(persisted.doc, trace);
      persisted.close();
      persistedTimes.push(performance.now() - start);
      if (persisted.doc.getText(traceTextName).toString() !== trace.endContent) throw new Error('replay differs from the trace');
    }
    report('minutes-replay-plain-yjs', median(plainTimes), 'ms');
    report('minutes-replay-persisted', median(persistedTimes), 'ms');
    report('minutes-replay-ratio', median(persistedTimes) / median(plainTimes), 'x');

    const meetingId = meetingIds.at(-1)!;
    const state = Y.encodeStateAsUpdate(persisted!.doc);
    const stored = storedBytes(sqlite, meetingId);
    report('minutes-storage-ratio', (stored.snapshot + stored.updates) / state.length, 'x');

    const reloadTimes: number[] = [];
    const applyTimes: number[] = [];
    const reload = () => {
      const start = performance.now();
      const loaded = loadMinutes(sqlite, meetingId);
      reloadTimes.push(performance.now() - start);
      if (loaded.doc.getText(traceTextName).length !== trace.endContent.length) throw new Error('reload differs');
    };
    const apply = () => {
      const start = performance.now();
      const plain = new Y.Doc();
      Y.applyUpdate(plain, state);
      applyTimes.push(performance.now() - start);
    };
    // Alternating which goes first, so neither always runs on a colder heap.
    for (let i = 0; i < 15; i += 1) {
      if (i % 2) {
        reload();
        apply();
      } else {
        apply();
        reload();
      }
    }
    report('minutes-reload-ms', median(reloadTimes), 'ms');
    report('minutes-reload-ratio', median(reloadTimes) / median(applyTimes), 'x');
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
