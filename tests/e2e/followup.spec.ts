import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { presets } from '../../shared/domain/voting/rules';
import { lanAddresses } from '../../src-main/host/areas/lan/lan';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

/** FOLLOWUP_SCREENSHOTS=1 keeps pictures of each screen in test-results/ for a person to look at. */
async function snap(page: Page, name: string) {
  if (process.env.FOLLOWUP_SCREENSHOTS) await page.screenshot({ path: `test-results/followup-${name}.png`, fullPage: true });
}

const localDate = (offsetDays: number) => {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

/** The meeting held: five members in the room pass the first matter by a show of hands; residents raised three matters. */
async function holdMeeting(request: APIRequestContext) {
  const meeting = await host.api<{ id: number; agenda: Array<{ id: number; title: string }> }>(request, 'meeting:get', { meetingId: 3 });
  const people = await host.api<Array<{ id: number; roles: string[] }>>(request, 'person:list', { councilId: 1 });
  for (const member of people.filter((p) => p.roles.includes('member')).slice(0, 5)) {
    await host.api(request, 'attendance:checkIn', { meetingId: 3, personId: member.id });
  }
  const first = meeting.agenda[0]!;
  const vote = await host.api<{ id: number }>(request, 'vote:open', { meetingId: 3, agendaItemId: first.id, title: first.title, mode: 'hands', rule: presets['council-majority'] });
  await host.api(request, 'vote:enterCounts', { voteId: vote.id, for: 4, against: 1, abstain: 0 });
  await host.api(request, 'vote:close', { voteId: vote.id });
  await host.api(request, 'vote:lock', { voteId: vote.id });

  await host.api(request, 'council:updateSettings', { councilId: 1, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
  for (const text of ['3 栋楼道灯坏了，希望修理', '希望院里允许养鸡', '健身器材生锈，希望更换']) await host.api(request, 'wish:submit', { councilId: 1, text });
  const wishes = await host.api<Array<{ id: number; text: string }>>(request, 'wish:list', { councilId: 1 });
  await host.api(request, 'wish:accept', { wishId: wishes.find((w) => w.text.includes('楼道灯'))!.id, meetingId: 3 });
  await host.api(request, 'wish:decline', { wishId: wishes.find((w) => w.text.includes('养鸡'))!.id, reason: '院落公约不允许饲养家禽' });
}

test('post the notice, follow a resolution’s overdue task, rate it, and read the dashboard', async ({ page, request }) => {
  // Step 3: the notice from the meeting page, printed with the QR code, posted today.
  await page.goto(`${host.url}#/meetings/3`);
  await page.getByRole('link', { name: '会议通知（公示）' }).click();
  const sheet = page.getByRole('article', { name: '关于召开院落议事会（12 月）的通知' });
  await expect(sheet).toContainText('增设电动车集中充电桩');
  await expect(sheet).toContainText('平安小区活动室');
  await expect(sheet.getByRole('img', { name: '扫码反映意见的二维码' })).toBeVisible();
  // The QR code leads to this computer's first LAN address, never to the loopback address the
  // chair opened the app at; on no LAN, it falls back to that and the page says phones cannot open it.
  // (tests/e2e/access-lan.spec.ts scans it on a LAN of its own.)
  const lan = lanAddresses()[0];
  if (lan) {
    await expect(sheet).toContainText(`http://${lan}:${new URL(host.url).port}/wish?council=1`);
    await expect(page.getByText('居民提事还没有开放')).toBeVisible();
  } else {
    await expect(sheet).toContainText(`${host.url}wish?council=1`);
    await expect(page.getByText('这台电脑现在没有连上局域网')).toBeVisible();
  }
  // The demo's notice went up yesterday (so its matters can be voted on); a reprint is posted today.
  await expect(page.getByRole('status')).toContainText('张贴到公示栏');
  await page.getByRole('button', { name: '记录张贴' }).click();
  await expect(page.getByRole('status')).toContainText('已于');
  await expect(page.getByRole('status')).toContainText('张贴到公示栏');

  await snap(page, 'notice');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/会议通知\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
  expect(await zip.file('word/document.xml')!.async('string')).toContain(`wish?council=1`);

  // Printing shows the sheet alone: no menus, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: '记录张贴' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await snap(page, 'notice-print');
  await page.emulateMedia({ media: 'screen' });

  await holdMeeting(request);

  // Step 6: a task whose deadline has passed shows red with the days.
  await page.goto(`${host.url}#/tasks`);
  const resolution = page.getByRole('article', { name: '小广场地面重新铺装' });
  await expect(resolution).toContainText('同意 4 · 反对 1 · 弃权 0');
  await resolution.getByRole('button', { name: '添加任务' }).click();
  const form = resolution.getByRole('form', { name: '添加任务' });
  await form.getByLabel('任务内容').fill('申请微更新资金');
  await form.getByRole('searchbox', { name: '从名册选择负责人' }).fill('wjg');
  await form.getByRole('button', { name: /王建国/ }).click();
  await form.getByLabel('完成时限').fill(localDate(-3));
  await form.getByRole('button', { name: '添加任务' }).click();
  const task = resolution.getByRole('listitem', { name: '申请微更新资金' });
  await expect(task).toContainText('负责人：王建国');
  await expect(task).toContainText('已逾期 3 天');
  await expect(task).toHaveClass(/task-overdue/);
  await expect(page.getByText('1 项任务逾期')).toBeVisible();

  await task.getByRole('button', { name: '添加进展' }).click();
  await task.getByLabel('进展情况').fill('申请表已交街道');
  await task.getByRole('button', { name: '保存' }).click();
  await expect(task.getByRole('list', { name: '进展记录' })).toContainText('申请表已交街道');

  await snap(page, 'tasks');
  // Ratings from a paper survey: 18 satisfied, 1 mostly, 1 not → 95 %.
  await resolution.getByRole('button', { name: '录入评价' }).click();
  const dialog = page.getByRole('dialog', { name: /居民评价/ });
  await dialog.getByRole('tab', { name: '按问卷统计录入' }).click();
  await dialog.getByLabel('满意', { exact: true }).fill('18');
  await dialog.getByLabel('基本满意').fill('1');
  await dialog.getByLabel('不满意').fill('1');
  await dialog.getByRole('button', { name: '录入这些份数' }).click();
  await expect(dialog.getByRole('status')).toContainText('满意率 95%');
  await snap(page, 'rating');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(resolution).toContainText('满意 18 · 基本满意 1 · 不满意 1 · 满意率 95%');

  // The results notice lists the resolution and the late task.
  await page.getByRole('link', { name: '决议落实公示' }).click();
  const results = page.getByRole('article', { name: '关于院落议事决议落实情况的公示' });
  await expect(results).toContainText('一、小广场地面重新铺装');
  await expect(results).toContainText('已逾期 3 天');
  await snap(page, 'results');

  // The dashboard: 2 of 3 residents' matters answered, one overdue task, 95 % satisfied.
  await page.goto(`${host.url}#/dashboard`);
  const response = page.getByLabel('响应率', { exact: true });
  await expect(response).toContainText('66.7%');
  await expect(response).toContainText('2 / 3');
  await expect(response).toContainText('已答复指');
  await expect(page.getByLabel('逾期任务', { exact: true })).toContainText('1');
  await expect(page.getByLabel('满意率', { exact: true })).toContainText('95%');
  await expect(page.getByLabel('办结率', { exact: true })).toContainText('—');
  await expect(page.getByRole('listitem', { name: '1. 收集议题：1' })).toBeVisible();
  // Three announced matters and the accepted one; the matter voted on went to 表决决议 through the step machine.
  await expect(page.getByRole('listitem', { name: '3. 公示通知：4' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '5. 表决决议：1' })).toBeVisible();
  await snap(page, 'dashboard');
});
