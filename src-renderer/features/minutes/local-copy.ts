/**
 * The participant's own copy of a meeting's minutes, in this browser's IndexedDB: every update
 * is appended, and the queue is folded into one snapshot past a threshold (as y-indexeddb does).
 * A reload while the host is unreachable still shows the text, and edits made then are kept.
 * One database per room: a room name is random per meeting and host database, so two hosts
 * (or a restored database) never mix their minutes in one browser.
 */
import * as Y from 'yjs';

const storeName = 'updates';
const compactAfter = 300;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

function openDatabase(roomName: string): Promise<IDBDatabase> {
  const open = indexedDB.open(`courtyard-minutes-${roomName}`, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(storeName, { autoIncrement: true });
  return request(open);
}

export class LocalCopy {
  private count = 0;
  private closed = false;

  private constructor(
    private readonly database: IDBDatabase,
    private readonly doc: Y.Doc,
  ) {}

  /** Opens the copy and applies what it holds to `doc` (with `origin`, so it is not stored again). */
  static async open(roomName: string, doc: Y.Doc, origin: unknown): Promise<LocalCopy> {
    const database = await openDatabase(roomName);
    const copy = new LocalCopy(database, doc);
    const updates = await request(database.transaction(storeName).objectStore(storeName).getAll() as IDBRequest<Uint8Array[]>);
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    }, origin);
    copy.count = updates.length;
    return copy;
  }

  append(update: Uint8Array): void {
    if (this.closed) return;
    const store = this.database.transaction(storeName, 'readwrite').objectStore(storeName);
    store.add(update);
    this.count += 1;
    if (this.count >= compactAfter) this.compact();
  }

  /** One snapshot in place of the queue, in one transaction: a crash keeps either the old queue or the snapshot. */
  private compact(): void {
    const store = this.database.transaction(storeName, 'readwrite').objectStore(storeName);
    store.clear();
    store.add(Y.encodeStateAsUpdate(this.doc));
    this.count = 1;
  }

  close(): void {
    this.closed = true;
    this.database.close();
  }
}

/** The room of a meeting as last seen, so a reload while offline still finds its local copy. */
export function rememberRoom(meetingId: number, room: { name: string; password: string }): void {
  localStorage.setItem(`courtyard.minutes.${meetingId}`, JSON.stringify(room));
}

export function rememberedRoom(meetingId: number): { name: string; password: string } | null {
  try {
    const value = JSON.parse(localStorage.getItem(`courtyard.minutes.${meetingId}`) ?? 'null') as unknown;
    if (value && typeof value === 'object' && 'name' in value && 'password' in value) {
      const { name, password } = value as { name: unknown; password: unknown };
      if (typeof name === 'string' && typeof password === 'string') return { name, password };
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}
