/**
 * Removal is removal: when the chair removes a minutes editor, the host closes that browser's
 * signaling and relay connection at once and refuses it everything, and the meeting's room moves
 * to a new name and password, which the others learn from the host and follow; the removed
 * browser's data channels go with the old room. Closing joining does the same for everyone who
 * joined. The join link carries no room key: an editor gets the room from the host after joining.
 *
 * The removed page here does not cooperate: it never asks whether it is still in (its whoami is
 * blocked), as a page that wanted to keep listening would; only the host and the other pages end it.
 *
 * Runs in a loopback-only network namespace, like minutes-peers.spec.ts. The editors open the host
 * as localhost, the secretary as 127.0.0.1: the chair's session cookie is kept by host name, so the
 * editors are participants, not the chair.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { chairInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { rerunInside } from './netns/rerun-inside';
import { webrtcChromium } from './netns/webrtc-chromium';

rerunInside(
  { title: 'a removed minutes editor is cut off (run in a loopback-only network namespace)', script: 'run-in-netns.sh', specFile: 'tests/e2e/minutes-removal.spec.ts' },
  defineRemovalTests,
);

const meetingId = 3;

function defineRemovalTests() {
  test.use({ launchOptions: webrtcChromium });
  chairInEveryContext();
  let host: HostProcess | null = null;

  test.beforeAll(() => {
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);
  });
  test.afterEach(async () => {
    await host?.stop();
    host = null;
  });

  async function chairCall<T>(channel: string, input: unknown): Promise<T> {
    const response = await fetch(`${host!.url}api/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: host!.chairCookie },
      body: JSON.stringify({ input }),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
    return body.value;
  }

  const editor = (page: Page) => page.locator('.ProseMirror');
  const state = (page: Page) => page.locator('.minutes-state');
  const text = (page: Page) =>
    page.evaluate(
      `(() => { const node = document.querySelector('.ProseMirror'); if (!node) return ''; const copy = node.cloneNode(true); copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove()); return copy.innerText; })()`,
    ) as Promise<string>;

  async function typeAtEnd(page: Page, words: string) {
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(words, { delay: 10 });
  }

  async function joinAsEditor(browser: Browser, link: string, name: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(link);
    await page.getByLabel('您的名字').fill(name);
    await page.getByRole('button', { name: '加入' }).click();
    await expect(editor(page)).toBeVisible();
    return page;
  }

  /** Whether this page can open a signaling connection to the host now. */
  const signalingOpens = (page: Page) =>
    page.evaluate(
      `new Promise((resolve) => { const socket = new WebSocket(location.origin.replace('http', 'ws') + '/signal'); socket.onopen = () => { socket.close(); resolve(true); }; socket.onclose = () => resolve(false); socket.onerror = () => resolve(false); })`,
    ) as Promise<boolean>;

  const callFromPage = (page: Page, channel: string, input: unknown) =>
    page.evaluate(
      `fetch('/api/call/${channel}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: ${JSON.stringify(input)} }) }).then((response) => response.json())`,
    ) as Promise<{ ok: boolean; error?: { code: string } }>;

  test('a removed editor stops receiving within 2 s and cannot send; the others move to a new room and keep writing together; closing joining cuts off the rest', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    host = await startHost(tempDatabasePath(), { demo: true });
    const port = new URL(host.url).port;
    const before = await chairCall<{ room: { name: string; password: string } }>('minutes:open', { meetingId });
    const opening = await chairCall<{ joinUrl: string; joinUrls: string[] }>('access:openLan', { meetingId, role: 'editor', validMinutes: 60 });
    // The link (and its QR code) carries the code and nothing of the room.
    for (const url of opening.joinUrls) {
      expect(url).not.toContain('#');
      expect(url).not.toContain(before.room.password);
      expect(url).not.toContain(before.room.name);
    }
    const link = opening.joinUrl.replace(/^http:\/\/[^/]+/, `http://localhost:${port}`);

    const secretary = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })).newPage();
    await secretary.goto(`${host.url}#/meetings/${meetingId}/minutes`);
    await secretary.getByLabel('您的名字').fill('李秀英');
    await secretary.getByRole('button', { name: '确定' }).click();
    const kept = await joinAsEditor(browser, link, '记录员小孙');
    const removed = await joinAsEditor(browser, link, '记录员小钱');
    // The removed page never learns from the app that it was removed.
    await removed.route((url) => decodeURIComponent(url.pathname) === '/api/call/access:whoami', (route) => route.abort());
    for (const page of [secretary, kept, removed]) await expect(state(page)).toHaveText('已连接 2 人', { timeout: 30_000 });
    await typeAtEnd(secretary, '请出之前大家都看得到');
    for (const page of [kept, removed]) await expect.poll(() => text(page)).toContain('请出之前大家都看得到');

    const { participants } = await chairCall<{ participants: Array<{ id: number; name: string }> }>('access:participants', { meetingId });
    const target = participants.find((person) => person.name === '记录员小钱')!;
    const removedAt = Date.now();
    await chairCall('access:remove', { participantId: target.id });
    // Within 2 s the removed page has no peer and no signaling; then the other two reach each other in the new room.
    const withinTwoSeconds = () => ({ timeout: Math.max(1, 2000 - (Date.now() - removedAt)), intervals: [50] });
    await expect.poll(async () => [await state(removed).getAttribute('data-peers'), await state(removed).getAttribute('data-state')], withinTwoSeconds()).toEqual(['0', 'connecting']);
    console.log(`removed editor cut off ${Date.now() - removedAt} ms after access:remove`);
    for (const page of [secretary, kept]) await expect(state(page)).toHaveText('已连接 1 人');
    console.log(`the others reconnected in the new room ${Date.now() - removedAt} ms after access:remove`);
    const after = await chairCall<{ room: { name: string; password: string } }>('minutes:open', { meetingId });
    expect(after.room.name).not.toBe(before.room.name);
    expect(after.room.password).not.toBe(before.room.password);

    // The host refuses the removed browser everything: signaling, relay, pushes, the room.
    expect(await signalingOpens(removed)).toBe(false);
    expect(await callFromPage(removed, 'minutes:open', { meetingId })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await callFromPage(removed, 'minutes:push', { meetingId, updateBase64: 'AAAA', origin: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // The two others keep writing together; nothing reaches the removed page, nothing of it reaches them.
    await typeAtEnd(removed, '被请出的人还想写');
    await expect(removed.locator('.minutes-status .error-note')).toBeVisible();
    await typeAtEnd(secretary, '请出之后的决定');
    await expect.poll(() => text(kept)).toContain('请出之后的决定');
    await typeAtEnd(kept, '小孙接着记');
    await expect.poll(() => text(secretary)).toContain('小孙接着记');
    expect(await text(removed)).not.toContain('请出之后的决定');
    expect(await text(removed)).not.toContain('小孙接着记');
    for (const page of [secretary, kept]) expect(await text(page)).not.toContain('被请出的人还想写');

    // Closing joining removes the last editor the same way; the secretary's room moves again.
    const closedAt = Date.now();
    await chairCall('access:closeLan', { meetingId });
    const closedWithinTwoSeconds = () => ({ timeout: Math.max(1, 2000 - (Date.now() - closedAt)), intervals: [50] });
    // The page may also have noticed it is out and left the minutes: then it has no peer either.
    await expect.poll(async () => ((await state(kept).count()) ? await state(kept).getAttribute('data-peers') : '0'), closedWithinTwoSeconds()).toBe('0');
    await expect.poll(() => state(secretary).textContent(), closedWithinTwoSeconds()).toBe('已连接 0 人');
    expect((await chairCall<{ room: { name: string } }>('minutes:open', { meetingId })).room.name).not.toBe(after.room.name);
    expect(await signalingOpens(kept)).toBe(false);
    await typeAtEnd(secretary, '关闭加入之后');
    await expect(secretary.locator('.minutes-saved')).toHaveAttribute('data-unsaved', '0');
    expect(await text(kept)).not.toContain('关闭加入之后');
  });
}
