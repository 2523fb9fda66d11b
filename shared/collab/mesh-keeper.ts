/**
 * Keeps a y-webrtc room meshed when peers join at the same moment.
 *
 * Two peers that join together each hear the other's announce and each start a connection as
 * the initiator; y-webrtc settles such a glare by a token, but in some orders (an offer that
 * reaches a peer before its own offer went out, an offer applied to a connection that made one
 * itself) one side is left with a connection that never opens, and y-webrtc never gives up on
 * it: the pair stays apart for good, and the peer ignores the other's later announces because it
 * "has" a connection. Seen with 3 stock peers joining at once: 2 of 5 runs had a pair that never
 * connected.
 *
 * The keeper gives up on a connection that has not opened within a while: it destroys it, which
 * makes y-webrtc forget it and announce itself again, and the other side answers that announce
 * as a newcomer's. The two sides of a pair give up at different times, so the second announce
 * finds the first side ready to start afresh instead of meeting another glare: the peer with the
 * smaller id waits `firstTryMs`, the other a second longer, each with a little jitter; every
 * further try of the same pair waits twice as long as the one before (up to `longestWaitMs`), so
 * a pair that cannot connect at all (a Wi-Fi that keeps clients apart: the host relays for them)
 * costs a few signaling messages a minute, not a storm. A connection whose offer and answer went
 * through is no glare and gets longer (ICE and DTLS are slow on a busy computer).
 */
import type { WebrtcProvider } from 'y-webrtc';

/** A first connection on a LAN opens in well under a second; a glare is given up on after this. */
export const firstTryMs = 2000;
/** The peer with the larger id gives up this much later, so the two retries do not meet. */
const secondSideLaterMs = 1000;
const jitterMs = 400;
const longestWaitMs = 8000;
/**
 * A connection whose offer and answer went through is not in a glare: it is finding its way (ICE,
 * DTLS), which takes longer on a busy computer; it is given up on only after this long.
 */
const negotiatedPatienceMs = 10_000;
const checkEveryMs = 250;

/** How long to let a connection try before giving up on it: depends on which side of the pair we are and on how often it failed. */
export function patienceMs(ownPeerId: string, remotePeerId: string, failedTries: number, random: number): number {
  const side = ownPeerId < remotePeerId ? 0 : secondSideLaterMs;
  return Math.min(longestWaitMs, firstTryMs * 2 ** Math.min(failedTries, 4)) + side + random * jitterMs;
}

/** Whether the offer and answer of this connection went through (simple-peer keeps its RTCPeerConnection as `_pc`). */
function negotiated(conn: { peer?: unknown }): boolean {
  const pc = (conn.peer as { _pc?: { signalingState?: string; remoteDescription?: unknown } } | undefined)?._pc;
  return pc?.signalingState === 'stable' && Boolean(pc.remoteDescription);
}

interface Attempt {
  /** The connection object being watched (y-webrtc makes a new one for each try). */
  conn: object;
  since: number;
  patience: number;
}

/** Watches `provider`'s room until the returned function is called. */
export function keepMeshing(provider: WebrtcProvider, random: () => number = Math.random): () => void {
  const attempts = new Map<string, Attempt>();
  const failures = new Map<string, number>();
  const check = () => {
    const room = provider.room;
    if (!room) return;
    const now = Date.now();
    for (const [peerId, conn] of room.webrtcConns) {
      if (conn.connected) {
        attempts.delete(peerId);
        failures.delete(peerId);
        continue;
      }
      let attempt = attempts.get(peerId);
      if (!attempt || attempt.conn !== conn) {
        attempt = { conn, since: now, patience: patienceMs(room.peerId, peerId, failures.get(peerId) ?? 0, random()) };
        attempts.set(peerId, attempt);
      }
      const waited = now - attempt.since;
      if (waited >= attempt.patience && (waited >= negotiatedPatienceMs || !negotiated(conn))) {
        attempts.delete(peerId);
        failures.set(peerId, (failures.get(peerId) ?? 0) + 1);
        // Closing it makes y-webrtc drop it from the room and announce this peer again.
        conn.destroy();
      }
    }
    for (const peerId of attempts.keys()) if (!room.webrtcConns.has(peerId)) attempts.delete(peerId);
  };
  const timer = setInterval(check, checkEveryMs);
  return () => clearInterval(timer);
}
