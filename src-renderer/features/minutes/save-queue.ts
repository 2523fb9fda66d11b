/**
 * Where a page's minutes updates go after the editor has them: this browser's own copy (IndexedDB)
 * and the host (the outbox). Neither is on the path of a keystroke: the document's update
 * listeners run one after the other inside the edit, and y-webrtc's sends the update to the peers;
 * writing IndexedDB and starting a request there first would make every peer wait for them.
 * So the queue only notes the update and does the work once the edit is over: the page's own edits
 * on the next turn of the event loop, the peers' edits batched (each peer also stores its own edits
 * on the host, so a reader's copy is only the safety net when the writer's page closes before its
 * save went out). Several updates go as one (Y.mergeUpdates), in one IndexedDB transaction and one request.
 */
import * as Y from 'yjs';

/** How long the peers' edits wait to be stored together. */
const peersBatchMs = 1000;

export interface SaveTargets {
  /** This browser's own copy (null while none is open). */
  localCopy(): { append(update: Uint8Array): void } | null;
  /** The host's copy, through the outbox. */
  toHost(update: Uint8Array): void;
}

export class SaveQueue {
  private forLocalCopy: Uint8Array[] = [];
  private forHost: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt = Infinity;

  constructor(private readonly targets: SaveTargets) {}

  /** Updates noted for the host and not yet handed to the outbox: unsaved too. */
  get waitingForHost(): number {
    return this.forHost.length;
  }

  /**
   * Notes an update: `toHost` when the host does not have it yet; `fromPeer` when it came from
   * another page (stored in a batch), otherwise it is this page's own (stored at once, after the edit).
   */
  add(update: Uint8Array, { toHost, fromPeer }: { toHost: boolean; fromPeer: boolean }): void {
    this.forLocalCopy.push(update);
    if (toHost) this.forHost.push(update);
    this.schedule(fromPeer ? peersBatchMs : 0);
  }

  private schedule(delay: number): void {
    const due = Date.now() + delay;
    if (this.timer && this.dueAt <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Stores what waits now (the page is closing, or the queue's time came). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
    const local = this.forLocalCopy;
    const host = this.forHost;
    this.forLocalCopy = [];
    this.forHost = [];
    if (local.length > 0) this.targets.localCopy()?.append(merged(local));
    if (host.length > 0) this.targets.toHost(merged(host));
  }

  /** Drops what waits (the session is over and its copy closed). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.forLocalCopy = [];
    this.forHost = [];
  }
}

function merged(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
