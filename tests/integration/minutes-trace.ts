/**
 * Real editing traces (josephg/editing-traces, read from ../shared/traces beside the checkout) replayed into Yjs,
 * for the persistence tests and the minutes benchmarks. Positions are in characters; the traces
 * used here are ASCII, so they are also UTF-16 offsets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/**
 * The traces are the project's shared data, not ours to copy: CI lays a copy of shared/ beside the
 * clone, so they are looked for there first, then in the workplace's own shared/ folder.
 */
const besideCheckout = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/traces');
export const tracesFolder =
  process.env.TRACES_DIR ?? (existsSync(besideCheckout) ? besideCheckout : '/work/shared/traces');

export type Patch = [position: number, deleted: number, inserted: string];

export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Patch[] }>;
}

export interface ConcurrentTrace {
  kind: 'concurrent';
  endContent: string;
  numAgents: number;
  txns: Array<{ parents: number[]; agent: number; patches: Patch[] }>;
}

export function loadTrace<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(`${tracesFolder}/${name}.json.gz`)).toString('utf8')) as T;
}

export const traceTextName = 'trace';

/**
 * Where the edits go. A Y.Text for the sequential trace (the minutes' own text type). The
 * concurrent trace goes into a Y.Array of characters: Y.Text moves an insert past the deleted
 * characters to its right (to keep formatting marks together), so when one person types just
 * before a character they deleted while the other types just after it, Yjs sees two inserts at
 * the same place and orders them by client id, while the trace (made with plain positions, where
 * the two never meet) keeps them apart. A Y.Array inserts exactly where the trace says.
 */
export type TraceTarget = 'text' | 'array';

export function applyPatches(doc: Y.Doc, patches: Patch[], target: TraceTarget = 'text'): void {
  doc.transact(() => {
    for (const [position, deleted, inserted] of patches) {
      if (target === 'text') {
        const text = doc.getText(traceTextName);
        if (deleted) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      } else {
        const array = doc.getArray<string>(traceTextName);
        if (deleted) array.delete(position, deleted);
        if (inserted) array.insert(position, [...inserted]);
      }
    }
  });
}

export function traceContent(doc: Y.Doc, target: TraceTarget = 'text'): string {
  return target === 'text' ? doc.getText(traceTextName).toString() : doc.getArray<string>(traceTextName).toArray().join('');
}

/** One Yjs transaction per edit, as a person typing makes them. */
export function replaySequential(doc: Y.Doc, trace: SequentialTrace): void {
  if (trace.startContent) doc.getText(traceTextName).insert(0, trace.startContent);
  for (const txn of trace.txns) applyPatches(doc, txn.patches);
}

export const remoteOrigin = 'remote-peer';

/**
 * Replays a concurrent trace with one Y.Doc per agent: before an agent makes an edit, it receives
 * exactly the edits the trace says it had seen (the transitive parents), as updates from its peers.
 * Edits go into a Y.Array of characters (see TraceTarget). Returns the update each edit made, in trace order.
 */
export function replayConcurrent(docs: Y.Doc[], trace: ConcurrentTrace): Uint8Array[] {
  const n = trace.txns.length;
  const updates: Uint8Array[] = new Array<Uint8Array>(n);
  const seen = docs.map(() => new Uint8Array(n));
  for (let index = 0; index < n; index += 1) {
    const txn = trace.txns[index]!;
    const doc = docs[txn.agent]!;
    const known = seen[txn.agent]!;
    const missing: number[] = [];
    const stack = [...txn.parents];
    while (stack.length) {
      const parent = stack.pop()!;
      if (known[parent]) continue;
      known[parent] = 1;
      missing.push(parent);
      stack.push(...trace.txns[parent]!.parents);
    }
    missing.sort((a, b) => a - b);
    for (const parent of missing) Y.applyUpdate(doc, updates[parent]!, remoteOrigin);
    let made: Uint8Array | null = null;
    const listener = (update: Uint8Array, origin: unknown) => {
      if (origin !== remoteOrigin) made = update;
    };
    doc.on('update', listener);
    applyPatches(doc, txn.patches, 'array');
    doc.off('update', listener);
    if (!made) throw new Error(`edit ${index} changed nothing`);
    updates[index] = made;
    known[index] = 1;
  }
  return updates;
}
