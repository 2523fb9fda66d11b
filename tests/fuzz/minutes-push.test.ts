import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, it } from 'vitest';
import { minutesField } from '../../shared/collab/doc-shape';
import { seedDemo } from '../../src-main/host/demo/seed';
import { dumpTables } from '../integration/access-fixture';
import { tempHost } from '../integration/temp-host';
import { fuzz, fuzzTimeout, unclear } from './fuzz-kit';

/** Real updates cut, flipped or appended to, besides plain random bytes: the intake's worst day. */
function validUpdate(words: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment(minutesField).insert(0, [new Y.XmlText(words)]);
  return Y.encodeStateAsUpdate(doc);
}

const updates = fc.oneof(
  fc.uint8Array({ minLength: 3, maxLength: 3000 }),
  fc.tuple(fc.string({ maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([words, at, byte]) => {
    const bytes = Uint8Array.from(validUpdate(words));
    if (bytes.length) bytes[at % bytes.length] = byte;
    return bytes;
  }),
  fc.tuple(fc.string({ maxLength: 40 }), fc.nat()).map(([words, cut]) => {
    const bytes = validUpdate(words);
    return bytes.slice(0, Math.max(3, cut % bytes.length));
  }),
);

describe('fuzz: minutes intake', () => {
  it('arbitrary bytes to minutes:push: a clear refusal and the stored minutes unchanged', async () => {
    const host = tempHost();
    seedDemo(host.database, new Date());
    await host.ok('minutes:open', { meetingId: 3 });
    let before = dumpTables(host.database.sqlite, []);
    let sender = 0;
    await fuzz('minutes-push', updates, async (bytes) => {
      sender += 1;
      // A new name each time: the intake shuts out a sender after a bad update, which would hide the next tries.
      const result = await host.invoke('minutes:push', { meetingId: 3, updateBase64: Buffer.from(bytes).toString('base64').padEnd(4, 'A'), origin: `模糊${sender}` });
      const after = dumpTables(host.database.sqlite, []);
      const changed = after !== before;
      before = after;
      return unclear(result) ?? (!result.ok && changed ? 'refused update changed stored minutes' : null);
    });
  }, fuzzTimeout);
});
