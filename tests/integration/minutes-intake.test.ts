/**
 * Updates from peers are tried in a worker first, under a time and a size limit; the host's
 * document and the store change only when the worker took the update.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localCaller } from '../../src-main/host/core/caller';
import { HostError } from '../../src-main/host/core/errors';
import { MinutesService } from '../../src-main/host/areas/minutes/service';
import { readMinutesDoc, storedBytes } from '../../src-main/host/areas/minutes/store';
import { tempHost } from './temp-host';

const b64 = (update: Uint8Array) => Buffer.from(update).toString('base64');

async function setUp(timeLimitMs?: number) {
  const host = tempHost();
  const council = await host.ok('council:create', { name: '平安小区' });
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-05', startTime: '19:30' });
  const service = new MinutesService({ db: host.database.db, sqlite: host.database.sqlite, now: () => new Date(), timeLimitMs });
  const opened = service.openDocument(meeting.id);
  return { host, service, meetingId: meeting.id, state: Buffer.from(opened.stateBase64, 'base64') };
}

/** A valid update that takes Yjs a while to apply (a few hundred ms): tens of thousands of single characters typed at random places. */
function heavyUpdate(characters: number): Uint8Array {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  doc.getXmlFragment('minutes').insert(0, [text]);
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < characters; i += 1) text.insert(Math.floor(random() * (text.length + 1)), '字');
  return Y.encodeStateAsUpdate(doc);
}

function smallEdit(state: Uint8Array, words: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  doc.getXmlFragment('minutes').insert(doc.getXmlFragment('minutes').length, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Yjs' variable-length unsigned integer (lib0 writeVarUint), for updates written by hand. */
function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push(0x80 | (value % 0x80));
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
  return bytes;
}

/** A well-formed update (Yjs reads it without complaint) that claims absurd lengths. */
const absurdUpdates = {
  /** One client, one GC struct at clock 0 of length 2^40. */
  gcStruct: Uint8Array.from([...varUint(1), ...varUint(1), ...varUint(4242), ...varUint(0), 0, ...varUint(2 ** 40), ...varUint(0)]),
  /** No structs; a delete set deleting 2^40 items of a client from clock 2^45. */
  deleteRange: Uint8Array.from([...varUint(0), ...varUint(1), ...varUint(4242), ...varUint(1), ...varUint(2 ** 45), ...varUint(2 ** 40)]),
};

async function refusal(promise: Promise<unknown>): Promise<HostError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error('the push was accepted');
}

describe('intake of peer updates', () => {
  it('an update that runs over the time limit is refused, the worker is replaced, the store is untouched, and the sender is dropped', async () => {
    const { host, service, meetingId, state } = await setUp(10);
    const heavy = heavyUpdate(30_000);
    expect(heavy.length).toBeLessThan(1024 * 1024);
    const stored = storedBytes(host.database.sqlite, meetingId);
    const nodes = readMinutesDoc(host.database.sqlite, meetingId).getXmlFragment('minutes').length;

    const error = await refusal(service.push({ meetingId, updateBase64: b64(heavy), origin: '很多人' }, localCaller));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('处理超时');
    expect(service.intake.restarts).toBe(1);
    expect(storedBytes(host.database.sqlite, meetingId)).toEqual(stored);
    expect(readMinutesDoc(host.database.sqlite, meetingId).getXmlFragment('minutes').length).toBe(nodes);

    // Dropped: even a harmless update from the same sender is refused for a while.
    expect((await refusal(service.push({ meetingId, updateBase64: b64(smallEdit(state, '你好')), origin: '很多人' }, localCaller))).code).toBe('forbidden');
    // The origin is a name the sender chooses: another one is the same sender, still refused.
    expect((await refusal(service.push({ meetingId, updateBase64: b64(smallEdit(state, '你好')), origin: '李秀英' }, localCaller))).code).toBe('forbidden');
    // Everyone else goes on, through a fresh worker seeded from the host's copy.
    const editor = { kind: 'participant', participantId: 1, meetingId, role: 'editor', name: '李秀英' } as const;
    expect((await service.push({ meetingId, updateBase64: b64(smallEdit(state, '会议开始')), origin: '李秀英' }, editor)).seq).toBeGreaterThan(0);
    await service.close();
  }, 60_000);

  it('the same update within the normal limit is taken: it was refused for its time, not its content', async () => {
    const { host, service, meetingId } = await setUp();
    const heavy = heavyUpdate(30_000);
    const result = await service.push({ meetingId, updateBase64: b64(heavy), origin: '很多人' }, localCaller);
    expect(result.seq).toBeGreaterThan(0);
    expect(readMinutesDoc(host.database.sqlite, meetingId).getXmlFragment('minutes').toString().length).toBeGreaterThanOrEqual(30_000);
    await service.close();
  }, 60_000);

  it('an update over 1 MiB is refused before it reaches the worker', async () => {
    const { service, meetingId } = await setUp();
    const error = await refusal(service.push({ meetingId, updateBase64: b64(new Uint8Array(1024 * 1024 + 1)), origin: 'x' }, localCaller));
    expect(error.message).toContain('太大');
    expect(service.intake.restarts).toBe(0);
    await service.close();
  });

  it('an update claiming absurd lengths (a GC struct of 2^40 items, a deleted range beyond 2^45) is refused before it is stored', async () => {
    const { host, service, meetingId } = await setUp();
    const stored = storedBytes(host.database.sqlite, meetingId);
    const before = Y.encodeStateAsUpdate(readMinutesDoc(host.database.sqlite, meetingId));
    for (const [name, update] of Object.entries(absurdUpdates)) {
      expect(() => Y.decodeUpdate(update), name).not.toThrow();
      const error = await refusal(service.push({ meetingId, updateBase64: b64(update), origin: name }, { kind: 'participant', participantId: name.length, meetingId, role: 'editor', name }));
      expect(error.code, name).toBe('invalid_input');
      expect(error.message).toMatch(/已拒绝/);
    }
    expect(storedBytes(host.database.sqlite, meetingId)).toEqual(stored);
    expect(Y.encodeStateAsUpdate(readMinutesDoc(host.database.sqlite, meetingId))).toEqual(before);
    await service.close();
  });

  it('truncated and random bytes are refused in Chinese and the stored document stays as it was', async () => {
    const { host, service, meetingId, state } = await setUp();
    await service.push({ meetingId, updateBase64: b64(smallEdit(state, '原有内容')), origin: '李秀英' }, localCaller);
    const before = Y.encodeStateAsUpdate(readMinutesDoc(host.database.sqlite, meetingId));
    const good = smallEdit(state, '另一段');
    const hostile = [good.slice(0, Math.floor(good.length / 2)), Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)];
    for (const [index, update] of hostile.entries()) {
      // Two senders (two sessions): each one's update is refused for what it is, not for a refusal before.
      const sender = { kind: 'participant', participantId: 10 + index, meetingId, role: 'editor', name: `捣乱${index}` } as const;
      const error = await refusal(service.push({ meetingId, updateBase64: b64(update), origin: `捣乱${index}` }, sender));
      expect(error.message).toMatch(/已拒绝|无法读取/);
    }
    // An empty update is well-formed: it changes nothing and is not stored.
    expect(await service.push({ meetingId, updateBase64: b64(new Uint8Array([0, 0])), origin: '李秀英' }, localCaller)).toEqual({ seq: null });
    expect(Y.encodeStateAsUpdate(readMinutesDoc(host.database.sqlite, meetingId))).toEqual(before);
    await service.close();
  });
});
