/**
 * The minutes written together over WebRTC, in Chromium, through the host's own signaling server.
 *
 * WebRTC must send nothing off this machine, so these tests run in a network namespace that has
 * only loopback (`unshare -n`, `ip link set lo up`). Run from anywhere else (e.g. `npm run
 * test:e2e`), this file runs itself again in such a namespace and passes or fails with it;
 * inside one, it checks that loopback really is the only interface before anything starts.
 */
import { test, expect, chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chairInEveryContext, signInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { minutesParagraphs, minutesText } from './pages/minutes-text';
import { rerunInside } from './netns/rerun-inside';
import { webrtcChromium } from './netns/webrtc-chromium';

rerunInside(
  { title: 'the WebRTC minutes tests pass in a loopback-only network namespace', script: 'run-in-netns.sh', specFile: 'tests/e2e/minutes-peers.spec.ts' },
  defineNamespaceTests,
);

function defineNamespaceTests() {
  test.describe.configure({ mode: 'serial' });
  test.use({ launchOptions: webrtcChromium });
  chairInEveryContext();

  test.beforeAll(() => {
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);
  });

  // A fixed port inside the test's own namespace: the host can be stopped and started again at the
  // same address while the pages stay open.
  const port = 4820;
  const meetingId = 3;
  let host: HostProcess | null = null;
  test.afterEach(async () => {
    await host?.stop();
    host = null;
  });

  async function join(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
    // A context of its own for each person: tabs of one context would sync by BroadcastChannel and hide WebRTC.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/#/meetings/${meetingId}/minutes`);
    await page.getByLabel('您的名字').fill(name);
    await page.getByRole('button', { name: '确定' }).click();
    await expect(editor(page)).toBeVisible();
    return { context, page };
  }

  const editor = (page: Page) => page.locator('.ProseMirror');
  const state = (page: Page) => page.locator('.minutes-state');
  const text = minutesText;
  const paragraphs = minutesParagraphs;

  /**
   * Puts the cursor at the end of a paragraph and types. A click is read by ProseMirror a moment
   * later; a peer's edit arriving in between can put the cursor back where it was, so the click
   * is checked (and repeated), as a person would look before typing.
   */
  async function typeAtEndOf(page: Page, paragraph: number, words: string) {
    const target = editor(page).locator('p').nth(paragraph);
    const inTarget = `(() => { const node = getSelection().anchorNode; const p = document.querySelectorAll('.ProseMirror p')[${paragraph}]; return !!node && !!p && p.contains(node); })()`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await target.click();
      await page.keyboard.press('End');
      await page.waitForTimeout(50);
      if (await page.evaluate(inTarget)) break;
    }
    await page.keyboard.type(words, { delay: 15 });
  }

  async function converged(pages: Page[]): Promise<string> {
    let agreed = '';
    await expect
      .poll(
        async () => {
          const texts = await Promise.all(pages.map(text));
          agreed = texts[0]!;
          return texts.every((t) => t === texts[0]);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return agreed;
  }

  /** What a wifi drop does to a page: requests fail, and the browser says it is offline. */
  async function goOffline(context: BrowserContext, page: Page) {
    await context.setOffline(true);
    await page.evaluate(`window.dispatchEvent(new Event('offline'))`);
  }
  async function comeBack(context: BrowserContext, page: Page) {
    await context.setOffline(false);
    await page.evaluate(`window.dispatchEvent(new Event('online'))`);
  }

  test('three people type at once and converge; one goes offline, edits and converges; the host restarts and the minutes reload identically', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const databasePath = tempDatabasePath();
    host = await startHost(databasePath, { port, demo: true });
    const people = [await join(browser, '王建国'), await join(browser, '李秀英'), await join(browser, '张志强')];
    const pages = people.map((person) => person.page);
    for (const page of pages) await expect(state(page)).toHaveText('已连接 2 人', { timeout: 20_000 });
    // Each sees the other two in the list of who is editing.
    await expect(pages[0]!.locator('.minutes-people li')).toHaveCount(3);
    for (const name of ['王建国 （我）', '李秀英', '张志强']) await expect(pages[0]!.locator('.minutes-people ul')).toContainText(name);

    const [first] = pages as [Page, Page, Page];
    await editor(first).click();
    await first.keyboard.press('Control+End');
    await first.keyboard.press('Enter');
    await first.keyboard.type('一、');
    await first.keyboard.press('Enter');
    await first.keyboard.type('二、');
    await first.keyboard.press('Enter');
    await first.keyboard.type('三、');
    await converged(pages);
    const base = (await paragraphs(first)).length - 3;

    // All three type at the same moment, each in a paragraph of their own.
    const words = ['同意在三号楼前加装路灯', '费用由公共收益支出', '下月底前完成施工'];
    await Promise.all(pages.map((page, index) => typeAtEndOf(page, base + index, words[index]!)));
    await converged(pages);
    expect((await paragraphs(first)).slice(base, base + 3)).toEqual([`一、${words[0]}`, `二、${words[1]}`, `三、${words[2]}`]);

    // The third goes offline, keeps writing; the first writes too; then the third comes back.
    const [, , third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await goOffline(third.context, third.page);
    await expect(state(third.page)).toHaveText('离线，修改会在恢复后同步');
    await typeAtEndOf(third.page, base + 2, '，由物业监督');
    await typeAtEndOf(first, base, '（全体通过）');
    await expect(third.page.locator('.minutes-saved')).toHaveAttribute('data-unsaved', /^[1-9]/);
    await expect.poll(() => text(pages[1]!)).toContain('（全体通过）');
    expect(await text(pages[1]!)).not.toContain('由物业监督');
    await comeBack(third.context, third.page);
    await expect(state(third.page)).toHaveText('已连接 2 人', { timeout: 20_000 });
    const afterOffline = await converged(pages);
    expect(afterOffline).toContain(`三、${words[2]}，由物业监督`);
    expect(afterOffline).toContain(`一、${words[0]}（全体通过）`);

    // The host goes down while people keep writing, and comes back at the same address.
    for (const page of pages) await expect(page.locator('.minutes-saved')).toHaveAttribute('data-unsaved', '0');
    await host.stop();
    await typeAtEndOf(pages[1]!, base + 1, '，主机重启时写下');
    await expect(pages[1]!.locator('.minutes-saved')).toHaveAttribute('data-unsaved', /^[1-9]/);
    host = await startHost(databasePath, { port });
    for (const page of pages) await expect(page.locator('.minutes-saved')).toHaveAttribute('data-unsaved', '0', { timeout: 20_000 });
    const final = await converged(pages);
    expect(final).toContain('主机重启时写下');
    for (const person of people) await person.context.close();

    // Nobody else online: a fresh browser can only get the minutes from the host, after another restart.
    await host.stop();
    host = await startHost(databasePath, { port });
    const fresh = await join(browser, '新来的人');
    await expect.poll(() => text(fresh.page), { timeout: 15_000 }).toBe(final);
    await expect(state(fresh.page)).toHaveText('已连接 0 人');
    await fresh.context.close();
  });

  test('WebRTC blocked (a Wi-Fi that keeps clients apart): two people see each other through the host within 2 s, and the status says so', async () => {
    test.setTimeout(90_000);
    host = await startHost(tempDatabasePath(), { port, demo: true });
    // Without the loopback flag Chromium gathers no ICE candidate here: no data channel can open.
    const isolated = await chromium.launch({
      ...webrtcChromium,
      args: webrtcChromium.args.filter((arg) => arg !== '--allow-loopback-in-peer-connection'),
    });
    const undoSignIn = signInEveryContext(isolated);
    try {
      const people = [await join(isolated, '王建国'), await join(isolated, '李秀英')];
      const [first, second] = people.map((person) => person.page) as [Page, Page];
      for (const page of [first, second]) {
        await expect(state(page)).toHaveText('已连接 1 人', { timeout: 20_000 });
        await expect(page.locator('.minutes-path')).toHaveText('· 经主机转发');
      }
      // Nobody is left "connecting": the one peer is reached, through the host.
      await expect(first.locator('.minutes-status')).not.toContainText('正在与');
      await expect(first.locator('.minutes-people li')).toHaveCount(2);

      await editor(first).click();
      await first.keyboard.press('Control+End');
      await first.keyboard.press('Enter');
      await first.keyboard.type('经主机转发的第一句');
      await expect.poll(() => text(second), { timeout: 2000 }).toContain('经主机转发的第一句');
      await editor(second).click();
      await second.keyboard.press('Control+End');
      await second.keyboard.press('Enter');
      await second.keyboard.type('第二个人的回答');
      await expect.poll(() => text(first), { timeout: 2000 }).toContain('第二个人的回答');
      // A paste too large for one relayed frame reaches the other through the host's copy.
      const pasted = `${'议事'.repeat(6000)}完`;
      await first.keyboard.press('Enter');
      await first.keyboard.insertText(pasted);
      await expect.poll(() => text(second), { timeout: 10_000 }).toContain(pasted);
      await converged([first, second]);
      // The data channel never opened: it was the host that carried the text.
      expect(await first.locator('.minutes-path').getAttribute('data-path')).toBe('relay');
      for (const person of people) await person.context.close();
    } finally {
      undoSignIn();
      await isolated.close();
    }
  });

  test('the host keeps what any peer has: a member types and closes the tab before saving, the other browser saves it, everyone leaves, the host restarts, the text is there', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const databasePath = tempDatabasePath();
    host = await startHost(databasePath, { port, demo: true });
    const writer = await join(browser, '王建国');
    const other = await join(browser, '李秀英');
    await expect(state(writer.page)).toHaveText('已连接 1 人', { timeout: 20_000 });
    await expect(state(other.page)).toHaveText('已连接 1 人', { timeout: 20_000 });
    // The writer's own outbox never reaches the host: the tab is closed before it sent.
    await writer.page.route((url) => decodeURIComponent(url.pathname) === '/api/call/minutes:push', (route) => route.abort());
    await editor(writer.page).click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.press('Enter');
    await writer.page.keyboard.type('只在别人浏览器里的一句话');
    await expect.poll(() => text(other.page)).toContain('只在别人浏览器里的一句话');
    await writer.context.close();
    // The other browser received it over WebRTC and saves it on the host.
    await expect(other.page.locator('.minutes-saved')).toHaveAttribute('data-unsaved', '0');
    await other.context.close();

    await host.stop();
    host = await startHost(databasePath, { port });
    const fresh = await join(browser, '新来的人');
    await expect.poll(() => text(fresh.page), { timeout: 15_000 }).toContain('只在别人浏览器里的一句话');
    await fresh.context.close();
  });

  test('Chinese input: typed text, inserted text and an IME composition each arrive once, at every peer', async ({ browser }) => {
    host = await startHost(tempDatabasePath(), { port, demo: true });
    const writer = await join(browser, '王建国');
    const reader = await join(browser, '李秀英');
    await expect(state(writer.page)).toHaveText('已连接 1 人', { timeout: 20_000 });
    await editor(writer.page).click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.press('Enter');
    await writer.page.keyboard.insertText('会议决定');
    const cdp = await writer.context.newCDPSession(writer.page);
    // What a pinyin IME does: a composition that changes as keys are pressed, then commits.
    await cdp.send('Input.imeSetComposition', { text: 'x', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'xiu', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '修路', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '修路' });
    await writer.page.keyboard.insertText('。');
    for (const page of [writer.page, reader.page]) {
      await expect.poll(() => paragraphs(page)).toContain('会议决定修路。');
      const all = await text(page);
      expect(all.split('会议决定').length).toBe(2);
      expect(all).not.toContain('xiu');
    }
    await writer.context.close();
    await reader.context.close();
  });

  test('interoperability: the unmodified y-webrtc client from npm, in Node, syncs with the app', async ({ browser }) => {
    host = await startHost(tempDatabasePath(), { port, demo: true });
    const person = await join(browser, '王建国');
    await editor(person.page).click();
    await person.page.keyboard.press('Control+End');
    await person.page.keyboard.press('Enter');
    await person.page.keyboard.type('网页里写的一句话');

    const { joinWithStockClient } = await import('./netns/stock-peer');
    const peer = await joinWithStockClient(`http://127.0.0.1:${port}`, meetingId, '节点', host.chairCookie);
    try {
      await expect.poll(() => peer.text(), { timeout: 20_000 }).toContain('网页里写的一句话');
      peer.appendParagraph('节点写的一句话');
      await expect.poll(() => text(person.page), { timeout: 20_000 }).toContain('节点写的一句话');
      await expect(state(person.page)).toHaveText('已连接 1 人');
    } finally {
      peer.close();
      await person.context.close();
    }
  });
}
