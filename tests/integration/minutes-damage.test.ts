/**
 * A damaged update row (or snapshot) is detected by its SHA-256, reported in Chinese, and kept;
 * everything else still loads, and compaction never folds the damaged data away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesField } from '../../shared/collab/doc-shape';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { createHost, type Host } from '../../src-main/host/core/host';
import { storedBytes } from '../../src-main/host/areas/minutes/store';
import { tempHost, type TempHost } from './temp-host';

const b64 = (update: Uint8Array) => Buffer.from(update).toString('base64');

async function meeting(host: TempHost) {
  const council = await host.ok('council:create', { name: '平安小区' });
  const created = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-05', startTime: '19:30' });
  return created.id;
}

/** Each person adds a paragraph from their own copy (their own Yjs client), at the end or after the title. */
async function writeParagraph(host: TempHost, meetingId: number, words: string, where: 'end' | 'top' = 'end') {
  const opened = await host.ok('minutes:open', { meetingId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(opened.stateBase64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  const fragment = doc.getXmlFragment(minutesField);
  fragment.insert(where === 'end' ? fragment.length : 1, [paragraph]);
  const { seq } = await host.ok('minutes:push', { meetingId, updateBase64: b64(Y.encodeStateAsUpdate(doc, before)), origin: words });
  return seq!;
}

/**
 * A second host on the same file while the first is left as it was, as after a power cut: it
 * never closes, so it never compacts. (The first is closed by the test's clean-up afterwards.)
 */
const started: Host[] = [];
afterEach(() => {
  while (started.length) started.pop()!.close();
});
function startOn(databasePath: string) {
  const host = createHost({ databasePath, host: 'browser' });
  started.push(host);
  return {
    database: host.database,
    async ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const result = await host.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as Output<C>;
    },
    /** Closes (and so compacts) and starts again. */
    reopen() {
      started.splice(started.indexOf(host), 1);
      host.close();
      return startOn(databasePath);
    },
  };
}

const textOf = (stateBase64: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateBase64, 'base64'));
  return doc.getXmlFragment(minutesField).toString();
};

describe('damaged minutes rows', () => {
  it('a corrupted update row is reported and skipped, the rest loads, and the row survives compaction', async () => {
    const host = tempHost();
    const meetingId = await meeting(host);
    await writeParagraph(host, meetingId, '第一段：王建国发言');
    const damagedSeq = await writeParagraph(host, meetingId, '第二段：李秀英发言');
    // Written after the title, so it does not sit next to the paragraph that will be lost
    // (an edit placed against a lost one waits, kept, until that one is repaired).
    await writeParagraph(host, meetingId, '第三段：何兆品发言', 'top');

    // One bit flips on disk in the middle row.
    const { sqlite } = host.database;
    const row = sqlite.prepare('SELECT data FROM minutes_updates WHERE seq = ?').get(damagedSeq) as { data: Buffer };
    const flipped = Buffer.from(row.data);
    flipped[flipped.length - 3]! ^= 0x10;
    sqlite.prepare('UPDATE minutes_updates SET data = ? WHERE seq = ?').run(flipped, damagedSeq);

    // The power goes: the host never closes (nor compacts); another start reads the file.
    let current = startOn(host.databasePath);
    const opened = await current.ok('minutes:open', { meetingId });
    expect(opened.problems).toEqual([{ where: String(damagedSeq), message: expect.stringContaining(`第 ${damagedSeq} 条修改记录已损坏`) as string }]);
    const text = textOf(opened.stateBase64);
    expect(text).toContain('第一段：王建国发言');
    expect(text).toContain('第三段：何兆品发言');
    expect(text).not.toContain('第二段');

    // Closing compacts: the good rows are folded into the snapshot, the damaged one stays, byte for byte.
    current = current.reopen();
    const kept = current.database.sqlite.prepare('SELECT seq, data FROM minutes_updates WHERE meeting_id = ?').all(meetingId) as Array<{ seq: number; data: Buffer }>;
    expect(kept).toEqual([{ seq: damagedSeq, data: flipped }]);
    const again = await current.ok('minutes:open', { meetingId });
    expect(again.problems.map((problem) => problem.where)).toEqual([String(damagedSeq)]);
    expect(textOf(again.stateBase64)).toBe(text);

    // Editing goes on after the damage.
    await writeParagraph(current as unknown as TempHost, meetingId, '第四段：散会');
    expect(textOf((await current.ok('minutes:open', { meetingId })).stateBase64)).toContain('第四段：散会');
  });

  it('a corrupted snapshot is reported, the rows after it still load, and it is never overwritten', async () => {
    const host = tempHost();
    const meetingId = await meeting(host);
    await writeParagraph(host, meetingId, '快照里的一段');
    let current = host.reopen(); // compacts into the snapshot
    const { sqlite } = current.database;
    const snapshot = sqlite.prepare('SELECT snapshot FROM minutes_docs WHERE meeting_id = ?').pluck().get(meetingId) as Buffer;
    const damaged = Buffer.from(snapshot);
    damaged[10]! ^= 0xff;
    sqlite.prepare('UPDATE minutes_docs SET snapshot = ? WHERE meeting_id = ?').run(damaged, meetingId);
    await writeParagraph(current, meetingId, '快照之后的一段');

    current = current.reopen();
    const opened = await current.ok('minutes:open', { meetingId });
    expect(opened.problems).toEqual([{ where: 'snapshot', message: expect.stringContaining('快照校验失败') as string }]);
    expect(textOf(opened.stateBase64)).toContain('快照之后的一段');
    current = current.reopen();
    expect(current.database.sqlite.prepare('SELECT snapshot FROM minutes_docs WHERE meeting_id = ?').pluck().get(meetingId)).toEqual(damaged);
    expect(storedBytes(current.database.sqlite, meetingId).rows).toBeGreaterThan(0);
  });
});
