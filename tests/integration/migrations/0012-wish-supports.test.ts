import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0012_wish_supports', () => {
  it('keeps every wish and its count, and records one support per browser and per address from now on', () => {
    const database = databaseBefore('0012_wish_supports');
    const { councilId } = seedCourtyard(database.sqlite);
    database.sqlite
      .prepare("INSERT INTO wishes (council_id, text, supporters, source, created_at) VALUES (?, '东门晚上没有路灯', 7, 'public', '2026-09-28T01:12:45.000Z')")
      .run(councilId);
    const before = courtyardRows(database);
    const wishes = database.rows('wishes');

    database.migrate();
    const { sqlite } = database;
    expect(courtyardRows(database)).toEqual(before);
    expect(database.rows('wishes')).toEqual(wishes);
    expect(database.rows('wish_supports')).toEqual([]);

    const support = sqlite.prepare("INSERT INTO wish_supports (wish_id, browser_id, address, created_at) VALUES (?, ?, ?, '2026-10-01T00:00:00.000Z')");
    const wishId = wishes[0]!.id as number;
    support.run(wishId, 'browser-aaaaaaaaaaaaaaaa', '192.168.1.20');
    expect(() => support.run(wishId, 'browser-aaaaaaaaaaaaaaaa', '192.168.1.21')).toThrow(/UNIQUE constraint failed: wish_supports.wish_id, wish_supports.browser_id/);
    expect(() => support.run(wishId, 'browser-bbbbbbbbbbbbbbbb', '192.168.1.20')).toThrow(/UNIQUE constraint failed: wish_supports.wish_id, wish_supports.address/);
    // The chair's own computer has no address: its browsers count by their ids alone.
    support.run(wishId, 'browser-cccccccccccccccc', null);
    support.run(wishId, 'browser-dddddddddddddddd', null);
    expect(database.rows('wish_supports')).toHaveLength(3);
    // A wish removed takes its supports with it.
    sqlite.prepare('DELETE FROM wishes WHERE id = ?').run(wishId);
    expect(database.rows('wish_supports')).toEqual([]);
  });
});
