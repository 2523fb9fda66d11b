/**
 * One peer of the join test, in a process of its own: the unmodified y-webrtc client from npm, in
 * Node, with @roamhq/wrtc. y-webrtc keeps its rooms and signaling connections in module globals
 * (two peers of one room cannot share a process), and Node's BroadcastChannel would let peers of
 * one process sync without WebRTC; a process each keeps them apart, as browsers are.
 *
 * Reads its room from the environment (MESH_ROOM, MESH_PASSWORD, MESH_SIGNAL, MESH_COOKIE; MESH_KEEPER=0
 * to run without the app's mesh keeper, as a plain stock peer), says
 * `ready` on stdout, joins at the moment a line on stdin names, says when it did, writes its name into the shared map, and
 * prints one JSON line whenever what it sees changes: the names it has, and its open data channels.
 */
import { webcrypto } from 'node:crypto';
import wrtc from '@roamhq/wrtc';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { keepMeshing } from '../../../shared/collab/mesh-keeper';

const { MESH_ROOM: room, MESH_PASSWORD: password, MESH_SIGNAL: signal, MESH_COOKIE: cookie = '', MESH_NAME: name = String(process.pid) } = process.env;
if (!room || !password || !signal) throw new Error('mesh-peer needs MESH_ROOM, MESH_PASSWORD and MESH_SIGNAL');

(globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, { headers: { Cookie: cookie } });
  }
};

// y-webrtc handles an answer for a connection given up on meanwhile by throwing in a promise; a
// browser logs that and goes on, so does this peer.
process.on('unhandledRejection', (error) => process.stderr.write(`${String(error)}\n`));

const doc = new Y.Doc();
const names = doc.getMap<boolean>('joined');
let provider: WebrtcProvider | null = null;
let last = '';
const report = () => {
  const conns = provider?.room ? [...provider.room.webrtcConns.values()] : [];
  const line = JSON.stringify({ names: [...names.keys()].sort(), direct: conns.filter((conn) => conn.connected).length });
  if (line === last) return;
  last = line;
  process.stdout.write(`${line}\n`);
};

/**
 * The room key (PBKDF2, 100,000 rounds) is derived before the peer says it is ready, and y-webrtc's
 * own derivation at joining gets it at once: ten peers deriving at the same instant on a 2-core
 * machine would take turns for a few hundred ms and so not join within the same 100 ms.
 */
const subtle = webcrypto.subtle;
const deriveKey = subtle.deriveKey.bind(subtle);
const derived = new Map<string, Promise<webcrypto.CryptoKey>>();
subtle.deriveKey = ((algorithm: webcrypto.Pbkdf2Params, ...rest: [webcrypto.CryptoKey, webcrypto.AesKeyGenParams, boolean, webcrypto.KeyUsage[]]) => {
  const salt = Buffer.from(algorithm.salt as ArrayBuffer).toString('base64');
  if (!derived.has(salt)) derived.set(salt, deriveKey(algorithm, ...rest));
  return derived.get(salt)!;
}) as typeof subtle.deriveKey;
// What y-webrtc's crypto.js does with the room password and name.
const secret = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
await subtle.deriveKey(
  { name: 'PBKDF2', salt: new TextEncoder().encode(room).buffer, iterations: 100_000, hash: 'SHA-256' },
  secret,
  { name: 'AES-GCM', length: 256 },
  true,
  ['encrypt', 'decrypt'],
);

process.stdout.write('ready\n');
// The line names the moment to join (ms since the epoch): every peer joins then, whenever its line arrived.
process.stdin.once('data', (line) => {
  setTimeout(() => {
    process.stdout.write(`${JSON.stringify({ joinedAt: Date.now() })}\n`);
    provider = new WebrtcProvider(room, doc, { signaling: [signal], password, peerOpts: { wrtc, config: { iceServers: [] } } });
    if (process.env.MESH_KEEPER !== '0') keepMeshing(provider);
    names.set(name, true);
    setInterval(report, 50);
  }, Math.max(0, Number(String(line).trim()) - Date.now()));
});
process.stdin.once('end', () => {
  provider?.destroy();
  process.exit(0);
});
