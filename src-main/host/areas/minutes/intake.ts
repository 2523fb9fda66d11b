/**
 * Untrusted updates are tried on a copy first. Some malformed updates make `Y.applyUpdate` loop
 * forever (yjs issues #479, #498) or eat memory; run on the host's own thread, one such update
 * would stop every meeting. So a worker thread holds a copy of each meeting's document and
 * applies the update there first, under a time limit and a memory limit. Only when the copy took
 * it is the update stored and applied to the host's document. A worker that runs over its time
 * is terminated and a fresh one is seeded from the host's documents on its next use.
 *
 * The worker is an inline script (`eval: true`) that loads yjs through the path resolved here:
 * the same code runs under vitest, tsx and the electron-vite bundle, with no extra build entry.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What the worker answers for one update. */
export type IntakeResult =
  | { kind: 'applied'; changed: boolean }
  | { kind: 'malformed'; message: string }
  | { kind: 'timeout' }
  | { kind: 'crashed'; message: string };

export interface IntakeOptions {
  /** How long one update may take in the worker (default 2 s). */
  timeLimitMs?: number;
  /** Heap limit of the worker, MB (default 256). */
  memoryLimitMb?: number;
}

const workerCode = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjsPath);
const docs = new Map();
const maxClock = workerData.maxClock;
const beyond = (clock, length) => !Number.isSafeInteger(clock + length) || length < 0 || clock + length > maxClock;
// Checked on the copy after applying (decoding the update first would cost as much again): the end
// of each client's structs, and whatever the update left pending (Yjs keeps those as V2 updates).
const checkLengths = (doc, pendingStructsBefore, pendingDsBefore) => {
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    if (last && beyond(last.id.clock, last.length)) throw new Error('struct beyond any real clock: client ' + client);
  }
  const pending = doc.store.pendingStructs;
  if (pending && pending.update !== pendingStructsBefore) {
    for (const struct of Y.decodeUpdateV2(pending.update).structs) {
      if (beyond(struct.id.clock, struct.length)) throw new Error('pending struct beyond any real clock');
    }
  }
  if (doc.store.pendingDs && doc.store.pendingDs !== pendingDsBefore) {
    for (const ranges of Y.decodeUpdateV2(doc.store.pendingDs).ds.clients.values()) {
      for (const range of ranges) if (beyond(range.clock, range.len)) throw new Error('deleted range beyond any real clock');
    }
  }
};
const pendingSize = (doc) => (doc.store.pendingStructs ? doc.store.pendingStructs.update.length : 0) + (doc.store.pendingDs ? doc.store.pendingDs.length : 0);
parentPort.on('message', (message) => {
  try {
    if (message.type === 'seed') {
      const doc = new Y.Doc();
      if (message.state) Y.applyUpdate(doc, message.state);
      docs.get(message.meetingId)?.destroy();
      docs.set(message.meetingId, doc);
      parentPort.postMessage({ id: message.id, kind: 'seeded' });
    } else if (message.type === 'forget') {
      docs.get(message.meetingId)?.destroy();
      docs.delete(message.meetingId);
      parentPort.postMessage({ id: message.id, kind: 'forgotten' });
    } else if (message.type === 'apply') {
      const doc = docs.get(message.meetingId);
      if (!doc) throw new Error('no copy of this document');
      let changed = false;
      const listener = () => { changed = true; };
      const pendingBefore = pendingSize(doc);
      const pendingStructsBefore = doc.store.pendingStructs && doc.store.pendingStructs.update;
      const pendingDsBefore = doc.store.pendingDs;
      doc.on('update', listener);
      try {
        Y.applyUpdate(doc, message.update);
      } finally {
        doc.off('update', listener);
      }
      checkLengths(doc, pendingStructsBefore, pendingDsBefore);
      parentPort.postMessage({ id: message.id, kind: 'applied', changed: changed || pendingSize(doc) !== pendingBefore });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, kind: 'malformed', message: String(error && error.message || error) });
  }
});
`;

/**
 * The highest clock (clock + length) an update may reach. A clock counts the items one client
 * (one page load: y-webrtc makes a new client id each time) ever created: a character, an
 * element, an attribute. 2^31 is two billion of them from one page, far past anything typed or
 * pasted (an update is at most 1 MiB), and far below where clocks lose precision (2^53).
 */
export const maxClock = 2 ** 31;

let yjsPath: string | null = null;
function resolveYjs(): string {
  // The CommonJS build: the worker script is CommonJS. Resolved from here, so the app's own copy is used.
  yjsPath ??= createRequire(import.meta.url).resolve('yjs');
  return yjsPath;
}

interface Waiting {
  resolve: (value: { kind: string; changed?: boolean; message?: string }) => void;
}

/**
 * One worker for the host, used one request at a time (callers queue through `run`). It knows
 * which meetings it holds a copy of; `stale` copies are seeded again before the next update.
 */
export class UpdateIntake {
  private worker: Worker | null = null;
  private readonly seeded = new Set<number>();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  readonly timeLimitMs: number;
  private readonly memoryLimitMb: number;
  /** How many times a worker was replaced (for tests and diagnostics). */
  restarts = 0;

  constructor(options: IntakeOptions = {}) {
    this.timeLimitMs = options.timeLimitMs ?? 2000;
    this.memoryLimitMb = options.memoryLimitMb ?? 256;
  }

  /** Runs work after everything queued before it: the worker and the host's documents move in step. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The host's document changed by itself (refresh, another writer): its copy is seeded again before next use. */
  invalidate(meetingId: number): void {
    this.seeded.delete(meetingId);
  }

  /**
   * Tries `update` on the worker's copy of the meeting's document. `state` gives the host's
   * current state, used when the copy must be (re)seeded. Must be called inside `run`.
   */
  async tryUpdate(meetingId: number, update: Uint8Array, state: () => Uint8Array): Promise<IntakeResult> {
    if (this.closed) return { kind: 'crashed', message: 'closed' };
    if (!this.seeded.has(meetingId)) {
      // Seeding includes starting the worker (loading yjs): our own data, given time enough.
      const seeded = await this.request({ type: 'seed', meetingId, state: state() }, Math.max(this.timeLimitMs * 5, 15_000));
      if (seeded.kind !== 'seeded') return seeded.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'crashed', message: seeded.message ?? '' };
      this.seeded.add(meetingId);
    }
    const answer = await this.request({ type: 'apply', meetingId, update }, this.timeLimitMs);
    if (answer.kind === 'applied') return { kind: 'applied', changed: Boolean(answer.changed) };
    if (answer.kind === 'malformed') {
      // The copy may be half-changed by the failed update: take a clean one next time.
      this.seeded.delete(meetingId);
      return { kind: 'malformed', message: answer.message ?? '' };
    }
    if (answer.kind === 'timeout') return { kind: 'timeout' };
    return { kind: 'crashed', message: answer.message ?? '' };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerCode, {
      eval: true,
      workerData: { yjsPath: resolveYjs(), maxClock },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    worker.unref();
    worker.on('message', (message: { id: number; kind: string; changed?: boolean; message?: string }) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      waiting?.resolve(message);
    });
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.seeded.clear();
      for (const [id, waiting] of this.waiting) {
        this.waiting.delete(id);
        waiting.resolve({ kind: 'crashed', message });
      }
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`worker exited (${code})`));
    this.worker = worker;
    return worker;
  }

  private request(message: Record<string, unknown>, timeLimitMs: number): Promise<{ kind: string; changed?: boolean; message?: string }> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.waiting.has(id)) return;
        this.waiting.delete(id);
        // Looping or too slow: the thread cannot be interrupted, only ended.
        this.replace(worker);
        resolve({ kind: 'timeout' });
      }, timeLimitMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
      worker.postMessage({ ...message, id });
    });
  }

  private replace(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.seeded.clear();
      this.restarts += 1;
    }
    void worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.seeded.clear();
    if (worker) await worker.terminate();
  }
}
