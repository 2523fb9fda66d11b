/**
 * Real editing traces replayed through our persistence layer (every update stored as it happens,
 * compacted along the way), then reloaded from SQLite: the text must equal the trace's end.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PersistedMinutes } from '../../src-main/host/areas/minutes/persisted';
import { loadMinutes, storedBytes } from '../../src-main/host/areas/minutes/store';
import { loadTrace, remoteOrigin, replayConcurrent, replaySequential, traceContent, traceTextName, type ConcurrentTrace, type SequentialTrace } from './minutes-trace';
import { tempHost } from './temp-host';

async function meetingIn(host: ReturnType<typeof tempHost>) {
  const council = await host.ok('council:create', { name: '平安小区' });
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-05', startTime: '19:30' });
  return meeting.id;
}

describe('minutes persistence with real editing traces', () => {
  it('automerge-paper (259,778 edits, one Yjs update each, written a batch per row) reloads from SQLite to exactly its end content', async () => {
    const trace = loadTrace<SequentialTrace>('automerge-paper');
    expect(trace.txns.length).toBe(259_778);
    const host = tempHost();
    const meetingId = await meetingIn(host);
    const { sqlite } = host.database;
    // Small batches (a row per 100 edits), so the rows pass the compaction threshold several times.
    const minutes = PersistedMinutes.open(sqlite, meetingId, { batchSize: 100, now: () => new Date() });
    let updates = 0;
    minutes.doc.on('update', () => (updates += 1));
    minutes.track('trace');
    replaySequential(minutes.doc, trace);
    minutes.flush();
    expect(updates).toBe(259_778);
    // Compaction ran along the way: far fewer rows wait than were written.
    const midway = storedBytes(sqlite, meetingId);
    expect(midway.snapshot).toBeGreaterThan(0);
    expect(midway.rows).toBeLessThan(2598);

    // Reloaded before the final compaction: snapshot plus the rows since.
    const beforeClose = loadMinutes(sqlite, meetingId);
    expect(beforeClose.problems).toEqual([]);
    expect(beforeClose.doc.getText(traceTextName).toString()).toBe(trace.endContent);

    minutes.close();
    expect(storedBytes(sqlite, meetingId).rows).toBe(0);
    const reopened = host.reopen();
    const reloaded = loadMinutes(reopened.database.sqlite, meetingId);
    expect(reloaded.doc.getText(traceTextName).toString()).toBe(trace.endContent);
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(minutes.doc));
  }, 120_000);

  it('friendsforever (two people typing at once): each app keeps its own copy, and both reload to the end content', async () => {
    const trace = loadTrace<ConcurrentTrace>('friendsforever');
    expect(trace.numAgents).toBe(2);
    const hosts = [tempHost(), tempHost()];
    const meetingIds = [await meetingIn(hosts[0]!), await meetingIn(hosts[1]!)];
    const copies = hosts.map((host, agent) => PersistedMinutes.open(host.database.sqlite, meetingIds[agent]!, { now: () => new Date() }));
    for (const copy of copies) copy.track();
    const edits = replayConcurrent(
      copies.map((copy) => copy.doc),
      trace,
    );
    // Whatever each has not seen yet arrives at the end, as when the two reconnect.
    for (const [agent, copy] of copies.entries()) {
      const other = copies[1 - agent]!;
      Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(copy.doc)), remoteOrigin);
    }
    expect(edits).toHaveLength(trace.txns.length);
    for (const copy of copies) copy.close();

    for (const [agent, host] of hosts.entries()) {
      const reopened = host.reopen();
      const reloaded = loadMinutes(reopened.database.sqlite, meetingIds[agent]!);
      expect(reloaded.problems).toEqual([]);
      expect(traceContent(reloaded.doc, 'array')).toBe(trace.endContent);
    }
  }, 120_000);
});
