/**
 * One meeting's minutes in this browser: the Yjs document, its peers over y-webrtc (through the
 * host's own signaling server, nothing outside the LAN), the participant's local copy, and the
 * outbox to the host. The editor binds to `doc`; the page shows `status()`.
 *
 * When WebRTC cannot connect, the room's traffic goes through the host instead (host-relay.ts).
 *
 * Where updates come from decides where they go:
 * - from the host (minutes:open, refresh) or the local copy: applied with our own origins, not sent back;
 * - everything else, typed here or received from a peer (over WebRTC or through the host): sent
 *   to the host through the outbox. Whoever has an update makes sure the host has it, so a word
 *   survives its writer closing the tab before their own outbox sent it. The host stores an
 *   update that adds nothing to its copy as nothing (Yjs updates are idempotent), so the same
 *   edit pushed by every peer costs a check, not a row.
 * Every update, from anywhere, goes into the local copy.
 *
 * The room moves when the chair removes an editor or closes joining (a new name and password, so
 * the removed browser's peers drop it): the host says something changed, the page asks for the
 * minutes again, sees the new room and moves there, keeping its document and its awareness (the
 * editor and the cursors stay as they are).
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { fromBase64 } from 'lib0/buffer';
import type { MinutesDocument } from '../../../shared/api/areas/minutes';
import type { ApiResult, ErrorCode } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { onHostChange, type HostChange } from '../../api/events';
import { LocalCopy, rememberRoom, rememberedRoom } from './local-copy';
import { Outbox, type PushResult } from './outbox';
import { signalingUrl } from './signaling-url';
import { provideSubtleCrypto } from './lan-crypto';
import { HostRelay, relayOrigin } from './host-relay';
import { SaveQueue } from './save-queue';
import { keepMeshing } from '../../../shared/collab/mesh-keeper';
import { localCopyKey } from '../../../shared/collab/minutes-room';

const hostOrigin = 'courtyard-host';
const localCopyOrigin = 'courtyard-local-copy';
/** Calls after which the meeting's minutes room may have moved: the page asks at once, not after the usual pause. */
const roomMovingChannels: ReadonlySet<string> = new Set(['access:remove', 'access:closeLan']);

export type ConnectionState = 'signed' | 'connected' | 'connecting' | 'offline';

/** How the peers' edits reach this page: over WebRTC (直连), through the host (经主机转发), or both. */
export type PeerPath = 'none' | 'direct' | 'relay' | 'mixed';

export interface SessionStatus {
  state: ConnectionState;
  /** Peers whose edits reach us: over an open data channel or through the host. */
  peers: number;
  /** Of them, those reached over WebRTC and those reached only through the host. */
  direct: number;
  relayed: number;
  path: PeerPath;
  /** Peers announced through signaling that neither path reaches (yet). */
  peersConnecting: number;
  /** Local edits not yet stored on the host. */
  unsaved: number;
  /** A refusal from the host that waiting will not fix. */
  saveError: string | null;
  /** The host could not be reached at start: showing this browser's own copy. */
  fromLocalCopy: boolean;
}

/** Codes that mean "try again later"; the rest are refusals to show. */
const retryCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['offline', 'internal', 'damaged', 'rate_limited']);

export class MinutesSession {
  readonly doc = new Y.Doc();
  /** Who is here and where their cursors are: one for the session, handed to each room it joins. */
  readonly awareness = new Awareness(this.doc);
  provider: WebrtcProvider | null = null;
  private relay: HostRelay | null = null;
  /** One of our updates was too large to relay: tell the peers to fetch once the host has it. */
  private fetchNoticeDue = false;
  private relayTimer: ReturnType<typeof setInterval> | null = null;
  /** Gives up on connections that never open (peers that joined together), so they retry. */
  private stopKeeper: (() => void) | null = null;
  document: MinutesDocument | null = null;
  private localCopy: LocalCopy | null = null;
  private readonly outbox: Outbox;
  /** Updates on their way to the local copy and the outbox, after the edit that made them. */
  private readonly saves: SaveQueue;
  private closed = false;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;
  private fromLocalCopy = false;
  /**
   * Set by the browser's offline event (the wifi dropped). navigator.onLine itself is not read:
   * on a LAN with no internet some browsers call themselves offline from the start.
   */
  private offline = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly meetingId: number,
    private readonly user: { name: string; color: string },
  ) {
    this.outbox = new Outbox(
      (updateBase64) => this.push(updateBase64),
      () => {
        if (this.fetchNoticeDue && this.outbox.size === 0 && this.saves.waitingForHost === 0) {
          this.fetchNoticeDue = false;
          this.relay?.sendFetchNotice();
        }
        this.changed();
      },
    );
    this.saves = new SaveQueue({ localCopy: () => this.localCopy, toHost: (update) => this.outbox.add(update) });
    this.awareness.setLocalStateField('user', { ...user });
    this.doc.on('update', this.onUpdate);
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  /**
   * Loads the host's copy and joins the room. When the host cannot be reached, shows this
   * browser's own copy (if there is one) and keeps trying; the error is returned only when
   * there is nothing to show.
   */
  async start(): Promise<{ ok: true } | { ok: false; message: string; retrying: boolean }> {
    const opened = await call('minutes:open', { meetingId: this.meetingId });
    if (this.closed) return { ok: true };
    if (opened.ok) {
      await this.begin(opened.value);
      return { ok: true };
    }
    const retrying = retryCodes.has(opened.error.code);
    const room = rememberedRoom(this.meetingId);
    if (retrying && room && !this.localCopy) {
      this.localCopy = await LocalCopy.open(localCopyKey(room.name), this.doc, localCopyOrigin);
      this.fromLocalCopy = true;
      this.changed();
    }
    if (retrying) this.openTimer = setTimeout(() => void this.start(), 3000);
    return this.fromLocalCopy ? { ok: true } : { ok: false, message: opened.error.message, retrying };
  }

  private async begin(document: MinutesDocument): Promise<void> {
    this.document = document;
    this.fromLocalCopy = false;
    rememberRoom(this.meetingId, document.room);
    const hostState = fromBase64(document.stateBase64);
    Y.applyUpdate(this.doc, hostState, hostOrigin);
    if (!this.localCopy) this.localCopy = await LocalCopy.open(localCopyKey(document.room.name), this.doc, localCopyOrigin);
    if (this.closed) return;
    // Whatever this browser has that the host lacks (edits made offline, before a reload) goes to the host.
    const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVectorFromUpdate(hostState));
    if (!isEmptyUpdate(missing)) this.outbox.add(missing);
    if (!document.lockedAt) {
      this.connect(document.room);
      if (!this.stopWatching) this.watchHost();
    }
    this.changed();
  }

  /**
   * Takes the host's copy again: merges whatever the host has (Yjs applies it once) and notices
   * when the minutes were signed meanwhile, which makes the editor read-only.
   */
  private async syncFromHost(): Promise<void> {
    const opened = await call('minutes:open', { meetingId: this.meetingId });
    if (!opened.ok || this.closed || !this.document) return;
    Y.applyUpdate(this.doc, fromBase64(opened.value.stateBase64), hostOrigin);
    if (opened.value.lockedAt && !this.document.lockedAt) {
      this.document = { ...this.document, lockedAt: opened.value.lockedAt };
      this.provider?.disconnect();
      this.changed();
      return;
    }
    const room = opened.value.room;
    if (room.name !== this.document.room.name || room.password !== this.document.room.password) {
      this.document = { ...this.document, room };
      rememberRoom(this.meetingId, room);
      if (!this.document.lockedAt && this.provider) await this.moveTo(room);
    }
  }

  /**
   * Leaves the old room (its data channels close: a removed editor's too) and joins the new one.
   * The old room's end removes this page's awareness state and the others' are stale: both are
   * set again once the new room is joined.
   */
  private async moveTo(room: { name: string; password: string }): Promise<void> {
    const old = this.provider;
    this.disconnectRoom();
    if (old) {
      old.disconnect();
      old.destroy();
      // y-webrtc ends the old room once its key is known: wait for that before joining the next.
      await old.key;
    }
    if (this.closed) return;
    removeAwarenessStates(this.awareness, [...this.awareness.getStates().keys()].filter((client) => client !== this.doc.clientID), 'room moved');
    this.connect(room);
    this.changed();
  }

  /** Stops what watches the current room (the relay, the mesh keeper). */
  private disconnectRoom(): void {
    if (this.relayTimer) clearInterval(this.relayTimer);
    this.relayTimer = null;
    this.stopKeeper?.();
    this.stopKeeper = null;
    this.relay?.destroy();
    this.relay = null;
    this.provider = null;
  }

  /** Changes made through the host (signing, refresh by someone else) reach us a moment later. */
  private watchHost(): void {
    let pending: ReturnType<typeof setTimeout> | null = null;
    this.stopWatching = onHostChange((change: HostChange) => {
      if (change.channel && roomMovingChannels.has(change.channel)) {
        // Someone was removed: the removed browser must lose its peers within moments, not seconds.
        if (pending) clearTimeout(pending);
        pending = null;
        void this.syncFromHost();
        return;
      }
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void this.syncFromHost();
      }, 1500);
    });
  }

  private connect(room: { name: string; password: string }): void {
    // On http://<LAN address> the browser gives no crypto.subtle, which the room password needs.
    provideSubtleCrypto();
    this.provider = new WebrtcProvider(room.name, this.doc, {
      signaling: [signalingUrl()],
      password: room.password,
      awareness: this.awareness,
      // No STUN or TURN: peers meet only on the LAN, by their host candidates.
      peerOpts: { config: { iceServers: [] } },
    });
    this.awareness.setLocalStateField('user', { ...this.user });
    this.relay = new HostRelay(this.provider, {
      onChange: () => this.changed(),
      fetchFromHost: () => void this.syncFromHost(),
      tooLargeToRelay: () => {
        this.fetchNoticeDue = true;
        // The update itself may still wait in the save queue: the notice goes once the host has it.
        if (this.outbox.size === 0 && this.saves.waitingForHost === 0) {
          this.fetchNoticeDue = false;
          this.relay?.sendFetchNotice();
        }
      },
    });
    // Whether a peer is stuck connecting is seen only by looking: y-webrtc reports no failure.
    this.relayTimer = setInterval(() => this.relay?.check(), 500);
    this.stopKeeper = keepMeshing(this.provider);
    if (this.offline) this.provider.disconnect();
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    const toHost = origin !== hostOrigin && origin !== localCopyOrigin && !this.document?.lockedAt;
    const fromPeer = origin === relayOrigin || (origin !== null && origin === this.provider?.room);
    const waiting = this.saves.waitingForHost;
    this.saves.add(update, { toHost, fromPeer });
    // A peer's edit waits for its batch: the page says it is not saved yet (once per batch, and
    // never on the path of this page's own keystrokes, whose save starts on the next turn).
    if (fromPeer && waiting === 0 && this.saves.waitingForHost > 0) this.changed();
  };

  /** A tab closing stores what waits in its local copy and starts its last save. */
  private onPageHide = () => this.saves.flush();

  private async push(updateBase64: string): Promise<PushResult> {
    const result: ApiResult<unknown> = await call('minutes:push', {
      meetingId: this.meetingId,
      updateBase64,
      origin: this.user.name.slice(0, 40),
    });
    if (result.ok) return { ok: true };
    if (!retryCodes.has(result.error.code)) void this.syncFromHost();
    return { ok: false, retry: retryCodes.has(result.error.code), message: result.error.message };
  }

  /** Regenerates the parts laid out from meeting data on the host and applies them here (and so to every peer). */
  async refresh(): Promise<string | null> {
    const result = await call('minutes:refresh', { meetingId: this.meetingId });
    if (!result.ok) return result.error.message;
    Y.applyUpdate(this.doc, fromBase64(result.value.updateBase64), hostOrigin);
    return null;
  }

  setUser(user: { name: string; color: string }): void {
    this.user.name = user.name;
    this.user.color = user.color;
    this.awareness.setLocalStateField('user', { ...this.user });
  }

  private onOffline = () => {
    // The wifi dropped: peers are gone too; say so at once instead of waiting for time-outs.
    this.offline = true;
    this.provider?.disconnect();
    this.changed();
  };

  private onOnline = () => {
    this.offline = false;
    if (this.provider && !this.provider.connected) this.provider.connect();
    this.outbox.flush();
    this.changed();
  };

  status(): SessionStatus {
    const conns = this.provider?.room ? [...this.provider.room.webrtcConns.entries()] : [];
    const direct = conns.filter(([, conn]) => conn.connected).length;
    const relayed = this.relay?.relayedPeerCount() ?? 0;
    const peers = direct + relayed;
    const path: PeerPath = direct > 0 && relayed > 0 ? 'mixed' : direct > 0 ? 'direct' : relayed > 0 ? 'relay' : 'none';
    const signaling = this.provider?.signalingConns.some((conn: { connected?: boolean }) => conn.connected) ?? false;
    const online = !this.offline && this.outbox.reachable && !this.fromLocalCopy;
    let state: ConnectionState;
    if (this.document?.lockedAt) state = 'signed';
    else if (!online || (this.provider && !this.provider.connected)) state = 'offline';
    else if (signaling) state = 'connected';
    else state = 'connecting';
    return {
      state,
      peers,
      direct,
      relayed,
      path,
      peersConnecting: conns.filter(([peerId, conn]) => !conn.connected && !this.relay?.reaches(peerId)).length,
      unsaved: this.outbox.size + this.saves.waitingForHost,
      saveError: this.outbox.error,
      fromLocalCopy: this.fromLocalCopy,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  close(): void {
    this.closed = true;
    if (this.openTimer) clearTimeout(this.openTimer);
    this.stopWatching?.();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.saves.flush();
    this.outbox.stop();
    this.doc.off('update', this.onUpdate);
    const provider = this.provider;
    this.disconnectRoom();
    provider?.destroy();
    this.awareness.destroy();
    this.localCopy?.close();
    this.doc.destroy();
  }
}

/** An update with no structs and no deletions (what encodeStateAsUpdate gives when nothing is missing). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2;
}
