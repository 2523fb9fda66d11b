/**
 * A large estate's arrival rush through the real browser host, with a projector page and a door
 * page open in Chromium (issue: scale): 3,000 households, 7,500 people; the door volunteer finds
 * each arriving representative by household code and taps 签到, one household after the other.
 * - checkin-3000-p50 / -p95: ms of each attendance:checkIn through the host (dispatcher and one
 *   committed transaction), while the open screens follow the changes (beside checkin-fsync-floor
 *   from scale.ts);
 * - checkin-3000-door-p95: ms from the tap on the door page until it says whom it signed in;
 * - checkin-3000-bytes: response bytes the host sends per tap (median): the tap's answer, the
 *   change events to both pages, and every read the open screens make after it; the door's search
 *   before the tap, as the person is looked up, is counted apart (checkin-3000-search-bytes);
 * - projector-3000-bytes-per-change: of those, what the projector page gets (its change event and
 *   its reads).
 * Bytes are counted at the server, around every HTTP response body the host writes (headers not
 * included); the host runs in this process so the counter sees them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createHost } from '../../../src-main/host/core/host';
import { startBrowserHost, type CallTarget } from '../../../src-main/host/core/server';
import { percentile } from '../floor';
import type { Report } from '../run';
import { seedEstate } from './scale';

const taps = 200;

/** Every response body the host writes, by request path; the event streams each by itself, in the order they opened. */
function countResponses() {
  const byPath = new Map<string, number>();
  const streams: ServerResponse[] = [];
  const streamBytes = new Map<ServerResponse, number>();
  let lastWrite = performance.now();
  const tally = (response: ServerResponse, chunk: unknown) => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return;
    const bytes = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    const path = decodeURIComponent(response.req?.url ?? '');
    lastWrite = performance.now();
    if (path === '/api/events') {
      if (!streamBytes.has(response)) streams.push(response);
      streamBytes.set(response, (streamBytes.get(response) ?? 0) + bytes);
    } else byPath.set(path, (byPath.get(path) ?? 0) + bytes);
  };
  const { write, end } = ServerResponse.prototype;
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    tally(this, chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  ServerResponse.prototype.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    tally(this, chunk);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof end;
  return {
    snapshot: () => ({ byPath: new Map(byPath), streams: streams.map((stream) => streamBytes.get(stream) ?? 0) }),
    quietFor: () => performance.now() - lastWrite,
    restore: () => Object.assign(ServerResponse.prototype, { write, end }),
  };
}

type Snapshot = ReturnType<ReturnType<typeof countResponses>['snapshot']>;

function difference(before: Snapshot, after: Snapshot): { byPath: Map<string, number>; streams: number[] } {
  const byPath = new Map<string, number>();
  for (const [path, bytes] of after.byPath) {
    const added = bytes - (before.byPath.get(path) ?? 0);
    if (added > 0) byPath.set(path, added);
  }
  return { byPath, streams: after.streams.map((bytes, index) => bytes - (before.streams[index] ?? 0)) };
}

export default async function scaleScreensBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-scale-screens-'));
  const host = createHost({ databasePath: join(dir, 'estate.sqlite'), host: 'browser' });
  const counter = countResponses();
  const tapTimes: number[] = [];
  let inFlight = 0;
  const target: CallTarget = {
    invoke: async (channel, input, caller, origin) => {
      inFlight += 1;
      const started = performance.now();
      try {
        return await host.invoke(channel, input, caller, origin);
      } finally {
        if (channel === 'attendance:checkIn') tapTimes.push(performance.now() - started);
        inFlight -= 1;
      }
    },
    subscribe: (listener) => host.subscribe(listener),
    access: host.access,
  };
  const webRoot = fileURLToPath(new URL('../../../out/web', import.meta.url));
  const server = await startBrowserHost({ host: target, webRoot, port: 0, bindAddress: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const { meetingId } = seedEstate(host);
    const representatives = host.database.sqlite
      .prepare(
        `SELECT p.id AS id, p.name AS name, h.code AS code FROM people p JOIN households h ON h.id = p.household_id
         WHERE EXISTS (SELECT 1 FROM json_each(p.roles) WHERE value = 'representative') ORDER BY h.id LIMIT ?`,
      )
      .all(taps) as Array<{ id: number; name: string; code: string }>;
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const login = await context.newPage();
    await login.goto(new URL(host.chair.loginPath(), server.url).toString());
    await login.close();
    // The projector first: its event stream is the first one opened after the login page's.
    const projectorStream = counter.snapshot().streams.length;
    const projector = await context.newPage();
    await projector.goto(`${server.url}#/projector/${meetingId}`);
    await projector.locator('.projector-quorum').waitFor();
    const door = await context.newPage();
    await door.goto(`${server.url}#/meetings/${meetingId}/check-in`);
    await door.getByText(`还有 3000 户未到（共 3000 户）`).waitFor();
    const settled = async () => {
      while (inFlight > 0 || counter.quietFor() < 60) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    const tapBytes: number[] = [];
    const projectorBytes: number[] = [];
    const searchBytes: number[] = [];
    const doorTimes: number[] = [];
    const searchBox = door.getByLabel('查找到会人员');
    for (const [index, person] of representatives.entries()) {
      await settled();
      const beforeSearch = counter.snapshot();
      await searchBox.fill(person.code);
      const row = door.locator('.check-in-row').filter({ hasText: person.name }).filter({ has: door.locator('.household-code', { hasText: new RegExp(`^\\s*${person.code}$`) }) });
      await row.getByRole('button', { name: '签到' }).waitFor();
      await settled();
      const before = counter.snapshot();
      const searched = difference(beforeSearch, before);
      const started = performance.now();
      await row.getByRole('button', { name: '签到' }).click();
      await door.getByText(`已为 ${person.name}（${person.code}）签到`).waitFor();
      doorTimes.push(performance.now() - started);
      await projector.getByText(`到会 ${index + 1} 户 / 共 3000 户`).waitFor();
      await door.getByText(`还有 ${3000 - index - 1} 户未到（共 3000 户）`).waitFor();
      await settled();
      const added = difference(before, counter.snapshot());
      const calls = [...added.byPath].reduce((sum, [, bytes]) => sum + bytes, 0);
      const projectorCalls = [...added.byPath]
        .filter(([path]) => /attendance:summary|vote:list|console:get|meeting:get|council:list/.test(path))
        .reduce((sum, [, bytes]) => sum + bytes, 0);
      tapBytes.push(calls + added.streams.reduce((sum, bytes) => sum + bytes, 0));
      projectorBytes.push(projectorCalls + (added.streams[projectorStream] ?? 0));
      searchBytes.push([...searched.byPath].reduce((sum, [, bytes]) => sum + bytes, 0));
      if (index === 0) console.log(`  first tap's responses: ${JSON.stringify(Object.fromEntries(added.byPath))}, event streams ${JSON.stringify(added.streams)}`);
    }
    report('checkin-3000-p50', percentile(tapTimes, 0.5), 'ms');
    report('checkin-3000-p95', percentile(tapTimes, 0.95), 'ms');
    report('checkin-3000-door-p95', percentile(doorTimes, 0.95), 'ms');
    report('checkin-3000-bytes', percentile(tapBytes, 0.5), 'B');
    report('checkin-3000-bytes-max', Math.max(...tapBytes), 'B');
    report('projector-3000-bytes-per-change', percentile(projectorBytes, 0.5), 'B');
    report('checkin-3000-search-bytes', percentile(searchBytes, 0.5), 'B');
  } finally {
    await browser.close();
    await server.close();
    counter.restore();
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
