/**
 * Child process for the minutes durability test: types into the minutes through the real host,
 * one character per push (as the editor's outbox sends a keystroke), and prints `ack <n>` only
 * after the push answered ok, i.e. after its row was committed. The test kills it with SIGKILL.
 */
import * as Y from 'yjs';
import type { MinutesDocument } from '../../../shared/api/areas/minutes';
import { minutesField } from '../../../shared/collab/doc-shape';
import { createHost } from '../../../src-main/host/core/host';

const [databasePath, meetingIdText, countText] = process.argv.slice(2);
const meetingId = Number(meetingIdText);
const host = createHost({ databasePath: databasePath!, host: 'browser' });
const opened = await host.invoke('minutes:open', { meetingId });
if (!opened.ok) {
  console.error(JSON.stringify(opened.error));
  process.exit(3);
}
const doc = new Y.Doc();
Y.applyUpdate(doc, Buffer.from((opened.value as MinutesDocument).stateBase64, 'base64'));
const paragraph = new Y.XmlElement('paragraph');
const text = new Y.XmlText();
paragraph.insert(0, [text]);
const fragment = doc.getXmlFragment(minutesField);
let pending: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => pending.push(update));
fragment.insert(fragment.length, [paragraph]);

for (let n = 0; n < Number(countText); n += 1) {
  // Each token is unique, so the test can tell which keystrokes survived: ⟨n⟩.
  text.insert(text.length, `⟨${n}⟩`);
  const update = Y.mergeUpdates(pending);
  pending = [];
  const result = await host.invoke('minutes:push', { meetingId, updateBase64: Buffer.from(update).toString('base64'), origin: '记录人' });
  if (!result.ok) {
    console.error(JSON.stringify(result.error));
    process.exit(3);
  }
  process.stdout.write(`ack ${n}\n`);
}
host.close();
