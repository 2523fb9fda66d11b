/**
 * A full disk: the database on a 2 MB tmpfs, written to until the disk is full. Every call the
 * host acknowledged must be there after reopening, the file must be sound, and every call that
 * failed must have said so in Chinese. (Runs as root: it mounts the tmpfs itself.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../src-main/host/core/host';
import { seedDemo } from '../../src-main/host/demo/seed';

let mountPoint = '';
beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'courtyard-full-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
});
afterAll(() => {
  execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('acknowledges nothing it did not store and leaves the database sound', async () => {
    const databasePath = join(mountPoint, 'council.sqlite');
    const host = createHost({ databasePath, host: 'browser' });
    seedDemo(host.database, new Date());
    const councilId = 1;
    const settings = await host.invoke('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    expect(settings.ok).toBe(true);

    const acknowledged: Array<{ id: number; text: string }> = [];
    const refusals: string[] = [];
    let consecutiveFailures = 0;
    for (let i = 0; consecutiveFailures < 30 && i < 20_000; i += 1) {
      const text = `第${i}条：${'楼道里的灯坏了很久,希望尽快修好,老人晚上上下楼很不方便。'.repeat(15)}`.slice(0, 500);
      const result = await host.invoke('wish:submit', { councilId, text, name: '住户' });
      if (result.ok) {
        acknowledged.push({ id: (result.value as { id: number }).id, text });
        consecutiveFailures = 0;
      } else {
        refusals.push(result.error.message);
        consecutiveFailures += 1;
      }
    }
    // Other kinds of change fail as clearly once the disk is full.
    for (const [channel, input] of [
      ['person:create', { councilId, name: '新住户' }],
      ['meeting:create', { councilId, title: '临时会议', date: '2026-12-01', startTime: '19:00' }],
      ['backup:create', {}],
    ] as const) {
      const result = await host.invoke(channel, input);
      if (!result.ok) refusals.push(result.error.message);
    }
    console.log(`full disk: ${acknowledged.length} wishes acknowledged, ${refusals.length} calls refused`);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(refusals.length).toBeGreaterThanOrEqual(30);
    for (const message of refusals) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(refusals[0]).toMatch(/磁盘已满.*没有保存/);
    host.close();

    // Reopened (read-only, as the disk is still full): every acknowledged wish is there, word for word.
    const check = new Database(databasePath, { readonly: true, fileMustExist: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map((check.prepare('SELECT id, text FROM wishes').all() as Array<{ id: number; text: string }>).map((row) => [row.id, row.text]));
    const missing = acknowledged.filter((wish) => stored.get(wish.id) !== wish.text);
    expect(missing).toEqual([]);
    check.close();

    // And the app itself opens it again once some room is made.
    execFileSync('mount', ['-o', 'remount,size=4m', mountPoint]);
    const reopened = createHost({ databasePath, host: 'browser' });
    const listed = await reopened.invoke('wish:list', { councilId });
    expect(listed.ok && (listed.value as unknown[]).length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(reopened.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  }, 120_000);
});
