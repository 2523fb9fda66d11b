/**
 * Our own y-webrtc signaling server, inside the host: it speaks y-webrtc's signaling protocol
 * (JSON frames `subscribe`, `unsubscribe`, `publish`, `ping` → `pong`), so the stock y-webrtc
 * client works against it, and nothing leaves the LAN (no public signaling servers).
 *
 * Stricter than y-webrtc's own bin/server.js, because it runs on the chair's computer:
 * - only rooms the chair has opened (a meeting's minutes room, see `roomOpened`) can be joined;
 * - the relayed `data` must be a string: y-webrtc encrypts it with the room password
 *   (AES-GCM, key from PBKDF2), so this server relays offers and answers it cannot read;
 * - frames over `maxPayload` close the connection (ws does it), invalid JSON, binary frames and
 *   unknown message types are ignored, a connection may hold only a few topics, and a flood of
 *   messages closes it;
 * - a subscribe may name no more topics than a connection may hold, and a connection that keeps
 *   naming rooms that are not open is closed: guessing rooms costs the guesser, not the host;
 * - whether a room is open is asked once per topic within `roomCheckMs` (a flood of subscribes to
 *   the same topic does not become a flood of database queries);
 * - dead connections are found by ping/pong, as in bin/server.js.
 *
 * When WebRTC cannot connect (a Wi-Fi that keeps clients apart), the pages send the room's Yjs
 * updates and awareness through this server instead (`relay`, our one addition to the protocol;
 * the stock y-webrtc client ignores it). Like `publish`, the data is a string encrypted with the
 * room password, which this server cannot read: it passes it to the room's other members, within
 * the frame limit and a byte budget per second that typing never reaches.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface SignalingOptions {
  /** True when the chair has opened this room (a meeting's minutes were opened on the host). */
  roomOpened(name: string): boolean;
  /** Access check on the upgrade request (join codes, roles); default: allow. */
  authorize?(request: IncomingMessage): boolean;
  /** Largest frame accepted, in bytes (default 32 KiB, see `defaultMaxPayload`). */
  maxPayload?: number;
  /** Topics (rooms) one connection may subscribe to at once. */
  maxTopicsPerConnection?: number;
  /** Topics one subscribe may name; a message with more closes the connection. */
  maxTopicsPerMessage?: number;
  /** Topics refused to one connection (not open, malformed, over its limit) before it is closed. */
  maxRefusedTopics?: number;
  /** How long the answer of `roomOpened` for a topic is reused, ms. */
  roomCheckMs?: number;
  /** Messages one connection may send per second before it is closed. */
  maxMessagesPerSecond?: number;
  /** Bytes of relayed room traffic one connection may send per second before it is closed. */
  maxRelayBytesPerSecond?: number;
  /** How often dead connections are looked for (ping/pong). */
  pingIntervalMs?: number;
}

export interface SignalingServer {
  /** Takes over an HTTP upgrade request for the signaling path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Open connections and rooms in use, for tests and diagnostics. */
  stats(): { connections: number; rooms: number };
  close(): void;
}

export const signalingPath = '/signal';
/**
 * y-webrtc's largest signaling message is a WebRTC offer or answer: the SDP, encrypted with the
 * room password and base64-encoded. Measured with y-webrtc 10.3 (three peers in a room with a
 * password): subscribe 66 bytes, publish at most 1,167 (median 507). A browser's SDP is longer
 * than a Node peer's, and without trickle ICE every candidate is in it (about 100 bytes each):
 * a few kB. 32 KiB leaves a margin of more than ten times over that, and halves what one frame
 * can make the host fan out to every member of a room.
 */
const defaultMaxPayload = 32 * 1024;
const defaultMaxTopics = 8;
/** A page asks for its one room, again after a reconnect; a room closed meanwhile is refused a few times at most. */
const defaultMaxRefusedTopics = 16;
const defaultRoomCheckMs = 2000;
/** Room answers kept at most (topics are at most 200 characters): the cache is emptied when full. */
const maxCachedRooms = 1000;
const defaultMaxMessagesPerSecond = 200;
/**
 * A keystroke's update is tens of bytes, a cursor move's awareness about a hundred; a page sends
 * a large paste or a whole document as a note to fetch it from the host instead (see host-relay.ts).
 * 256 KiB a second is far over typing and bounds what one member makes the host fan out.
 */
const defaultMaxRelayBytesPerSecond = 256 * 1024;
const maxRoomNameLength = 200;

interface Connection {
  socket: WebSocket;
  topics: Set<string>;
  alive: boolean;
  windowStart: number;
  windowCount: number;
  windowRelayBytes: number;
  refusedTopics: number;
}

type SignalingMessage =
  | { type: 'subscribe' | 'unsubscribe'; topics: unknown[] }
  | { type: 'publish' | 'relay'; topic: string; data: string }
  | { type: 'ping' };

/** Reads one frame; anything that is not a well-formed message of a known type is null. */
export function parseSignalingMessage(raw: string): SignalingMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'subscribe':
    case 'unsubscribe':
      return Array.isArray(message.topics) ? { type: message.type, topics: message.topics } : null;
    case 'publish':
    case 'relay':
      return typeof message.topic === 'string' && typeof message.data === 'string'
        ? { type: message.type, topic: message.topic, data: message.data }
        : null;
    case 'ping':
      return { type: 'ping' };
    default:
      return null;
  }
}

/**
 * A browser's Origin must be this host's own page (http or https, the same host and port as the
 * request's Host). `Origin: null` (a sandboxed frame, a data: or file: page) and any other origin
 * are refused, from this computer too: a page that hides its origin is no page of ours (the desktop
 * window is served by the host, so its Origin is the host's own). Clients that are not
 * browsers send no Origin; they still pass `authorize`.
 */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === request.headers.host;
  } catch {
    return false;
  }
}

export function createSignalingServer(options: SignalingOptions): SignalingServer {
  const maxTopics = options.maxTopicsPerConnection ?? defaultMaxTopics;
  const maxRate = options.maxMessagesPerSecond ?? defaultMaxMessagesPerSecond;
  const maxRelayBytes = options.maxRelayBytesPerSecond ?? defaultMaxRelayBytesPerSecond;
  const maxTopicsPerMessage = options.maxTopicsPerMessage ?? defaultMaxTopics;
  const maxRefused = options.maxRefusedTopics ?? defaultMaxRefusedTopics;
  const roomCheckMs = options.roomCheckMs ?? defaultRoomCheckMs;
  const roomChecks = new Map<string, { opened: boolean; at: number }>();
  const authorize = options.authorize ?? (() => true);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? defaultMaxPayload });
  const rooms = new Map<string, Set<Connection>>();
  const connections = new Set<Connection>();

  const send = (connection: Connection, text: string) => {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(text, (error) => {
      if (error) connection.socket.terminate();
    });
  };

  const leave = (connection: Connection, topic: string) => {
    connection.topics.delete(topic);
    const members = rooms.get(topic);
    if (!members) return;
    members.delete(connection);
    if (members.size === 0) rooms.delete(topic);
  };

  /** Whether the chair opened the room, asked of `roomOpened` at most once per topic within `roomCheckMs`. */
  const roomIsOpen = (topic: string, now: number): boolean => {
    const cached = roomChecks.get(topic);
    if (cached && now - cached.at < roomCheckMs) return cached.opened;
    let opened: boolean;
    try {
      opened = options.roomOpened(topic);
    } catch (error) {
      console.error(`信令服务器无法查询会议室：${(error as Error).message}`);
      return false;
    }
    if (roomChecks.size >= maxCachedRooms) roomChecks.clear();
    roomChecks.set(topic, { opened, at: now });
    return opened;
  };

  /** Joins the room, or counts the refusal against the connection; false when the connection was closed for it. */
  const join = (connection: Connection, topic: unknown, now: number): boolean => {
    if (typeof topic === 'string' && connection.topics.has(topic)) return true;
    const acceptable =
      typeof topic === 'string' && topic.length > 0 && topic.length <= maxRoomNameLength && connection.topics.size < maxTopics && roomIsOpen(topic, now);
    if (!acceptable) {
      connection.refusedTopics += 1;
      if (connection.refusedTopics > maxRefused) {
        connection.socket.close(1008, 'too many refused topics');
        return false;
      }
      return true;
    }
    connection.topics.add(topic);
    let members = rooms.get(topic);
    if (!members) rooms.set(topic, (members = new Set()));
    members.add(connection);
    return true;
  };

  const onMessage = (connection: Connection, raw: RawData, isBinary: boolean) => {
    // Closed for abuse: what it still sends until its close frame arrives is not read.
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const now = Date.now();
    if (now - connection.windowStart >= 1000) {
      connection.windowStart = now;
      connection.windowCount = 0;
      connection.windowRelayBytes = 0;
    }
    connection.windowCount += 1;
    if (connection.windowCount > maxRate) {
      connection.socket.close(1008, 'too many messages');
      return;
    }
    if (isBinary) return;
    const message = parseSignalingMessage(raw.toString());
    if (!message) return;
    switch (message.type) {
      case 'subscribe':
        // y-webrtc names every room of the page in one subscribe: never more than a connection may hold.
        if (message.topics.length > maxTopicsPerMessage) {
          connection.socket.close(1008, 'too many topics');
          return;
        }
        for (const topic of message.topics) if (!join(connection, topic, now)) return;
        break;
      case 'unsubscribe':
        for (const topic of message.topics.slice(0, maxTopicsPerMessage)) if (typeof topic === 'string') leave(connection, topic);
        break;
      case 'publish': {
        // Only members may speak in a room; what is relayed is rebuilt, never passed through.
        if (!connection.topics.has(message.topic)) return;
        const members = rooms.get(message.topic);
        if (!members) return;
        const text = JSON.stringify({ type: 'publish', topic: message.topic, data: message.data, clients: members.size });
        for (const member of members) send(member, text);
        break;
      }
      case 'relay': {
        if (!connection.topics.has(message.topic)) return;
        connection.windowRelayBytes += message.data.length;
        if (connection.windowRelayBytes > maxRelayBytes) {
          connection.socket.close(1008, 'too much relayed data');
          return;
        }
        const members = rooms.get(message.topic);
        if (!members) return;
        // The sender has its own update already; only the others need it.
        const text = JSON.stringify({ type: 'relay', topic: message.topic, data: message.data });
        for (const member of members) if (member !== connection) send(member, text);
        break;
      }
      case 'ping':
        send(connection, JSON.stringify({ type: 'pong' }));
        break;
    }
  };

  wss.on('connection', (socket: WebSocket) => {
    const connection: Connection = { socket, topics: new Set(), alive: true, windowStart: Date.now(), windowCount: 0, windowRelayBytes: 0, refusedTopics: 0 };
    connections.add(connection);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (raw, isBinary) => onMessage(connection, raw, isBinary));
    // A frame over maxPayload or a broken frame: ws reports it and closes; the server carries on.
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      for (const topic of [...connection.topics]) leave(connection, topic);
      connections.delete(connection);
    });
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        connection.socket.terminate();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      let allowed = false;
      try {
        allowed = sameOrigin(request) && authorize(request);
      } catch (error) {
        console.error(`信令连接检查出错：${(error as Error).message}`);
      }
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    stats: () => ({ connections: connections.size, rooms: rooms.size }),
    close() {
      clearInterval(heartbeat);
      for (const connection of connections) connection.socket.terminate();
      connections.clear();
      rooms.clear();
      roomChecks.clear();
      wss.close();
    },
  };
}
