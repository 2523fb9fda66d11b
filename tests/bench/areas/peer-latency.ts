/**
 * bench peer-latency-p95-{2,5,10}: edit-to-peer latency of the minutes on loopback, in ms.
 * bench relay-latency-p95: the same for two people whose WebRTC cannot connect (a Chromium that
 * gathers no ICE candidate, as on a Wi-Fi that keeps clients apart): their edits go through the host.
 * N people (separate Chromium contexts) on the minutes page of one meeting, meeting through the
 * host's signaling server, all connected to all over WebRTC. One of them types single characters;
 * the time is from the keydown in the writer's page to the character appearing in each other
 * page's editor (a MutationObserver), both read from the same system clock
 * (performance.timeOrigin + performance.now()). p95 over every edit and every reader.
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
  for (const name of [...sizes.map((size) => `peer-latency-p95-${size}`), 'relay-latency-p95']) {
    const match = new RegExp(`^${name}: ([0-9.]+)$`, 'm').exec(output);
    if (!match) throw new Error(`peer-latency: no figure ${name}:\n${output}`);
    report(name, Number(match[1]), 'ms');
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}


/** One of `size` people types; every edit's latency to every other person, in ms. */
async function latencies(browser: Browser, size: number): Promise<number[]> {
  const { startHost } = await import('../../e2e/host-process');
  const host = await startHost(join(mkdtempSync(join(tmpdir(), 'courtyard-bench-')), 'council.sqlite'), { port, demo: true });
  const contexts = [];
  try {
    const pages = [];
    for (let i = 0; i < size; i += 1) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 800 } });
      await context.addInitScript(`localStorage.setItem('courtyard.minutes.name', '记录人${'甲乙丙丁戊己庚辛壬癸'[i]}')`);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/#/meetings/3/minutes`);
      pages.push(page);
    }
    for (const page of pages) {
      await page.locator(`.minutes-state[data-state="connected"][data-peers="${size - 1}"]`).waitFor({ timeout: 90_000 });
    }
    const [writer, ...readers] = pages as [(typeof pages)[0], ...typeof pages];
    for (const reader of readers) {
      await reader.evaluate(`(() => {
        window.__arrivals = [];
        const editor = document.querySelector('.ProseMirror');
        const count = () => (editor.textContent.match(/x/g) || []).length;
        new MutationObserver(() => {
          const now = performance.timeOrigin + performance.now();
          for (let k = window.__arrivals.length; k < count(); k += 1) window.__arrivals.push(now);
        }).observe(editor, { childList: true, subtree: true, characterData: true });
      })()`);
    }
    await writer.locator('.ProseMirror').click();
    await writer.keyboard.press('Control+End');
    await writer.evaluate(`(() => {
      window.__sent = [];
      window.addEventListener('keydown', (event) => {
        if (event.key === 'x') window.__sent.push(performance.timeOrigin + performance.now());
      }, true);
    })()`);
    for (let k = 0; k < warmUp + edits; k += 1) {
      await writer.keyboard.press('x');
      await writer.waitForTimeout(40 + size * 5);
    }
    const total = warmUp + edits;
    for (const reader of readers) await reader.waitForFunction(`window.__arrivals.length >= ${total}`, undefined, { timeout: 60_000 });
    const sent = (await writer.evaluate('window.__sent')) as number[];
    const result: number[] = [];
    for (const reader of readers) {
      const arrivals = (await reader.evaluate('window.__arrivals')) as number[];
      for (let k = warmUp; k < total; k += 1) result.push(arrivals[k]! - sent[k]!);
    }
    return result;
  } finally {
    for (const context of contexts) await context.close();
    await host.stop();
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
  signInEveryContext(browser);
  try {
    for (const size of sizes) print(`peer-latency-p95-${size}`, await latencies(browser, size));
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
