import { chromium } from '@playwright/test';
import { signInEveryContext, startHost, tempDatabasePath } from '../e2e/host-process';

type Report = (name: string, value: number, unit: string) => void;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Console-to-projector latency: the chair moves between two matters 200 times
 * through the host; each time, the time until the projector page in Chromium shows
 * the new matter's title (a MutationObserver stamps it in the page).
 */
export async function projectorLatency(report: Report): Promise<void> {
  const host = await startHost(tempDatabasePath(), { demo: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    signInEveryContext(browser);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${host.url}#/projector/3`);
    await page.waitForSelector('.projector-matter h2');
    const post = async (channel: string, input: unknown) => {
      const response = await fetch(`${host.url}api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: host.chairCookie },
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as { ok: boolean; value: { agenda: Array<{ id: number; title: string }> } };
    };
    const agenda = (await post('meeting:get', { meetingId: 3 })).value.agenda;
    const latencies: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const item = agenda[(i + 1) % 2]!;
      // Installed before the change is sent, and passed as text so the page runs it as written.
      await page.evaluate(`window.seenAt = new Promise((resolve) => {
        const title = ${JSON.stringify(item.title)};
        const observer = new MutationObserver(() => {
          if (document.querySelector('.projector-matter h2')?.textContent === title) {
            observer.disconnect();
            resolve(Date.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }); true`);
      const start = Date.now();
      await post('console:setCurrent', { meetingId: 3, agendaItemId: item.id });
      const seen = (await page.evaluate('window.seenAt')) as number;
      latencies.push(seen - start);
    }
    latencies.sort((a, b) => a - b);
    report('projector-latency-p50', percentile(latencies, 50), 'ms');
    report('projector-latency-p95', percentile(latencies, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
  }
}
