/**
 * A new office's whole first evening, on an empty database, in a browser: the first-run path
 * (council → members → roster from the downloaded template → meeting → notice), the meeting
 * started, people signed in at the door, the vote taken from the console at step 5 in three clicks
 * plus the counts while the projector never says 未通过 before the close, the lock confirmed, step 6,
 * the meeting ended, and the minutes signed by its chair and secretary.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { localDate } from '../../shared/domain/followup/dates';
import { chairInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';

let host: HostProcess | null = null;
chairInEveryContext();
test.beforeEach(async () => {
  host = await startHost(tempDatabasePath());
});
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

async function addMember(page: Page, path: Locator, name: string, role: string) {
  await path.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel(role, { exact: true }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

async function sign(page: Page, role: string, name: string) {
  await page.getByRole('button', { name: `${role}签字` }).click();
  const ask = page.getByRole('dialog', { name: '会议记录还是空的' });
  const dialog = page.getByRole('dialog', { name: `${role} ${name} 签字` });
  await expect(ask.or(dialog)).toBeVisible();
  if (await ask.isVisible()) await ask.getByRole('button', { name: '仍然签署' }).click();
  const box = (await dialog.getByLabel('签名区域').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 40; x < 300; x += 20) await page.mouse.move(box.x + x, box.y + box.height / 2 + (x % 40 ? 30 : -30));
  await page.mouse.up();
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(dialog).toBeHidden();
}

test('a new office’s first evening on an empty database, from the first-run path to the signed minutes', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const url = host!.url;
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();

  // 1. The council.
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '欢迎使用院落议事' })).toBeVisible();
  await page.getByLabel('议事会名称').fill('幸福里院落议事会');
  await page.getByRole('button', { name: '建立议事会' }).click();
  const path = page.getByRole('region', { name: '开始使用：五步准备第一次议事会' });
  await expect(path).toBeVisible();
  const current = path.locator('li[aria-current="step"]');
  await expect(current).toContainText('添加议事会成员');
  await expect(path.locator('li.done')).toContainText('已建立“幸福里院落议事会”');

  // 2. The chair and the secretary first.
  await addMember(page, path, '张玉兰', '理事会主任');
  await addMember(page, path, '赵明', '记录人');
  await expect(current).toContainText('导入住户名册');

  // 3. The roster, from the template the import dialog offers, filled in as an office would.
  await path.getByRole('button', { name: '导入名册' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入名册' });
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), importDialog.getByRole('button', { name: '下载名册模板' }).click()]);
  expect(templateDownload.suggestedFilename()).toBe('院落议事 名册模板.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await templateDownload.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('名册')!;
  expect(sheet.getRow(1).values).toContain('户号');
  for (const [code, name] of [
    ['3-2-601', '孙立平'],
    ['3-2-602', '周淑珍'],
    ['4-1-101', '吴国强'],
  ] as const) {
    sheet.addRow([code, '', '', '', '80.00', '业主', name, '', '理事会成员、户代表', '是']);
  }
  const filled = testInfo.outputPath('名册.xlsx');
  await workbook.xlsx.writeFile(filled);
  await importDialog.locator('input[type=file]').setInputFiles(filled);
  await expect(importDialog.getByText(/可导入/)).toBeVisible();
  await importDialog.getByRole('button', { name: '确认导入' }).click();
  await expect(importDialog).toBeHidden();
  await expect(current).toContainText('新建第一次会议');

  // 4. The first meeting, tonight, with one matter.
  await path.getByRole('link', { name: '去新建会议' }).click();
  await path.getByRole('button', { name: '新建会议' }).click();
  const meetingDialog = page.getByRole('dialog', { name: '新建会议' });
  await meetingDialog.getByLabel('会议名称').fill('幸福里议事会（一月）');
  await meetingDialog.getByLabel('日期').fill(localDate(new Date()));
  await meetingDialog.getByLabel('地点').fill('3 栋前小广场');
  await meetingDialog.getByLabel('主持人').selectOption({ label: '张玉兰' });
  await meetingDialog.getByLabel('记录人').selectOption({ label: '赵明' });
  await meetingDialog.getByRole('button', { name: '新建会议' }).click();
  await expect(page.getByRole('heading', { name: /幸福里议事会（一月）/ })).toBeVisible();
  await page.getByLabel('议题名称').fill('楼道加装声控灯');
  await page.getByRole('button', { name: '添加议题' }).click();
  await expect(page.getByRole('list', { name: '议程' }).or(page.locator('.agenda-list'))).toContainText('楼道加装声控灯');

  // 5. The notice, posted three days ago (the council's default notice period).
  await page.getByRole('link', { name: '会议通知（公示）' }).click();
  await expect(page.getByRole('article', { name: /关于召开幸福里议事会/ })).toContainText('楼道加装声控灯');
  await page.getByLabel('张贴日期').fill(daysFromToday(-3));
  await page.getByRole('button', { name: '记录张贴' }).click();
  await expect(page.getByText('张贴到公示栏')).toBeVisible();
  // Every step done: the path goes away.
  await page.goto(`${url}#/roster`);
  await expect(page.getByRole('heading', { name: '住户名册' })).toBeVisible();
  await expect(page.getByRole('table', { name: '人员' })).toContainText('吴国强');
  await expect(path).toHaveCount(0);

  // The meeting starts.
  await page.goto(`${url}#/meetings`);
  await page.getByRole('link', { name: '幸福里议事会（一月）' }).click();
  const status = page.getByRole('status', { name: '会议状态' });
  await page.getByRole('button', { name: '开始会议' }).click();
  await expect(status).toHaveText('进行中');
  const meetingId = Number(/#\/meetings\/(\d+)/.exec(page.url())![1]);

  // The door: five members signed in by name.
  await page.getByRole('navigation', { name: '会议流程' }).getByRole('link', { name: '门口签到' }).click();
  const search = page.getByRole('searchbox', { name: '查找到会人员' });
  for (const name of ['张玉兰', '赵明', '王建国', '孙立平', '周淑珍']) {
    await search.fill(name);
    await page.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '签到' }).first().click();
    await expect(page.getByRole('table', { name: '签到名单' })).toContainText(name);
  }

  // The projector, on the second screen.
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`${url}#/projector/${meetingId}`);
  await expect(projector.getByRole('heading', { name: '幸福里议事会（一月）' })).toBeVisible();

  // The console walks the matter to step 5 and takes the vote there.
  await page.goto(`${url}#/meetings/${meetingId}/console`);
  const consoleStep = page.locator('.step-bar-console li[aria-current="step"]');
  for (let guard = 0; guard < 5 && !(await consoleStep.textContent())?.includes('表决决议'); guard += 1) {
    const before = await consoleStep.textContent();
    await page.getByRole('button', { name: /^下一步：/ }).click();
    await expect(consoleStep).not.toHaveText(before!);
  }
  await expect(consoleStep).toContainText('表决决议');

  let clicks = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };
  const vote = page.getByRole('region', { name: '本议题表决' });
  await click(vote.getByRole('button', { name: '开始表决' }));
  const counts = vote.getByRole('form', { name: '录入票数' });
  await expect(counts.getByLabel('同意')).toBeFocused();
  await expect(projector.getByRole('region', { name: '表决' })).toContainText('表决中');
  await expect(projector.locator('.projector')).not.toContainText('未通过');
  // The default vote of a new council: a residents' meeting, one vote per household (three of five are in).
  await expect(vote).toContainText('居民会议');
  await expect(projector.getByRole('status', { name: '到会情况' })).toContainText('到会 3 户 / 共 5 户');
  await page.keyboard.type('2');
  await counts.getByLabel('反对').fill('1');
  await counts.getByLabel('弃权').fill('0');
  await counts.getByLabel('弃权').press('Enter');
  await expect(vote.getByLabel('计票')).toContainText('同意2');
  await expect(projector.locator('.projector')).toContainText('表决中');
  await expect(projector.locator('.projector')).not.toContainText('未通过');
  await click(vote.getByRole('button', { name: '结束表决' }));
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('不能再改动');
  await click(confirm.getByRole('button', { name: '结束表决并锁定结果' }));
  expect(clicks).toBeLessThanOrEqual(3);
  await expect(projector.getByRole('region', { name: '表决结果' })).toContainText('通过');
  // After the lock, the matter is at step 6.
  await expect(consoleStep).toContainText('落实公示');

  // The meeting ends, and its chair and secretary sign the minutes.
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束会议' }).click();
  await expect(page.getByRole('status', { name: '会议状态' })).toHaveText('已结束');
  await page.goto(`${url}#/meetings/${meetingId}/sign`);
  await sign(page, '主持人', '张玉兰');
  await sign(page, '记录人', '赵明');
  await expect(page.getByText('全部签署完毕')).toBeVisible();
});
