/**
 * A short meeting of the demo courtyard, run through the real host: sign-in with handwritten
 * signatures, two votes (a show of hands and an owners' roll call weighted by area), minutes
 * written in the collaborative document, the meeting closed. Shared by the seals and Word tests.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import * as Y from 'yjs';
import { factsNodeName, minutesField } from '../../shared/collab/doc-shape';
import { presets } from '../../shared/domain/voting/rules';
import { seedDemo } from '../../src-main/host/demo/seed';
import type { TempHost } from './temp-host';

/** What the fixture needs of a host: calls and the database (a vitest temp host, or the bench's). */
export type CallHost = Pick<TempHost, 'ok' | 'database'>;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of a handwritten-looking stroke (a wave whose shape depends on seed), as a signature pad would give. */
export function signaturePng(seed: number, width = 360, height = 120): Buffer {
  const rows: Buffer[] = [];
  const ink = new Set<number>();
  for (let x = 10; x < width - 10; x += 1) {
    const y = Math.round(height / 2 + Math.sin((x + seed * 17) / (8 + (seed % 5))) * (height / 4) + Math.cos(x / (13 + seed)) * 10);
    for (let dy = -2; dy <= 2; dy += 1) ink.add((y + dy) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x += 1) {
      const on = ink.has(y * width + x);
      row.writeUInt32BE(on ? 0x111111ff : 0xffffff00, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function element(name: string, attributes: Record<string, unknown>, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}
function textNode(pieces: Array<[string, Record<string, object>?]>): Y.XmlText {
  const text = new Y.XmlText();
  let at = 0;
  for (const [value, marks] of pieces) {
    text.insert(at, value, marks ?? {});
    at += value.length;
  }
  return text;
}
const paragraph = (...pieces: Array<[string, Record<string, object>?]>) => element('paragraph', {}, [textNode(pieces)]);
const listItem = (value: string) => element('listItem', {}, [paragraph([value])]);
const cell = (name: 'tableHeader' | 'tableCell', value: string) => element(name, { colspan: 1, rowspan: 1 }, [paragraph([value])]);

/** The minutes as the secretary wrote them in the editor: headings, marks, lists, a table, a generated block. */
export function minutesUpdate(extraParagraphs = 0): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(minutesField);
  const nodes: Y.XmlElement[] = [
    element(factsNodeName, { section: 'header', data: JSON.stringify({ pairs: [['时间', '生成的页眉']] }) }, []),
    element('heading', { level: 2 }, [textNode([['议题一：增设电动车集中充电桩']])]),
    paragraph(['王建国介绍了方案：在 3 号楼北侧空地安装 '], ['20 个充电口', { bold: {} }], ['，费用由'], ['公共收益', { italic: {} }], ['承担，'], ['杜绝飞线充电', { underline: {} }], ['。']),
    element('bulletList', {}, [listItem('何兆品：支持，建议加装雨棚。'), listItem('张桂兰：担心夜间噪音。')]),
    element('orderedList', { start: 1 }, [listItem('先做消防评估；'), listItem('再由物业报价。')]),
    element('table', {}, [
      element('tableRow', {}, [cell('tableHeader', '方案'), cell('tableHeader', '费用（元）')]),
      element('tableRow', {}, [cell('tableCell', '集中充电桩'), cell('tableCell', '36000')]),
    ]),
    element(factsNodeName, { section: 'matter:2', data: JSON.stringify({ caption: '议题二 发言摘要', pairs: [['发言人数', '4 人']], notes: ['多数意见支持阶梯收费。'] }) }, []),
  ];
  for (let i = 0; i < extraParagraphs; i += 1) {
    nodes.push(paragraph([`第 ${i + 1} 段补充记录：居民就院落公共事务发表意见，记录人如实记录，内容涉及卫生、停车、绿化与公共收益公示等事项。`]));
  }
  fragment.insert(0, nodes);
  return Y.encodeStateAsUpdate(doc);
}

export interface HeldMeeting<H extends CallHost = TempHost> {
  host: H;
  councilId: number;
  meetingId: number;
  signatures: { chair: string; secretary: string };
}

/** Puts the minutes into the host's store, as the minutes area keeps them (one update row). */
export function storeMinutes(host: CallHost, meetingId: number, update: Uint8Array): void {
  const sqlite = host.database.sqlite;
  const at = new Date().toISOString();
  sqlite
    .prepare('INSERT OR IGNORE INTO minutes_docs (meeting_id, room_name, room_password, updated_at) VALUES (?, ?, ?, ?)')
    .run(meetingId, `room-${meetingId}`, 'x'.repeat(24), at);
  sqlite
    .prepare('INSERT INTO minutes_updates (meeting_id, data, hash, origin, at) VALUES (?, ?, ?, ?, ?)')
    .run(meetingId, Buffer.from(update), createHash('sha256').update(update).digest('hex'), 'test', at);
}

/** A short meeting of the demo courtyard, closed and ready to sign. */
export async function heldMeeting<H extends CallHost>(host: H, options: { signIns?: number; extraParagraphs?: number } = {}): Promise<HeldMeeting<H>> {
  seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
  const [council] = await host.ok('council:list', {});
  const meeting = (await host.ok('meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  const people = await host.ok('person:list', { councilId: council!.id });
  const person = (name: string) => people.find((p) => p.name === name)!;
  const agenda = (await host.ok('meeting:get', { meetingId: meeting.id })).agenda;

  const named = ['王建国', '李秀英', '何兆品', '张桂兰', '刘德华', '孙网格'];
  const wanted = Math.max(0, (options.signIns ?? named.length) - named.length);
  const others = people.filter((p) => !named.includes(p.name) && p.householdId !== null).slice(0, wanted);
  if (others.length < wanted) {
    // A large estate: more residents than the demo courtyard has, spread over its households.
    const households = await host.ok('household:list', { councilId: council!.id });
    for (let i = others.length; i < wanted; i += 1) {
      const name = `${'王李张刘陈杨赵黄周吴'[i % 10]}${'伟芳敏静丽强磊军洋勇'[Math.floor(i / 10) % 10]}${'一二三四五六七八九十'[Math.floor(i / 100) % 10]}`;
      others.push(await host.ok('person:create', { councilId: council!.id, name, householdId: households[i % households.length]!.id }));
    }
  }
  const attendees = [...named.map(person), ...others];
  for (const [index, attendee] of attendees.entries()) {
    await host.ok('attendance:checkIn', {
      meetingId: meeting.id,
      personId: attendee.id,
      signaturePngBase64: signaturePng(index + 1).toString('base64'),
    });
  }
  await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: person('陈淑珍').id, holderId: person('何兆品').id });

  const hands = await host.ok('vote:open', {
    meetingId: meeting.id,
    agendaItemId: agenda[0]!.id,
    title: agenda[0]!.title,
    mode: 'hands',
    rule: presets['council-majority'],
  });
  await host.ok('vote:enterCounts', { voteId: hands.id, for: 5, against: 0, abstain: 0 });
  await host.ok('vote:close', { voteId: hands.id });
  await host.ok('vote:lock', { voteId: hands.id });

  const owners = await host.ok('vote:open', {
    meetingId: meeting.id,
    agendaItemId: agenda[1]!.id,
    title: agenda[1]!.title,
    mode: 'roll_call',
    rule: presets['owners-ordinary-matter'],
  });
  const key = (name: string) => `household:${person(name).householdId}`;
  await host.ok('vote:castBallot', { voteId: owners.id, voterKey: key('王建国'), choice: 'for' });
  await host.ok('vote:castBallot', { voteId: owners.id, voterKey: key('李秀英'), choice: 'for' });
  await host.ok('vote:castBallot', { voteId: owners.id, voterKey: key('何兆品'), choice: 'against' });
  await host.ok('vote:close', { voteId: owners.id });
  await host.ok('vote:lock', { voteId: owners.id });

  storeMinutes(host, meeting.id, minutesUpdate(options.extraParagraphs ?? 0));
  const current = await host.ok('meeting:get', { meetingId: meeting.id });
  await host.ok('meeting:update', {
    meetingId: meeting.id,
    title: current.title,
    date: current.date,
    startTime: current.startTime,
    place: current.place || '3 号楼前空地',
    chairId: person('王建国').id,
    secretaryId: person('李秀英').id,
    status: 'closed',
  });
  return {
    host,
    councilId: council!.id,
    meetingId: meeting.id,
    signatures: { chair: signaturePng(101).toString('base64'), secretary: signaturePng(202).toString('base64') },
  };
}

/** The chair and the secretary sign; the second signature seals the minutes. */
export async function signBoth(held: HeldMeeting<CallHost>) {
  await held.host.ok('seals:sign', { meetingId: held.meetingId, role: 'chair', signaturePngBase64: held.signatures.chair });
  return held.host.ok('seals:sign', { meetingId: held.meetingId, role: 'secretary', signaturePngBase64: held.signatures.secretary });
}
