/**
 * bench peer-latency-p95-{2,5,10}: edit-to-peer latency of the minutes on loopback, in ms.
 * bench relay-latency-p95: the same for two people whose WebRTC cannot connect (a Chromium that
 * gathers no ICE candidate, as on a Wi-Fi that keeps clients apart): their edits go through the host.
 * N people (separate Chromium contexts) on the minutes page of one meeting, meeting through the
 * host's signaling server, all connected to all over WebRTC. One of them types single characters;
 * the time is from the keydown in the writer's page to the character appearing in each other
 * page's editor (a MutationObserver), both read from the same system clock
 * (performance.timeOrigin + performance.now()). p95 over every edit and every reader.
 * bench peer-latency-ratio-10: the minutes' 10-person p95 divided by the stock collaborative editor's
 * on the same harness (Tiptap StarterKit + Collaboration + CollaborationCaret, y-webrtc with a room
 * password, nothing of the app: tests/bench/pages), and peer-latency-bare-ratio-10 the same divided
 * by bare y-webrtc carrying a Y.Text typed in a textarea. The three are measured in turns, twice each,
 * so a machine busier at one moment weighs on all of them alike.
 * bench desktop-peer-latency-p95: the same between the chair's desktop window (on the host the
 * desktop start-up creates, src-main/index.ts with the electron double) and a member who joined with
 * a code, both ways; reported right after peer-latency-p95-2, the browsers' figure for two people.
 *
 * WebRTC may send nothing off this machine: the measurement runs in a loopback-only network
 * namespace (this module runs itself again there). Needs out/web built (npm run build:web).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { Report } from '../run';
import { keystrokeDelays, typeTimed } from '../../e2e/netns/keystroke-timing';

const sizes = [2, 5, 10];
const edits = 60;
const warmUp = 5;
const port = 4830;
const thisFile = fileURLToPath(import.meta.url);
const root = join(thisFile, '../../../..');

export default async function peerLatency(report: Report): Promise<void> {
  if (!existsSync(join(root, 'out/web/index.html'))) throw new Error('peer-latency: build the UI first (npm run build:web)');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('sh', ['tests/e2e/netns/run-in-netns.sh', process.execPath, '--import', 'tsx', thisFile, '--measure'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(text);
      else reject(new Error(`peer-latency failed (${code}):\n${text}`));
    });
  });
  // The desktop window's figure right after the browsers' of the same size (two people), to compare.
  const names = sizes.map((size) => `peer-latency-p95-${size}`);
  names.splice(1, 0, 'desktop-peer-latency-p95');
  const figure = (name: string) => {
    const match = new RegExp(`^${name}: ([0-9.]+)$`, 'm').exec(output);
    if (!match) throw new Error(`peer-latency: no figure ${name}:\n${output}`);
    return Number(match[1]);
  };
  for (const name of [...names, 'relay-latency-p95']) report(name, figure(name), 'ms');
  const [app, stock, bare] = ['app', 'stock', 'bare'].map((kind) => figure(`turns-${kind}-p95-10`)) as [number, number, number];
  report('peer-latency-turns-p95-10', app, 'ms');
  report('peer-latency-stock-p95-10', stock, 'ms');
  report('peer-latency-bare-p95-10', bare, 'ms');
  report('peer-latency-ratio-10', app / stock, 'x');
  report('peer-latency-bare-ratio-10', app / bare, 'x');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}


/** One of `size` people types; every edit's latency to every other person, in ms. */
async function latencies(browser: Browser, size: number): Promise<number[]> {
  const { startHost } = await import('../../e2e/host-process');
  const host = await startHost(join(mkdtempSync(join(tmpdir(), 'courtyard-bench-')), 'council.sqlite'), { port, demo: true });
  try {
    return await typedOn(browser, size, () => `http://127.0.0.1:${port}/#/meetings/3/minutes`, `.minutes-state[data-state="connected"][data-peers="${size - 1}"]`);
  } finally {
    await host.stop();
  }
}

/**
 * The harness every figure shares: `size` pages (separate contexts) at `address(i)`, each waited
 * on until `connected` shows, then the first types while the others note arrivals.
 */
async function typedOn(browser: Browser, size: number, address: (index: number) => string, connected: string, input?: string): Promise<number[]> {
  const contexts = [];
  try {
    const pages = [];
    for (let i = 0; i < size; i += 1) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 800 } });
      await context.addInitScript(`localStorage.setItem('courtyard.minutes.name', '记录人${'甲乙丙丁戊己庚辛壬癸'[i]}')`);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(address(i));
      pages.push(page);
    }
    for (const page of pages) await page.locator(connected).waitFor({ timeout: 90_000 });
    const [writer, ...readers] = pages as [(typeof pages)[0], ...typeof pages];
    await typeTimed(writer, readers, 'x', warmUp + edits, 40 + size * 5, input);
    return await keystrokeDelays(writer, readers, 'x', warmUp + edits, warmUp);
  } finally {
    for (const context of contexts) await context.close();
  }
}

/**
 * Ten people on the minutes, on the stock editor and on a bare Y.Text, in turns (app, stock,
 * bare, twice): each kind's delays pooled.
 */
async function turns(browser: Browser): Promise<Record<'app' | 'stock' | 'bare', number[]>> {
  const { serveBaselinePages } = await import('../baseline-pages');
  const baseline = await serveBaselinePages(port + 1);
  const pooled = { app: [] as number[], stock: [] as number[], bare: [] as number[] };
  const size = 10;
  const connected = `body[data-peers="${size - 1}"]`;
  try {
    for (let round = 0; round < 2; round += 1) {
      pooled.app.push(...(await latencies(browser, size)));
      const room = `bench-${round}`;
      pooled.stock.push(...(await typedOn(browser, size, (i) => baseline.url('stock-editor', `${room}-stock`, `记录人${i}`), connected)));
      pooled.bare.push(...(await typedOn(browser, size, (i) => baseline.url('bare-text', `${room}-bare`, `记录人${i}`), connected, 'textarea')));
    }
  } finally {
    await baseline.stop();
  }
  return pooled;
}

/**
 * The chair's desktop window ↔ a member: the host the desktop start-up creates (src-main/index.ts
 * with the electron double), the chair's window on the address and with the cookie main gave it, a
 * member who joined as minutes editor with a code. Each types in turn, as the 2-person figure is
 * measured; both directions together.
 */
async function desktopLatencies(browser: Browser): Promise<number[]> {
  const { chairWindow, joinAsEditor, openForEditors, startDesktopHost } = await import('../../e2e/desktop/desktop-host');
  const desktop = await startDesktopHost({ demo: true });
  const pages = [];
  try {
    const code = await openForEditors(desktop, 3);
    const chair = await chairWindow(browser, desktop, '/meetings/3/minutes');
    pages.push(chair);
    await chair.getByLabel('您的名字').fill('记录人甲');
    await chair.getByRole('button', { name: '确定' }).click();
    const member = await joinAsEditor(browser, desktop.origin, code, '记录人乙');
    pages.push(member);
    for (const page of pages) await page.locator('.minutes-state[data-state="connected"][data-peers="1"]').waitFor({ timeout: 90_000 });
    const pause = 40 + 2 * 5;
    await typeTimed(chair, [member], 'x', warmUp + edits, pause);
    const fromChair = await keystrokeDelays(chair, [member], 'x', warmUp + edits, warmUp);
    await typeTimed(member, [chair], 'y', warmUp + edits, pause);
    const toChair = await keystrokeDelays(member, [chair], 'y', warmUp + edits, warmUp);
    return [...fromChair, ...toChair];
  } finally {
    for (const page of pages) await page.context().close();
    await desktop.stop();
  }
}

function print(name: string, values: number[]): void {
  console.log(`${name}: ${percentile(values, 95).toFixed(1)}`);
  console.error(`${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms over ${values.length}`);
}

async function measure(): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const { loopbackOnlyProblem } = await import('../../e2e/netns/loopback-only');
  const { signInEveryContext } = await import('../../e2e/host-process');
  const { webrtcChromium } = await import('../../e2e/netns/webrtc-chromium');
  const problem = loopbackOnlyProblem();
  if (problem) throw new Error(problem);
  const browser = await chromium.launch(webrtcChromium);
  // `--turns-only`: just the ten-person comparison with the baselines (while working on the editor).
  if (process.argv.includes('--turns-only')) {
    signInEveryContext(browser);
    const pooled = await turns(browser).finally(() => browser.close());
    for (const kind of ['app', 'stock', 'bare'] as const) print(`turns-${kind}-p95-10`, pooled[kind]);
    return;
  }
  try {
    // First, while no context carries a browser host's chair cookie: the desktop's chair has its own.
    print('desktop-peer-latency-p95', await desktopLatencies(browser));
    signInEveryContext(browser);
    for (const size of sizes) print(`peer-latency-p95-${size}`, await latencies(browser, size));
    const pooled = await turns(browser);
    for (const kind of ['app', 'stock', 'bare'] as const) print(`turns-${kind}-p95-10`, pooled[kind]);
  } finally {
    await browser.close();
  }
  // Without the loopback flag no ICE candidate is gathered: the edits can only go through the host.
  const isolated = await chromium.launch({ ...webrtcChromium, args: webrtcChromium.args.filter((arg) => arg !== '--allow-loopback-in-peer-connection') });
  signInEveryContext(isolated);
  try {
    print('relay-latency-p95', await latencies(isolated, 2));
  } finally {
    await isolated.close();
  }
}

if (process.argv.includes('--measure') && process.argv[1] === thisFile) {
  measure().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
