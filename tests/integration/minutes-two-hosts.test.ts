/**
 * Two hosts on one database file: what the one-writer lock refuses in normal use (the desktop app
 * and `npm run serve` on the same file), and what the store must still survive without dropping a
 * row. Each host has its own SQLite connection and its own minutes service (its own copy of the
 * document in memory), the way two processes would; both push paragraphs in turns, then compact
 * and close in every order. Every acknowledged paragraph must be in the document read afterwards.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesField } from '../../shared/collab/doc-shape';
import { localCaller } from '../../src-main/host/core/caller';
import { openDatabase, type DatabaseHandle } from '../../src-main/host/db/client';
import { MinutesService } from '../../src-main/host/areas/minutes/service';
import { loadMinutes } from '../../src-main/host/areas/minutes/store';
import { tempHost } from './temp-host';

const perHost = 600;
/** Pushes per turn: the hosts take turns, so each one's rows land between the other's. */
const turn = 25;

interface Writer {
  name: 'A' | 'B';
  database: DatabaseHandle;
  service: MinutesService;
  /** The editor's copy of the document on this host's page. */
  doc: Y.Doc;
  acknowledged: string[];
}

function paragraphsOf(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(minutesField)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((node) => node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join(''));
}

function appendParagraph(doc: Y.Doc, words: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  const fragment = doc.getXmlFragment(minutesField);
  fragment.insert(fragment.length, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

function writer(name: 'A' | 'B', databasePath: string, meetingId: number): Writer {
  const database = openDatabase(databasePath);
  // What is checked here is which rows exist, not that they survive a power cut: without a sync
  // to the disk on every commit the 2,400 commits of an order take seconds, not a minute.
  database.sqlite.pragma('synchronous = OFF');
  const service = new MinutesService({ db: database.db, sqlite: database.sqlite, now: () => new Date() });
  const opened = service.openDocument(meetingId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(opened.stateBase64, 'base64'));
  return { name, database, service, doc, acknowledged: [] };
}

async function push(writer: Writer, meetingId: number, index: number): Promise<void> {
  const words = `${writer.name}-${index}`;
  const update = appendParagraph(writer.doc, words);
  const result = await writer.service.push({ meetingId, updateBase64: Buffer.from(update).toString('base64'), origin: writer.name }, localCaller);
  expect(result.seq).toBeGreaterThan(0);
  writer.acknowledged.push(words);
}

type Step = 'compact A' | 'compact B' | 'close A' | 'close B';

/** Every order of the four steps in which each host compacts before it closes (closing compacts again). */
const orders: Step[][] = [
  ['compact A', 'close A', 'compact B', 'close B'],
  ['compact A', 'compact B', 'close A', 'close B'],
  ['compact A', 'compact B', 'close B', 'close A'],
  ['compact B', 'close B', 'compact A', 'close A'],
  ['compact B', 'compact A', 'close B', 'close A'],
  ['compact B', 'compact A', 'close A', 'close B'],
];

describe('two hosts on one database file', () => {
  it.each(orders.map((order) => [order.join(', '), order] as const))(
    'keeps all 1,200 acknowledged paragraphs: %s',
    async (_title, order) => {
      const setup = tempHost();
      const council = await setup.ok('council:create', { name: '平安小区' });
      const meeting = await setup.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-05', startTime: '19:30' });
      const meetingId = meeting.id;
      setup.close();

      const a = writer('A', setup.databasePath, meetingId);
      const b = writer('B', setup.databasePath, meetingId);
      try {
        for (let start = 0; start < perHost; start += turn) {
          for (const host of [a, b]) for (let index = start; index < start + turn; index += 1) await push(host, meetingId, index);
        }
        const hosts = { A: a, B: b };
        for (const step of order) {
          const [verb, name] = step.split(' ') as ['compact' | 'close', 'A' | 'B'];
          if (verb === 'compact') hosts[name].service.compact();
          else await hosts[name].service.close();
        }
      } finally {
        await a.service.close();
        await b.service.close();
        a.database.close();
        b.database.close();
      }

      const reopened = openDatabase(setup.databasePath);
      try {
        const loaded = loadMinutes(reopened.sqlite, meetingId);
        expect(loaded.problems).toEqual([]);
        const stored = new Set(paragraphsOf(loaded.doc));
        const lost = [...a.acknowledged, ...b.acknowledged].filter((words) => !stored.has(words));
        expect(a.acknowledged.length + b.acknowledged.length).toBe(2 * perHost);
        expect(lost).toEqual([]);
      } finally {
        reopened.close();
      }
    },
    120_000,
  );
});
