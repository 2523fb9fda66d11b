/**
 * A peer that is not our app: the unmodified y-webrtc client from npm, in Node, with @roamhq/wrtc
 * for WebRTC. It asks the host for the room like any participant (minutes:open over HTTP), then
 * meets the app's pages through our signaling server and edits the same XmlFragment.
 */
import wrtc from '@roamhq/wrtc';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { minutesField } from '../../../shared/collab/doc-shape';
import type { MinutesDocument } from '../../../shared/api/areas/minutes';

export interface StockPeer {
  doc: Y.Doc;
  provider: WebrtcProvider;
  /** The text of every paragraph and heading, one per line. */
  text(): string;
  appendParagraph(words: string): void;
  close(): void;
}

/**
 * Joins the minutes as the chair's session `cookie` (name=value): the calls and the signaling
 * WebSocket carry it, as a browser sends its cookie; y-webrtc itself is used as published.
 */
export async function joinWithStockClient(baseUrl: string, meetingId: number, name: string, cookie: string): Promise<StockPeer> {
  // lib0's WebSocket client expects the browser global; Node 20 has none. A browser's WebSocket
  // sends the page's cookie on the handshake; ws sends what it is given.
  (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { Cookie: cookie } });
    }
  };
  const response = await fetch(`${baseUrl}/api/call/minutes:open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ input: { meetingId } }),
  });
  const result = (await response.json()) as { ok: boolean; value: MinutesDocument };
  if (!result.ok) throw new Error(`minutes:open failed: ${JSON.stringify(result)}`);
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(result.value.room.name, doc, {
    signaling: [`${baseUrl.replace(/^http/, 'ws')}/signal`],
    password: result.value.room.password,
    peerOpts: { wrtc, config: { iceServers: [] } },
  });
  provider.awareness.setLocalStateField('user', { name, color: '#333333' });
  const fragment = doc.getXmlFragment(minutesField);
  return {
    doc,
    provider,
    text: () =>
      fragment
        .toArray()
        .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
        .join('\n')
        // XmlText.toString() writes marks as tags: keep only the words.
        .replace(/<[^>]+>/g, ''),
    appendParagraph(words) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      fragment.push([paragraph]);
    },
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
