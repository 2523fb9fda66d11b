import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

/** Screenshots for a person to look at (1920×1080), kept in /tmp/screens. */
const screens = process.env.PROCESS_SCREENS ?? '/tmp/screens';

test('the chair runs a matter through 协商讨论 to 表决决议 with speakers and the timer; the projector follows within a second; a resident’s wish reaches vetting', async ({
  browser,
  request,
}) => {
  mkdirSync(screens, { recursive: true });
  const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`${host.url}#/projector/3`);
  await chair.goto(`${host.url}#/meetings/3/console`);
  await expect(chair.getByRole('heading', { name: /当前议题：小广场地面重新铺装/ })).toBeVisible();
  const projectorStep = projector.locator('.projector-steps li[aria-current="step"]');
  await expect(projectorStep).toContainText('公示通知', { timeout: 1000 });

  // The notice was posted (demo): 公示通知 → 协商讨论 with the → key.
  const consoleStep = chair.locator('.step-bar-console li[aria-current="step"]');
  await expect(consoleStep).toContainText('公示通知');
  // The arrows act in the agenda list (elsewhere they scroll).
  const currentMatter = chair.getByRole('list', { name: '议题' }).getByRole('button', { name: /小广场地面重新铺装/ });
  await currentMatter.focus();
  await chair.keyboard.press('ArrowRight');
  await expect(consoleStep).toContainText('协商讨论');
  await expect(projectorStep).toContainText('协商讨论', { timeout: 1000 });

  // Two speakers, then the timer starts for the first (S).
  for (const query of ['hzp', 'zgl']) {
    await chair.getByRole('searchbox', { name: '添加发言人' }).fill(query);
    await chair.locator('.person-picker .picker-results button').first().click();
  }
  await expect(chair.getByRole('list', { name: '发言队列' }).getByRole('listitem')).toHaveCount(2);
  await expect(projector.getByLabel('等待发言')).toContainText('何兆品、张桂兰', { timeout: 1000 });
  await chair.locator('body').click({ position: { x: 5, y: 5 } });
  await chair.keyboard.press('s');
  await expect(chair.getByRole('timer')).toContainText('何兆品 · 3:00');
  await expect(projector.getByRole('timer')).toContainText('何兆品', { timeout: 1000 });
  await expect(projector.getByLabel('等待发言')).toContainText('张桂兰', { timeout: 1000 });

  // The speaker's points and the proposal as amended in the discussion, both kept by the host.
  await chair.getByRole('textbox', { name: '何兆品 的发言要点' }).fill('先修排水再铺地面');
  await chair.getByRole('textbox', { name: '何兆品 的发言要点' }).blur();
  await chair.getByText('议案文本').click();
  const amended = chair.getByRole('textbox', { name: '会上修改后的议案' });
  await amended.fill('小广场先修排水，再用透水砖重新铺装，费用从公共收益中支出。');
  await chair.getByRole('button', { name: '保存修改后的议案' }).click();
  await expect(chair.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(chair.locator('.proposal summary')).toContainText('会上已修改');
  await expect
    .poll(async () => (await host.api<{ agenda: Array<{ amendedText: string | null }> }>(request, 'meeting:get', { meetingId: 3 })).agenda[0]!.amendedText)
    .toBe('小广场先修排水，再用透水砖重新铺装，费用从公共收益中支出。');
  await expect.poll(async () => (await host.api<{ speakers: Array<{ note: string }> }>(request, 'console:get', { meetingId: 3 })).speakers[0]!.note).toBe('先修排水再铺地面');

  // The agenda's progress stays in view beside the matter, with the next matter named.
  await expect(projector.getByRole('list', { name: '议程进度：第 1 项，共 4 项' }).getByRole('listitem')).toHaveCount(4);
  await expect(projector.locator('.projector-progress li.current')).toHaveText('1');
  await expect(projector.locator('.projector-next')).toHaveText('下一项：增设电动车集中充电桩');

  // Readable from the back of the courtyard: every line of text on the projector is at least 48 px at 1920×1080.
  const smallest = await projector.evaluate(
    "(() => { const sizes = [...document.querySelectorAll('.projector h1, .projector h2, .projector-steps li, .projector-speaker span, .projector-queue, .projector-quorum, .projector-progress, .projector-progress li, .projector-next')].map((e) => parseFloat(getComputedStyle(e).fontSize)); return sizes.length >= 16 ? Math.min(...sizes) : 0; })()",
  );
  expect(smallest).toBeGreaterThanOrEqual(48);
  await chair.screenshot({ path: `${screens}/console-1920x1080.png` });
  await projector.screenshot({ path: `${screens}/projector-1920x1080.png` });

  // 协商讨论 → 表决决议 with the button; the history records both moves.
  await chair.getByRole('button', { name: '下一步：表决决议 →' }).click();
  await expect(consoleStep).toContainText('表决决议');
  await expect(projectorStep).toContainText('表决决议', { timeout: 1000 });
  await chair.getByText('步骤记录（2 条）').click();
  await expect(chair.getByRole('list', { name: '步骤记录（2 条）' })).toContainText('协商讨论 → 表决决议 · 王建国');

  // Past the vote without a locked result is refused with the reason, and the override is offered.
  await currentMatter.focus();
  await chair.keyboard.press('ArrowRight');
  await expect(chair.getByRole('alert')).toContainText('表决结果还没有锁定，不能进入“落实公示”。');
  await chair.getByRole('alert').getByRole('button', { name: '强制变更…' }).click();
  const override = chair.getByRole('form', { name: '强制变更' });
  await expect(override.getByLabel('变更到')).toBeVisible();
  await override.getByRole('button', { name: '取消' }).click();
  await expect(projectorStep).toContainText('表决决议');
  await chair.screenshot({ path: `${screens}/console-refused-1920x1080.png` });

  // A resident raises a matter on the public page; it appears in the vetting list, and "me too" counts.
  await host.api(request, 'council:updateSettings', { councilId: 1, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
  const resident = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await resident.goto(`${host.url}wish?council=1`);
  const form = resident.getByRole('form', { name: '我有一个议题' });
  await form.getByLabel('想请议事会商量的事').fill('6 栋门前的路面积水，下雨天进不了门');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(resident.getByRole('status')).toContainText('已收到');
  const open = resident.getByRole('region', { name: '大家提的事' });
  await open.getByRole('button', { name: '我也支持：6 栋门前的路面积水，下雨天进不了门' }).click();
  await expect(open.getByRole('button', { name: '已支持：6 栋门前的路面积水，下雨天进不了门' })).toBeDisabled();
  await expect(open).toContainText('1 人支持');

  await chair.goto(`${host.url}#/wishes`);
  const row = chair.getByRole('table', { name: '议题征集与审议' }).getByRole('row').filter({ hasText: '6 栋门前的路面积水' });
  await expect(row).toContainText('待审议');
  await expect(row).toContainText('1 人支持');
  await resident.screenshot({ path: `${screens}/wish-public-390.png`, fullPage: true });

  // A duplicate is merged into it: the supporters add up and the duplicate says where it went.
  await host.api(request, 'wish:submit', { councilId: 1, text: '6 栋门口一下雨就积水' });
  const duplicate = chair.getByRole('table', { name: '议题征集与审议' }).getByRole('row').filter({ hasText: '6 栋门口一下雨就积水' });
  await duplicate.getByRole('button', { name: '合并到…' }).click();
  const merge = chair.getByRole('dialog', { name: '合并重复的议题' });
  await merge.getByRole('radio', { name: /6 栋门前的路面积水/ }).check();
  await chair.screenshot({ path: `${screens}/wish-merge-1920x1080.png` });
  await merge.getByRole('button', { name: '合并', exact: true }).click();
  await expect(duplicate).toContainText('已合并到：6 栋门前的路面积水，下雨天进不了门');
  const target = chair.getByRole('table', { name: '议题征集与审议' }).getByRole('row').filter({ hasText: '6 栋门前的路面积水', hasNotText: '已合并' });
  await expect(target).toContainText('2 人支持');
  await chair.screenshot({ path: `${screens}/wishes-1920x1080.png` });

  // The council renames a step; the console's step bar uses the new name.
  await chair.goto(`${host.url}#/settings`);
  const steps = chair.getByRole('form', { name: '议事流程' });
  await steps.getByLabel('第 4 步名称').fill('大家商量');
  await steps.getByRole('button', { name: '保存' }).click();
  await expect(steps.getByText('已保存。')).toBeVisible();
  await steps.scrollIntoViewIfNeeded();
  await chair.screenshot({ path: `${screens}/settings-steps-1920x1080.png` });
  await expect(projector.locator('.projector-steps li').nth(3)).toContainText('大家商量', { timeout: 1000 });
});
