/**
 * Joining over the LAN, in browsers: the chair opens the meeting for a door volunteer and for
 * viewers; a phone on the "LAN" (a veth pair inside a private network namespace, so the host sees
 * a non-loopback address and nothing leaves the machine) sees nothing but the join form until it
 * types the code, then only its role's page; the host refuses what the role may not do even when
 * the page is bypassed; a minutes editor on the phone writes together with the secretary at the
 * chair's computer over WebRTC; the chair sees who joined, removes one, closes joining, and the LAN
 * listener goes away.
 *
 * Run from anywhere else, this file runs itself again in such a namespace.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { rerunInside } from './netns/rerun-inside';
import { webrtcChromium } from './netns/webrtc-chromium';
import { decodeQrPng, qrCodesInDocx } from './qr-decode';

const lanAddress = '10.77.0.1';

rerunInside(
  { title: 'joining over the LAN works in browsers (run in a namespace with a private LAN)', script: 'run-in-lan-netns.sh', specFile: 'tests/e2e/access-lan.spec.ts' },
  defineLanTests,
);

/** Whether anything answers on the LAN address at this port (the chair's LAN listener). */
function lanAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: lanAddress, port, path: '/', method: 'GET', agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 915 } });
  return context.newPage();
}

/** The chair opens the meeting for a role and reads the code and the LAN link off the card. */
async function openFor(chair: Page, role: RegExp): Promise<{ code: string; url: string }> {
  await chair.getByRole('radio', { name: role }).check();
  await chair.getByRole('button', { name: '开放加入' }).click();
  await expect(chair.getByRole('button', { name: '开放加入' })).toBeEnabled();
  await expect(chair.getByTestId('join-code')).toBeVisible();
  const code = (await chair.getByTestId('join-code').textContent())!.trim();
  const url = (await chair.locator('.access-urls code').first().textContent())!.trim();
  return { code, url };
}

/** A call from the page's own browser (its cookie included), bypassing the buttons. */
async function callFromPage(page: Page, channel: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  return (await page.evaluate(
    `fetch('/api/call/${channel}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: ${JSON.stringify(input)} }) })
       .then(async (response) => ({ status: response.status, body: await response.json() }))`,
  )) as { status: number; body: { ok: boolean; error?: { code: string; message: string } } };
}

function defineLanTests() {
  // The WebRTC flags of the platform notes, for the minutes written from a phone.
  test.use({ launchOptions: webrtcChromium });
  const host = demoHostPerTest();

  test('door volunteer and viewer join by code, can do only their part, the chair removes one and closes joining', async ({ browser }) => {
    test.setTimeout(180_000);
    const port = Number(new URL(host.url).port);
    const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();

    // Before the chair opens anything, the host is not on the LAN at all.
    expect(await lanAnswers(port)).toBe(false);
    await chair.goto(`${host.url}#/access`);
    await expect(chair.getByRole('heading', { name: '局域网加入' })).toBeVisible();
    await expect(chair.getByText('这次会议现在没有开放加入')).toBeVisible();

    const door = await openFor(chair, /门口签到志愿者/);
    expect(door.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // One link per LAN address (the namespace has two); the code travels without its dash.
    expect(door.url).toMatch(new RegExp(`^http://10\\.77\\.0\\.[12]:${port}/join\\?code=${door.code.replace('-', '')}$`));
    await expect(chair.locator('.access-urls code')).toHaveCount(2);
    await expect(chair.locator('.access-qr img')).toBeVisible();
    await expect(chair.getByText('本机正在局域网上开放。')).toBeVisible();
    expect(await lanAnswers(port)).toBe(true);

    // A phone without the code gets the join form and nothing else, whatever it asks for.
    const stranger = await phone(browser);
    await stranger.goto(`http://${lanAddress}:${port}/#/roster`);
    await expect(stranger.getByRole('heading', { name: '加入会议' })).toBeVisible();
    await expect(stranger.getByText('住户名册')).toHaveCount(0);
    const peek = await callFromPage(stranger, 'person:list', { councilId: 1 });
    expect(peek.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // A wrong code is refused in plain words.
    await stranger.getByLabel('加入码').fill('ABCD-EFGH');
    await stranger.getByLabel('您的名字').fill('路人');
    await stranger.getByRole('button', { name: '加入' }).click();
    await expect(stranger.getByText('加入码不对或已失效')).toBeVisible();

    // The door volunteer scans the QR code (the same link), types a name and lands on check-in.
    const volunteer = await phone(browser);
    await volunteer.goto(door.url);
    await expect(volunteer.getByLabel('加入码')).toHaveValue(door.code);
    await volunteer.getByLabel('您的名字').fill('门口小赵');
    await volunteer.getByRole('button', { name: '加入' }).click();
    await expect(volunteer.getByText('您以“门口签到志愿者”身份加入了：院落议事会（12 月）')).toBeVisible();
    expect(new URL(volunteer.url()).search).toBe('');
    await volunteer.getByRole('searchbox', { name: '查找到会人员' }).fill('1-1-301');
    await volunteer.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '签到' }).first().click();
    await expect(volunteer.getByRole('table', { name: '签到名单' }).locator('tbody tr')).toHaveCount(1);
    // The host, not the page, keeps the volunteer to the door: starting a vote is refused.
    const vote = await callFromPage(volunteer, 'vote:start', { meetingId: 3, agendaItemId: 1, rule: 'resident' });
    expect(vote.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherMeeting = await callFromPage(volunteer, 'attendance:get', { meetingId: 2 });
    expect(otherMeeting.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // A viewer sees the projector of this meeting and cannot change anything.
    const viewerCode = await openFor(chair, /只看/);
    const viewer = await phone(browser);
    await viewer.goto(viewerCode.url);
    await viewer.getByLabel('您的名字').fill('住户老陈');
    await viewer.getByRole('button', { name: '加入' }).click();
    await expect(viewer.getByRole('heading', { name: '院落议事会（12 月）' })).toBeVisible();
    await expect(viewer.getByRole('status', { name: '到会情况' })).toContainText('到会 1 户');
    const checkIn = await callFromPage(viewer, 'attendance:checkOut', { meetingId: 3, personId: 1 });
    expect(checkIn.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // A minutes editor lands on this meeting's minutes, under the name they joined with.
    const editorCode = await openFor(chair, /会议记录员/);
    const editor = await phone(browser);
    await editor.goto(editorCode.url);
    await editor.getByLabel('您的名字').fill('记录员小孙');
    await editor.getByRole('button', { name: '加入' }).click();
    // The page's own title: the minutes inside the editor start with a heading of the same words.
    await expect(editor.getByRole('heading', { name: '院落议事会（12 月） › 会议记录' })).toBeVisible();
    await expect(editor.getByText('您以“会议记录员”身份加入了：院落议事会（12 月）')).toBeVisible();
    // The phone writes the minutes together with the secretary at the chair's computer, over
    // WebRTC in the encrypted room. http://<LAN address> is not a secure origin, so the phone has
    // no crypto.subtle of its own: the room password's cryptography comes from lan-crypto.ts.
    expect(await editor.evaluate('window.isSecureContext')).toBe(false);
    const secretary = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
    await secretary.goto(`${host.url}#/meetings/3/minutes`);
    await secretary.getByLabel('您的名字').fill('李秀英');
    await secretary.getByRole('button', { name: '确定' }).click();
    for (const page of [editor, secretary]) await expect(page.locator('.minutes-state')).toHaveText('已连接 1 人', { timeout: 30_000 });
    await editor.locator('.ProseMirror').click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type('手机上记：五栋住户同意分摊。', { delay: 10 });
    await expect(secretary.locator('.ProseMirror')).toContainText('手机上记：五栋住户同意分摊。');
    await secretary.locator('.ProseMirror').click();
    await secretary.keyboard.press('Control+End');
    await secretary.keyboard.type('电脑上补：下周开工。', { delay: 10 });
    await expect(editor.locator('.ProseMirror')).toContainText('电脑上补：下周开工。');
    await secretary.context().close();
    expect((await callFromPage(editor, 'minutes:open', { meetingId: 3 })).body).toMatchObject({ ok: true });
    expect((await callFromPage(editor, 'minutes:open', { meetingId: 2 })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await callFromPage(editor, 'vote:list', { meetingId: 2 })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The chair sees all three, with their roles and addresses, and removes the viewer.
    const list = chair.getByRole('table').filter({ hasText: '设备地址' });
    await expect(list.locator('tbody tr')).toHaveCount(3);
    await expect(list).toContainText('门口小赵');
    await expect(list).toContainText('住户老陈');
    await expect(list.getByRole('row').filter({ hasText: '门口小赵' })).toContainText(new URL(door.url).hostname);
    await expect(list.getByRole('row').filter({ hasText: '门口小赵' })).toContainText('在线');
    await list.getByRole('row').filter({ hasText: '住户老陈' }).getByRole('button', { name: '请出' }).click();
    await chair.getByRole('dialog', { name: '请出' }).getByRole('button', { name: '请出' }).click();
    await expect(list.locator('tbody tr')).toHaveCount(2);
    await expect(viewer.getByRole('heading', { name: '您已不在这次会议中' })).toBeVisible({ timeout: 20_000 });
    expect((await callFromPage(viewer, 'attendance:get', { meetingId: 3 })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // Closing joining ends every code and session, and the host leaves the LAN.
    await chair.getByRole('button', { name: '关闭加入' }).click();
    await chair.getByRole('dialog', { name: '关闭加入' }).getByRole('button', { name: '关闭加入' }).click();
    await expect(chair.getByText('已关闭加入')).toBeVisible();
    await expect(chair.getByText('这次会议现在没有开放加入')).toBeVisible();
    await expect.poll(() => lanAnswers(port), { timeout: 10_000 }).toBe(false);
    // The chair's own page goes on working.
    await chair.goto(`${host.url}#/meetings/3/check-in`);
    await expect(chair.getByRole('table', { name: '签到名单' }).locator('tbody tr')).toHaveCount(1);
  });

  test('the notice’s QR code leads residents’ phones to the LAN address, once residents’ intake opens the LAN', async ({ browser }) => {
    const port = Number(new URL(host.url).port);
    const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
    await chair.goto(`${host.url}#/meetings/3/notice`);
    await expect(chair.getByRole('heading', { name: '院落议事会（12 月） › 会议通知' })).toBeVisible();
    // The intake is closed in the demo, so the LAN is too: the page says so and offers to open it.
    await expect(chair.getByText('居民提事还没有开放')).toBeVisible();
    expect(await lanAnswers(port)).toBe(false);
    await chair.getByRole('button', { name: '开放居民提事（同时开放局域网）' }).click();
    await expect(chair.getByText('居民提事已开放')).toBeVisible();
    await expect(chair.getByText('居民提事还没有开放')).toHaveCount(0);
    await expect.poll(() => lanAnswers(port), { timeout: 10_000 }).toBe(true);

    // The namespace has two LAN addresses: the chair can choose, the first is the default.
    await expect(chair.getByLabel('二维码使用的地址').locator('option')).toHaveCount(2);
    const qr = chair.locator('.notice-qr svg');
    const printed = chair.locator('.notice-qr figcaption');
    await expect(printed).toHaveText(new RegExp(`^http://10\\.77\\.0\\.[12]:${port}/wish\\?council=1$`));
    const wanted = (await printed.textContent())!;
    expect(decodeQrPng(await qr.screenshot())).toBe(wanted);

    // The Word file carries the same address in its QR code.
    const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('button', { name: '下载 Word' }).click()]);
    expect(await qrCodesInDocx(readFileSync((await download.path())!))).toEqual([wanted]);

    // A resident's phone on the LAN opens it and can raise a matter.
    const resident = await phone(browser);
    await resident.goto(decodeQrPng(await qr.screenshot()));
    await expect(resident.getByRole('heading', { name: '我有一个议题' })).toBeVisible();
    await expect(resident.getByRole('button', { name: /提交/ })).toBeVisible();
  });

  test('a room join code on the projector lets three phones join to watch; the console counts them and the chair ends it', async ({ browser }) => {
    const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
    const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
    await projector.goto(`${host.url}#/projector/3`);
    await chair.goto(`${host.url}#/meetings/3/console`);
    const room = chair.getByRole('region', { name: '全场加入码' });
    await room.getByRole('button', { name: '开放全场加入码' }).click();
    // Opened, it goes on the wall at once.
    await expect(room.getByRole('button', { name: '投影恢复会议画面' })).toHaveAttribute('aria-pressed', 'true');
    const wall = projector.getByLabel('扫码加入', { exact: true });
    await expect(wall).toContainText('用手机扫码，跟看会议');
    const code = (await room.getByTestId('room-code').textContent())!;
    await expect(wall).toContainText(code);

    // Three residents scan the wall (the QR read from the projector's pixels) and type their names.
    const scanned = decodeQrPng(await wall.getByRole('img', { name: '扫码加入会议的二维码' }).screenshot());
    expect(scanned).toMatch(new RegExp(`^http://10\\.77\\.0\\.[12]:\\d+/join\\?code=${code.replace('-', '')}$`));
    const phones: Page[] = [];
    for (const name of ['住户老张', '住户小李', '住户王阿姨']) {
      const resident = await phone(browser);
      await resident.goto(scanned);
      await expect(resident.getByLabel('加入码')).toHaveValue(code);
      await resident.getByLabel('您的名字').fill(name);
      await resident.getByRole('button', { name: '加入' }).click();
      await expect(resident.getByRole('heading', { name: '院落议事会（12 月）' })).toBeVisible();
      phones.push(resident);
    }
    await expect(room.getByRole('status', { name: '全场加入人数' })).toHaveText('已有 3 人扫码加入');
    await expect(wall).toContainText('已有 3 人扫码加入');

    // Back to the meeting on the wall; then the chair ends the code, asked first.
    await room.getByRole('button', { name: '投影恢复会议画面' }).click();
    await expect(projector.getByLabel('扫码加入', { exact: true })).toHaveCount(0);
    await room.getByRole('button', { name: '结束全场加入码' }).click();
    const ask = chair.getByRole('dialog', { name: '结束全场加入码' });
    await expect(ask).toContainText('已经用它加入的 3 人也会退出');
    await ask.getByRole('button', { name: '结束全场加入码' }).click();
    await expect(room.getByRole('button', { name: '开放全场加入码' })).toBeVisible();
    // The phones are out: with no other code valid the host leaves the LAN, so they either cannot
    // reach it at all or are refused.
    for (const resident of phones) {
      await expect
        .poll(() => callFromPage(resident, 'meeting:get', { meetingId: 3 }).then((reply) => reply.body.error?.code ?? 'answered', () => 'unreachable'), { timeout: 20_000 })
        .toMatch(/^(unreachable|unauthenticated)$/);
      // And each phone says so, instead of going on showing the last picture as if it were live.
      await expect(resident.getByRole('alert')).toContainText(/连不上会议主机|您已不在这次会议中/, { timeout: 20_000 });
    }
  });
}
