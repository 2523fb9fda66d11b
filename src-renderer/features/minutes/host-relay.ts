/**
 * The path when WebRTC cannot connect (a Wi-Fi that keeps clients apart): the room's Yjs updates
 * and awareness go through the host, over the WebSocket this page already has to the host's
 * signaling server (`relay` frames, passed by the host to the room's other members).
 *
 * What is sent is what y-webrtc sends its peers (its sync, awareness and awareness-query
 * messages), prefixed with this page's peer id and encrypted with the room key the way y-webrtc
 * encrypts its own signaling and BroadcastChannel messages (AES-GCM, a fresh IV each time): the
 * host passes on bytes it cannot read, and a page without the room password can neither read nor
 * write them.
 *
 * A page turns the relay on when a peer it was told about has not connected within a few seconds,
 * or when it hears a relayed message (someone needs it); from then on it stays on for the room.
 * Whatever is too large for one frame (a big paste, a whole document) is not relayed: the peers
 * are told to fetch the document from the host instead, once this page's outbox has stored it there.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';

/** The transaction origin of updates that came through the host: not sent back into the relay. */
export const relayOrigin = 'courtyard-relay';

/** y-webrtc's message kinds, and ours. */
const messageSync = 0;
const messageAwareness = 1;
const messageQueryAwareness = 3;
const messageFetchFromHost = 100;

/** How long a peer may stay "connecting" over WebRTC before this page relays through the host. */
export const relayAfterMs = 3000;
/** A relayed peer not heard from for this long is gone (awareness renews every 15 s). */
const relayPeerTimeoutMs = 35_000;
/** Base64 characters of one relayed message; the host's frame limit is 32 KiB. */
const maxRelayChars = 24_000;

interface SignalingSocket {
  connected: boolean;
  send(message: unknown): void;
  on(event: 'message' | 'connect', listener: (message: { type?: unknown; topic?: unknown; data?: unknown }) => void): void;
  off(event: 'message' | 'connect', listener: (message: { type?: unknown; topic?: unknown; data?: unknown }) => void): void;
}

export interface RelayCallbacks {
  /** The path changed (turned on, a peer came or went). */
  onChange(): void;
  /** A peer's message was too large to relay: fetch the document from the host. */
  fetchFromHost(): void;
  /** Ours was too large: tell the peers to fetch once the host has it (call `sendFetchNotice`). */
  tooLargeToRelay(): void;
}

export class HostRelay {
  active = false;
  private readonly doc: Y.Doc;
  private key: CryptoKey | null = null;
  private peerId = '';
  private readonly relayedPeers = new Map<string, number>();
  /** WebRTC peers not connected yet, with when they were first seen so. */
  private readonly connectingSince = new Map<string, number>();
  private destroyed = false;

  constructor(
    private readonly provider: WebrtcProvider,
    private readonly callbacks: RelayCallbacks,
  ) {
    this.doc = provider.doc;
    void Promise.resolve(provider.key).then((key) => {
      if (this.destroyed || !key || !provider.room) return;
      this.key = key;
      this.peerId = provider.room.peerId;
      for (const socket of this.sockets()) {
        socket.on('message', this.onMessage);
        socket.on('connect', this.onConnect);
      }
      this.doc.on('update', this.onDocUpdate);
      provider.awareness.on('update', this.onAwarenessUpdate);
    });
  }

  private sockets(): SignalingSocket[] {
    return this.provider.signalingConns as SignalingSocket[];
  }

  /** Looks at the WebRTC connections (called every half second): a peer stuck connecting turns the relay on. */
  check(now = Date.now()): void {
    const conns = this.provider.room?.webrtcConns;
    if (!conns) return;
    for (const [peerId, conn] of conns) {
      if (conn.connected) this.connectingSince.delete(peerId);
      else if (!this.connectingSince.has(peerId)) this.connectingSince.set(peerId, now);
    }
    if (!this.active && [...this.connectingSince.values()].some((since) => now - since >= relayAfterMs)) this.turnOn();
    for (const [peerId, heard] of this.relayedPeers) {
      if (now - heard > relayPeerTimeoutMs) {
        this.relayedPeers.delete(peerId);
        this.callbacks.onChange();
      }
    }
  }

  /** Peers reached only through the host (not also over an open data channel). */
  relayedPeerCount(): number {
    const conns = this.provider.room?.webrtcConns;
    return [...this.relayedPeers.keys()].filter((peerId) => !conns?.get(peerId)?.connected).length;
  }

  /** Whether this peer is heard through the host. */
  reaches(peerId: string): boolean {
    return this.relayedPeers.has(peerId);
  }

  private turnOn(): void {
    if (this.active || !this.key) return;
    this.active = true;
    this.greet();
    this.callbacks.onChange();
  }

  /** What y-webrtc sends a new peer: our state vector, our state, an awareness query, our awareness. */
  private greet(): void {
    this.send(messageSync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
    this.send(messageSync, (encoder) => syncProtocol.writeSyncStep2(encoder, this.doc));
    this.send(messageQueryAwareness, () => {});
    this.sendOwnAwareness();
  }

  private onConnect = () => {
    // Back after a dropped connection: whatever was said meanwhile is caught up by a fresh greeting.
    if (this.active) this.greet();
  };

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (!this.active || origin === relayOrigin) return;
    this.send(messageSync, (encoder) => syncProtocol.writeUpdate(encoder, update));
  };

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (!this.active || origin === relayOrigin) return;
    if ([...added, ...updated, ...removed].includes(this.doc.clientID)) this.sendOwnAwareness();
  };

  private sendOwnAwareness(): void {
    this.send(messageAwareness, (encoder) =>
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.provider.awareness, [this.doc.clientID])),
    );
  }

  sendFetchNotice(): void {
    if (this.active) this.send(messageFetchFromHost, () => {});
  }

  private send(kind: number, write: (encoder: encoding.Encoder) => void): void {
    const key = this.key;
    if (!key || this.destroyed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.peerId);
    encoding.writeVarUint(encoder, kind);
    write(encoder);
    const plain = encoding.toUint8Array(encoder);
    // Base64 grows by a third, AES-GCM adds its IV and tag: too large for a frame is known before encrypting.
    if (plain.length * 4 > maxRelayChars * 3 - 200) {
      this.callbacks.tooLargeToRelay();
      return;
    }
    void encrypt(plain, key).then((data) => {
      const topic = this.provider.room?.name;
      if (this.destroyed || !topic) return;
      for (const socket of this.sockets()) if (socket.connected) socket.send({ type: 'relay', topic, data: toBase64(data) });
    });
  }

  private onMessage = (message: { type?: unknown; topic?: unknown; data?: unknown }) => {
    const key = this.key;
    if (message.type !== 'relay' || message.topic !== this.provider.room?.name || typeof message.data !== 'string' || !key) return;
    let sealed: Uint8Array;
    try {
      sealed = fromBase64(message.data);
    } catch {
      return;
    }
    decrypt(sealed, key).then(
      (plain) => this.read(plain),
      // Not sealed with this room's key: not from a member, ignored.
      () => {},
    );
  };

  private read(plain: Uint8Array): void {
    if (this.destroyed) return;
    const decoder = decoding.createDecoder(plain);
    const from = decoding.readVarString(decoder);
    if (from === this.peerId) return;
    const known = this.relayedPeers.has(from);
    this.relayedPeers.set(from, Date.now());
    // Someone can reach us only this way: answer on this path too.
    if (!this.active) this.turnOn();
    if (!known) this.callbacks.onChange();
    switch (decoding.readVarUint(decoder)) {
      case messageSync: {
        const reply = encoding.createEncoder();
        const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, relayOrigin);
        if (kind === syncProtocol.messageYjsSyncStep1) {
          this.send(messageSync, (encoder) => encoding.writeUint8Array(encoder, encoding.toUint8Array(reply)));
        }
        break;
      }
      case messageAwareness:
        awarenessProtocol.applyAwarenessUpdate(this.provider.awareness, decoding.readVarUint8Array(decoder), relayOrigin);
        break;
      case messageQueryAwareness:
        this.sendOwnAwareness();
        break;
      case messageFetchFromHost:
        this.callbacks.fetchFromHost();
        break;
    }
  }

  destroy(): void {
    this.destroyed = true;
    for (const socket of this.sockets()) {
      socket.off('message', this.onMessage);
      socket.off('connect', this.onConnect);
    }
    this.doc.off('update', this.onDocUpdate);
    this.provider.awareness.off('update', this.onAwarenessUpdate);
  }
}

/** y-webrtc's sealing (its crypto.js): 'AES-GCM', a 12-byte IV, the ciphertext, lib0-encoded. */
async function encrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(data));
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'AES-GCM');
  encoding.writeVarUint8Array(encoder, iv);
  encoding.writeVarUint8Array(encoder, new Uint8Array(cipher));
  return encoding.toUint8Array(encoder);
}

async function decrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarString(decoder) !== 'AES-GCM') throw new Error('unknown cipher');
  const iv = decoding.readVarUint8Array(decoder);
  const cipher = decoding.readVarUint8Array(decoder);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(iv) }, key, new Uint8Array(cipher)));
}
