import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesField } from '../../../shared/collab/doc-shape';
import { storedBytes } from '../../../src-main/host/areas/minutes/store';
import { tempHost } from '../temp-host';

describe('durability of the minutes', () => {
  it('a SIGKILL while someone types loses no keystroke the host had acknowledged, across compactions', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-05', startTime: '19:30' });
    host.close();

    const total = 3000;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/durability/minutes-writer.ts', host.databasePath, String(meeting.id), String(total)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    let buffer = '';
    // Past 1,200 keystrokes the rows have been folded into the snapshot at least twice (every 500).
    const killAt = 1200;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(Number(line.slice(4)));
        if (acknowledged.length >= killAt && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer ended before it was killed (${code}): ${errors}`));
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    expect(acknowledged.length).toBeLessThan(total);

    const reopened = host.reopen();
    expect(reopened.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const before = storedBytes(reopened.database.sqlite, meeting.id);
    expect(before.snapshot).toBeGreaterThan(0);
    const opened = await reopened.ok('minutes:open', { meetingId: meeting.id });
    expect(opened.problems).toEqual([]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(opened.stateBase64, 'base64'));
    const text = doc.getXmlFragment(minutesField).toString();
    const stored = new Set([...text.matchAll(/⟨(\d+)⟩/g)].map((match) => Number(match[1])));
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
    // At most the keystroke in flight when the kill came is stored without its acknowledgement.
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
    // And in order, as typed.
    const order = [...text.matchAll(/⟨(\d+)⟩/g)].map((match) => Number(match[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 180_000);
});
