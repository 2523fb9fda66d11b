import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SaveQueue } from '../../src-renderer/features/minutes/save-queue';

/** Updates of a document typed one character at a time, as the editor makes them. */
function typed(text: string): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const char of text) doc.getText('t').insert(doc.getText('t').length, char);
  return { updates, doc };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('the minutes save queue', () => {
  let local: Uint8Array[];
  let host: Uint8Array[];
  let queue: SaveQueue;
  beforeEach(() => {
    vi.useFakeTimers();
    local = [];
    host = [];
    queue = new SaveQueue({ localCopy: () => ({ append: (update) => local.push(update) }), toHost: (update) => host.push(update) });
  });
  afterEach(() => vi.useRealTimers());

  it('stores the page’s own edit after the edit, not inside it, and counts it unsaved until then', () => {
    const { updates } = typed('议');
    queue.add(updates[0]!, { toHost: true, fromPeer: false });
    expect(local).toHaveLength(0);
    expect(host).toHaveLength(0);
    expect(queue.waitingForHost).toBe(1);
    vi.advanceTimersByTime(0);
    expect(textOf(local)).toBe('议');
    expect(textOf(host)).toBe('议');
    expect(queue.waitingForHost).toBe(0);
  });

  it('batches the peers’ edits into one write and one request, with nothing lost', () => {
    const { updates } = typed('院落议事会记录');
    for (const update of updates) queue.add(update, { toHost: true, fromPeer: true });
    vi.advanceTimersByTime(500);
    expect(local).toHaveLength(0);
    vi.advanceTimersByTime(600);
    expect(local).toHaveLength(1);
    expect(host).toHaveLength(1);
    expect(textOf(local)).toBe('院落议事会记录');
    expect(textOf(host)).toBe('院落议事会记录');
  });

  it('an own edit among the peers’ stores them all at once; what the host has is kept only locally', () => {
    const { updates } = typed('甲乙丙');
    queue.add(updates[0]!, { toHost: false, fromPeer: false });
    queue.add(updates[1]!, { toHost: true, fromPeer: true });
    queue.add(updates[2]!, { toHost: true, fromPeer: false });
    vi.advanceTimersByTime(0);
    expect(textOf(local)).toBe('甲乙丙');
    expect(host).toHaveLength(1);
    expect(queue.waitingForHost).toBe(0);
  });

  it('a closing page stores what waits at once', () => {
    const { updates } = typed('散会');
    for (const update of updates) queue.add(update, { toHost: true, fromPeer: true });
    queue.flush();
    expect(textOf(local)).toBe('散会');
    expect(textOf(host)).toBe('散会');
  });
});
