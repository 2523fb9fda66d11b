/**
 * The desktop app's minutes window is a live peer like every other: the host is the one the desktop
 * start-up creates (src-main/index.ts with the electron double, tests/e2e/desktop/start-up.ts), the
 * chair's window is Chromium on the address that window was told to load with the cookie main set,
 * and two members join as minutes editors with a code. Every keystroke reaches the others over
 * WebRTC data channels, within a second (no 5-second following), and each page says it is direct.
 *
 * WebRTC must send nothing off this machine: like minutes-peers.spec.ts, this file runs itself
 * again in a loopback-only network namespace.
 */
import { test, expect, type Page } from '@playwright/test';
import { chairWindow, joinAsEditor, startDesktopHost, type DesktopHost } from './desktop/desktop-host';
import { keystrokeDelays, typeTimed } from './netns/keystroke-timing';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { rerunInside } from './netns/rerun-inside';
import { minutesText } from './pages/minutes-text';
import { webrtcChromium } from './netns/webrtc-chromium';

rerunInside(
  { title: 'the desktop window’s minutes tests pass in a loopback-only network namespace', script: 'run-in-netns.sh', specFile: 'tests/e2e/desktop-minutes.spec.ts' },
  defineNamespaceTests,
);

function defineNamespaceTests() {
  test.use({ launchOptions: webrtcChromium });

  test.beforeAll(() => {
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);
  });

  let desktop: DesktopHost | null = null;
  test.afterEach(async () => {
    await desktop?.stop();
    desktop = null;
  });

  const meetingId = 3;
  const state = (page: Page) => page.locator('.minutes-state');
  const path = (page: Page) => page.locator('.minutes-path');

  test('the chair’s desktop window and two members co-edit the minutes as peers: every keystroke reaches the others directly, within a second', async ({ browser }) => {
    test.setTimeout(180_000);
    desktop = await startDesktopHost({ demo: true });
    expect(desktop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    // The chair's window opens the meeting for minutes editors on the desktop's access page.
    const chair = await chairWindow(browser, desktop, '/access');
    await expect(chair.getByRole('heading', { name: '局域网加入' })).toBeVisible();
    await chair.getByRole('radio', { name: /会议记录员/ }).check();
    await chair.getByRole('button', { name: '开放加入' }).click();
    await expect(chair.getByTestId('join-code')).toBeVisible();
    const code = (await chair.getByTestId('join-code').textContent())!.trim();

    const members = [await joinAsEditor(browser, desktop.origin, code, '记录员小孙'), await joinAsEditor(browser, desktop.origin, code, '住户老陈')];
    await chair.goto(`${desktop.url}#/meetings/${meetingId}/minutes`);
    await chair.getByLabel('您的名字').fill('李秀英');
    await chair.getByRole('button', { name: '确定' }).click();
    const pages = [chair, ...members];
    for (const page of pages) {
      await expect(state(page)).toHaveText('已连接 2 人', { timeout: 30_000 });
      // Data channels to both others, none through the host.
      await expect(path(page)).toHaveAttribute('data-path', 'direct', { timeout: 30_000 });
      await expect(path(page)).toHaveText('· 直连');
    }
    await expect(chair.locator('.minutes-people li')).toHaveCount(3);
    for (const name of ['李秀英 （我）', '记录员小孙', '住户老陈']) await expect(chair.locator('.minutes-people ul')).toContainText(name);

    // Each in turn types; each keystroke is timed from its keydown to its arrival in the other two.
    const keys = ['a', 'b', 'c'];
    const strokes = 12;
    for (const [index, writer] of pages.entries()) {
      const readers = pages.filter((page) => page !== writer);
      await typeTimed(writer, readers, keys[index]!, strokes, 40);
      const delays = await keystrokeDelays(writer, readers, keys[index]!, strokes, 0, 10_000);
      expect(delays).toHaveLength(strokes * readers.length);
      expect(Math.max(...delays), `keystroke delays from page ${index}: ${delays.map((d) => d.toFixed(1)).join(', ')}`).toBeLessThan(1000);
    }
    // Everyone has the same minutes, with all three lines of typing in it.
    const texts = await Promise.all(pages.map(minutesText));
    for (const text of texts) expect(text).toBe(texts[0]);
    for (const key of keys) expect(texts[0]).toContain(key.repeat(strokes));
    // Still peers after all of it.
    for (const page of pages) await expect(path(page)).toHaveAttribute('data-path', 'direct');
    for (const page of pages) await page.context().close();
  });
}
