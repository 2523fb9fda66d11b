import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { factsNodeName, minutesField, parseFacts } from '../../shared/collab/doc-shape';
import { minutesExtensions } from '../../shared/collab/minutes-extensions';
import { presets } from '../../shared/domain/voting/rules';
import { seedDemo } from '../../src-main/host/demo/seed';
import { lockMinutes, readMinutesDoc, storedBytes, unlockMinutes } from '../../src-main/host/areas/minutes/store';
import { tempHost, type TempHost } from './temp-host';
import { typeParagraph } from './minutes-typing';

const b64 = (update: Uint8Array) => Buffer.from(update).toString('base64');

/** The demo courtyard's planned meeting (4 matters) with people signed in, a speaker heard and a vote held. */
async function demoMeeting() {
  const host = tempHost();
  seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
  const [council] = await host.ok('council:list', {});
  const meeting = (await host.ok('meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  const people = await host.ok('person:list', { councilId: council!.id });
  const person = (name: string) => people.find((p) => p.name === name)!;
  for (const name of ['王建国', '李秀英', '何兆品']) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person(name).id });
  await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('孙网格').id, observer: true });
  const { agenda } = await host.ok('meeting:get', { meetingId: meeting.id });
  return { host, meetingId: meeting.id, agenda, person };
}

/** A client: the document as the editor sees it, built from minutes:open. */
async function client(host: TempHost, meetingId: number) {
  const opened = await host.ok('minutes:open', { meetingId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(opened.stateBase64, 'base64'));
  return { doc, opened };
}

const paragraphsOf = (doc: Y.Doc): string[] =>
  doc
    .getXmlFragment(minutesField)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((node) => node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join(''));

const factsOf = (doc: Y.Doc) =>
  new Map(
    doc
      .getXmlFragment(minutesField)
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === factsNodeName)
      .map((node) => [node.getAttribute('section') as string, parseFacts(node.getAttribute('data'))]),
  );

describe('minutes on the host', () => {
  it('lays out the skeleton from the meeting on first open, in the editor schema, and creates the room', async () => {
    const { host, meetingId, agenda } = await demoMeeting();
    const { doc, opened } = await client(host, meetingId);
    expect(opened.lockedAt).toBeNull();
    expect(opened.problems).toEqual([]);
    expect(opened.room.name).toMatch(/^minutes-/);
    expect(Buffer.from(opened.room.password, 'base64url').length).toBeGreaterThanOrEqual(16);

    const schema = getSchema(minutesExtensions());
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(minutesField), schema);
    root.check();
    const types = root.content.content.map((node) => node.type.name);
    expect(types[0]).toBe('heading');
    expect(types.at(-1)).toBe('paragraph'); // somewhere to type after the last generated block
    expect(types.filter((type) => type === factsNodeName)).toHaveLength(3 + agenda.length);
    const headings = root.content.content.filter((node) => node.type.name === 'heading').map((node) => [node.attrs.level, node.textContent]);
    expect(headings).toContainEqual([2, `议题一：${agenda[0]!.title}`]);
    expect(headings).toContainEqual([2, `议题四：${agenda[3]!.title}`]);

    const facts = factsOf(doc);
    expect(facts.get('header')!.pairs).toContainEqual(['主持人', '王建国']);
    expect(facts.get('header')!.pairs![0]![1]).toMatch(/^2026年12月\d+日 \d\d:\d\d$/);
    const attendance = new Map(facts.get('attendance')!.pairs);
    expect(attendance.get('实到')).toContain('王建国');
    expect(attendance.get('列席')).toContain('孙网格');
    expect(attendance.get('缺席')).not.toContain('王建国');
    expect(facts.get('agenda')!.table!.columns).toEqual(['序号', '议题', '当前步骤']);
    expect(facts.get('agenda')!.table!.rows[0]![2]).toMatch(/^\d\. (收集议题|审议议题|公示通知|协商讨论|表决决议|落实公示)$/);

    // A second open lays out nothing again.
    const again = await host.ok('minutes:open', { meetingId });
    expect(again.room).toEqual(opened.room);
    expect(again.stateBase64).toBe(opened.stateBase64);
  });

  it('stores pushed edits, answers seq null for an update that changes nothing, and reloads them after a restart', async () => {
    const { host, meetingId } = await demoMeeting();
    const { doc } = await client(host, meetingId);
    const paragraphIndex = doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    const update = typeParagraph(doc, '居民一致同意加装路灯。', paragraphIndex);
    const first = await host.ok('minutes:push', { meetingId, updateBase64: b64(update), origin: '李秀英' });
    expect(first.seq).toBeGreaterThan(0);
    expect(await host.ok('minutes:push', { meetingId, updateBase64: b64(update), origin: '李秀英' })).toEqual({ seq: null });

    const reopened = host.reopen();
    const { doc: reloaded } = await client(reopened, meetingId);
    expect(paragraphsOf(reloaded)).toContain('居民一致同意加装路灯。');
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc));
  });

  it('reopening without edits does not grow the store', async () => {
    const { host, meetingId } = await demoMeeting();
    const { doc } = await client(host, meetingId);
    const index = doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    await host.ok('minutes:push', { meetingId, updateBase64: b64(typeParagraph(doc, '一句话', index)), origin: 'a' });
    let current = host.reopen();
    const size = () => ({ ...storedBytes(current.database.sqlite, meetingId), pageCount: current.database.sqlite.pragma('page_count', { simple: true }) });
    await current.ok('minutes:open', { meetingId });
    const after = size();
    expect(after.rows).toBe(0); // folded into the snapshot when the host closed
    for (let i = 0; i < 3; i += 1) {
      current = current.reopen();
      await current.ok('minutes:open', { meetingId });
      expect(size()).toEqual(after);
    }
  });

  it('a malformed update is refused in Chinese, the stored document is unharmed, and the sender is dropped for a while', async () => {
    const { host, meetingId } = await demoMeeting();
    const { doc } = await client(host, meetingId);
    const before = Buffer.from(Y.encodeStateAsUpdate(readMinutesDoc(host.database.sqlite, meetingId)));
    const garbage = Buffer.from('garbagedocgarbagedoc', 'base64');
    const refused = await host.invoke('minutes:push', { meetingId, updateBase64: b64(garbage), origin: '捣乱的人' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toMatch(/已拒绝/);
    // The same sender is refused even with a good update for a while, under any name it gives
    // (this computer is one sender: the origin is chosen by the client); others are not.
    const index = doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    const good = typeParagraph(doc, '正常的一句话', index);
    expect(await host.invoke('minutes:push', { meetingId, updateBase64: b64(good), origin: '捣乱的人' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.invoke('minutes:push', { meetingId, updateBase64: b64(good), origin: '李秀英' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const editor = { kind: 'participant', participantId: 1, meetingId, role: 'editor', name: '李秀英' } as const;
    const accepted = await host.invoke('minutes:push', { meetingId, updateBase64: b64(good), origin: '李秀英' }, editor);
    expect(accepted).toMatchObject({ ok: true });
    expect(accepted.ok && (accepted.value as { seq: number }).seq).toBeGreaterThan(0);
    const stored = readMinutesDoc(host.database.sqlite, meetingId);
    expect(paragraphsOf(stored)).toContain('正常的一句话');
    const withGood = new Y.Doc();
    Y.applyUpdate(withGood, before);
    Y.applyUpdate(withGood, good);
    expect(Y.encodeStateAsUpdate(stored)).toEqual(Y.encodeStateAsUpdate(withGood));
  });

  it('refresh rewrites the generated blocks, appends new matters and leaves what people wrote unchanged', async () => {
    const { host, meetingId, agenda, person } = await demoMeeting();
    const { doc } = await client(host, meetingId);
    const index = doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    await host.ok('minutes:push', { meetingId, updateBase64: b64(typeParagraph(doc, '王建国介绍了路灯方案，大家提了意见。', index)), origin: '李秀英' });
    const written = paragraphsOf(doc);

    await host.ok('console:setCurrent', { meetingId, agendaItemId: agenda[0]!.id });
    const queue = await host.ok('speaker:add', { meetingId, personId: person('何兆品').id });
    await host.ok('speaker:next', { meetingId });
    await host.ok('speaker:note', { speakerId: queue.speakers[0]!.id, view: 'against', note: '费用太高' });
    await host.ok('speaker:stop', { meetingId });
    const vote = await host.ok('vote:open', { meetingId, agendaItemId: agenda[0]!.id, title: agenda[0]!.title, mode: 'hands', rule: presets['council-majority'] });
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 2, against: 1, abstain: 0 });
    await host.ok('vote:close', { voteId: vote.id });
    const locked = await host.ok('vote:lock', { voteId: vote.id });
    await host.ok('agenda:add', { meetingId, title: '楼道堆物清理', text: '' });

    const { updateBase64 } = await host.ok('minutes:refresh', { meetingId });
    Y.applyUpdate(doc, Buffer.from(updateBase64, 'base64'));
    expect(paragraphsOf(doc).slice(0, written.length)).toEqual(written);
    const facts = factsOf(doc);
    const matter = facts.get(`matter:${agenda[0]!.id}`)!;
    const speakers = matter.parts!.find((part) => part.caption === '发言')!;
    expect(speakers.table!.rows).toContainEqual(['何兆品', expect.any(String), '反对', '费用太高']);
    const result = matter.parts!.find((part) => part.caption === `表决：${agenda[0]!.title}`)!;
    expect(Object.fromEntries(result.pairs!)).toMatchObject({ 同意: '2 人', 反对: '1 人', 表决结果: locked.outcome!.passed ? '通过' : '未通过' });
    expect(result.notes).toContain(locked.outcome!.explanation);
    expect(result.notes!.join('')).toContain('适用规则：议事会过半数表决');
    const last = doc.getXmlFragment(minutesField).toArray().slice(-4) as Y.XmlElement[];
    expect(last.map((node) => node.nodeName)).toEqual(['heading', 'paragraph', factsNodeName, 'paragraph']);
    expect(last[0]!.toString()).toContain('议题五：楼道堆物清理');
    // The host's copy is the client's copy.
    const { doc: fromHost } = await client(host, meetingId);
    expect(fromHost.getXmlFragment(minutesField).toJSON()).toBe(doc.getXmlFragment(minutesField).toJSON());
    // A second refresh without new data changes nothing.
    const rows = storedBytes(host.database.sqlite, meetingId).rows;
    await host.ok('minutes:refresh', { meetingId });
    expect(storedBytes(host.database.sqlite, meetingId).rows).toBe(rows);
    yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(minutesField), getSchema(minutesExtensions())).check();
  });

  it('signed minutes refuse pushes and refreshes in Chinese; an amendment opens them again and its edits are recorded as such', async () => {
    const { host, meetingId } = await demoMeeting();
    const { doc } = await client(host, meetingId);
    const index = doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
    lockMinutes(host.database.sqlite, meetingId, new Date('2026-12-05T14:00:00Z'));
    const opened = await host.ok('minutes:open', { meetingId });
    expect(opened.lockedAt).toBe('2026-12-05T14:00:00.000Z');
    const update = typeParagraph(doc, '签署后偷偷改', index);
    const pushed = await host.invoke('minutes:push', { meetingId, updateBase64: b64(update), origin: '李秀英' });
    expect(pushed).toMatchObject({ ok: false, error: { code: 'conflict', message: '纪要已签署，不能再修改；如需更正请在签署页添加修正说明。' } });
    expect(await host.invoke('minutes:refresh', { meetingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(paragraphsOf(readMinutesDoc(host.database.sqlite, meetingId))).not.toContain('签署后偷偷改');

    // The seals area opens an amendment (after a seal exists): edits are stored as part of version 2.
    host.database.sqlite
      .prepare("INSERT INTO council_keys (council_id, public_key, private_key, created_at) SELECT council_id, 'p', 'k', 'now' FROM meetings WHERE id = ?")
      .run(meetingId);
    host.database.sqlite
      .prepare("INSERT INTO seals (meeting_id, kind, version, key_id, canonical, digest, signature, signed_at) VALUES (?, 'minutes', 1, (SELECT max(id) FROM council_keys), '{}', 'd', 's', 'now')")
      .run(meetingId);
    unlockMinutes(host.database.sqlite, meetingId, new Date());
    const amended = await host.ok('minutes:push', { meetingId, updateBase64: b64(update), origin: '李秀英' });
    const row = host.database.sqlite.prepare('SELECT amendment_id AS amendmentId FROM minutes_updates WHERE seq = ?').get(amended.seq) as { amendmentId: number };
    expect(row.amendmentId).toBe(2);
    // Compaction on close keeps the amendment's rows as its record.
    const reopened = host.reopen();
    expect(reopened.database.sqlite.prepare('SELECT count(*) FROM minutes_updates WHERE amendment_id = 2').pluck().get()).toBe(1);
    expect(paragraphsOf((await client(reopened, meetingId)).doc)).toContain('签署后偷偷改');
  });
});
