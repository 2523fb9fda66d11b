/**
 * The projector under a large estate's load, as a ratio to a bare baseline measured in the same run
 * (issue: scale). The load: a 3,000-household, 7,500-person council, its projector page and its door
 * page open in Chromium (both following the host's change events).
 * - projector-3000-latency-p95: the chair moves between two matters through the real browser host
 *   (console:setCurrent over HTTP); the time until the projector page shows the new matter's title;
 * - projector-bare-latency-p95: the same path with nothing of ours in it: a bare Node HTTP server
 *   that, on a POST, sends a server-sent event to a bare page which writes the title into its h2;
 * - projector-latency-ratio: the first divided by the second (goal ≤ 2).
 * Both servers run as processes of their own (as the host does on the chair's laptop), both pages
 * are open in the same browser for the whole run, and the two are measured in turns of 20 changes,
 * so a busy moment of the machine falls on both alike.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createHost } from '../../../src-main/host/core/host';
import { signInEveryContext, startHost } from '../../e2e/host-process';
import { percentile } from '../floor';
import type { Report } from '../run';
import { seedEstate } from './scale';

const changes = 200;
const turn = 20;

/** The baseline server (../bare-sse-server.ts) as its own process. */
async function startBareServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('../bare-sse-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^bare (\S+)$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the bare server ended with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Installs, before the change is sent, a promise in the page that resolves when its h2 reads `title`. */
async function watchFor(page: Page, title: string): Promise<void> {
  await page.evaluate(`window.seenAt = new Promise((resolve, reject) => {
    const title = ${JSON.stringify(title)};
    // Already there (the warm-up's first round): nothing to wait for.
    if (document.querySelector('.projector-matter h2')?.textContent === title) return resolve(Date.now());
    // Never seen in 30 s: the bench stops with a reason instead of waiting for ever.
    setTimeout(() => reject(new Error('the page never showed ' + title)), 30000);
    const observer = new MutationObserver(() => {
      if (document.querySelector('.projector-matter h2')?.textContent === title) {
        observer.disconnect();
        resolve(Date.now());
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }); true`);
}

export default async function projectorRatioBench(report: Report): Promise<void> {
  // The estate is written first, then served by the real host process on that file.
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-projector-ratio-'));
  const databasePath = join(dir, 'estate.sqlite');
  const titles = ['第一项：楼道堆物清理', '第二项：电动车集中充电'];
  const seeding = createHost({ databasePath, host: 'browser' });
  const { meetingId } = seedEstate(seeding);
  const agenda: Array<{ id: number; title: string }> = [];
  for (const title of titles) {
    const added = await seeding.invoke('agenda:add', { meetingId, title, text: '' });
    if (!added.ok) throw new Error(added.error.message);
    agenda.push((added.value as { agenda: Array<{ id: number; title: string }> }).agenda.at(-1)!);
  }
  seeding.close();
  const host = await startHost(databasePath);
  const bare = await startBareServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    signInEveryContext(browser);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const projector = await context.newPage();
    await projector.goto(`${host.url}#/projector/${meetingId}`);
    await projector.locator('.projector-quorum').waitFor();
    const door = await context.newPage();
    await door.goto(`${host.url}#/meetings/${meetingId}/check-in`);
    await door.getByText('还有 3000 户未到（共 3000 户）').waitFor();
    const barePage = await context.newPage();
    await barePage.goto(bare.url);
    await barePage.locator('body[data-open="yes"]').waitFor();

    const app = async (index: number) => {
      const item = agenda[index % 2]!;
      await watchFor(projector, item.title);
      const start = Date.now();
      const response = await fetch(`${host.url}api/call/console:setCurrent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: host.chairCookie },
        body: JSON.stringify({ input: { meetingId, agendaItemId: item.id } }),
      });
      if (!((await response.json()) as { ok: boolean }).ok) throw new Error('console:setCurrent was refused');
      return ((await projector.evaluate('window.seenAt')) as number) - start;
    };
    const baseline = async (index: number) => {
      const title = titles[index % 2]!;
      await watchFor(barePage, title);
      const start = Date.now();
      await (await fetch(`${bare.url}change`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) })).json();
      return ((await barePage.evaluate('window.seenAt')) as number) - start;
    };

    // One round of each first, unmeasured: the projector's first matter and both pages' warm-up.
    for (let i = 0; i < 2; i += 1) {
      await app(i);
      await baseline(i);
    }
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let done = 0; done < changes; done += turn) {
      for (let i = 0; i < turn; i += 1) appTimes.push(await app(done + i));
      for (let i = 0; i < turn; i += 1) bareTimes.push(await baseline(done + i));
    }
    const appP95 = percentile(appTimes, 0.95);
    // A clock of whole milliseconds: a bare p95 under 1 ms is counted as 1 ms.
    const bareP95 = Math.max(1, percentile(bareTimes, 0.95));
    report('projector-3000-latency-p50', percentile(appTimes, 0.5), 'ms');
    report('projector-3000-latency-p95', appP95, 'ms');
    report('projector-bare-latency-p50', percentile(bareTimes, 0.5), 'ms');
    report('projector-bare-latency-p95', bareP95, 'ms');
    report('projector-latency-ratio', appP95 / bareP95, 'x');
  } finally {
    await browser.close();
    await bare.stop();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
