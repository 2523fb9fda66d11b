/**
 * The room every baseline page joins: y-webrtc with a password (as the minutes), signaling at the
 * page's own server, no STUN or TURN. `document.body.dataset.peers` says how many peers are
 * connected, for the harness to wait on.
 */
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';

export function joinRoom(doc: Y.Doc): WebrtcProvider {
  const params = new URLSearchParams(window.location.search);
  const provider = new WebrtcProvider(params.get('room') ?? 'bench', doc, {
    signaling: [`ws://${window.location.host}/signal`],
    password: params.get('password') ?? 'bench-password',
    peerOpts: { config: { iceServers: [] } },
  });
  const show = () => {
    const connected = [...(provider.room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected).length;
    document.body.dataset.peers = String(connected);
  };
  setInterval(show, 100);
  return provider;
}
