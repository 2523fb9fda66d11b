import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { signInAtDoor as signIn } from './pages/door';

const host = demoHostPerTest();

/** The demo's upcoming meeting: 院落议事会（12 月）. */
const meetingId = 3;

async function openDoor(page: Page) {
  await page.goto(`${host.url}#/meetings/${meetingId}/check-in`);
  await expect(page.getByRole('heading', { name: /门口签到/ })).toBeVisible();
}

test('the printable sign-in sheet lists every household of the demo by building, one building a page, with room to sign', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${host.url}#/meetings/${meetingId}`);
  await page.getByRole('link', { name: '打印签到表' }).click();
  const sheet = page.getByRole('region', { name: '签到表' });
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText('平安小区院落议事会');
  await expect(sheet).toContainText('院落议事会（12 月）');
  await expect(sheet).toContainText('平安小区活动室');
  // Five buildings, each its own table of 户号, 姓名, 签字, 时间, and one for those without a household; every one of the 60 households on them.
  const tables = sheet.getByRole('table');
  await expect(tables).toHaveCount(6);
  await expect(tables.first().getByRole('columnheader')).toHaveText(['户号', '姓名', '签字', '时间']);
  await expect(sheet.getByRole('rowheader')).toHaveCount(60);
  await expect(tables.nth(3).getByRole('row').filter({ hasText: '4-1-201' })).toContainText('张桂兰');
  const codes = await tables.first().getByRole('rowheader').allTextContents();
  expect(codes.slice(0, 3)).toEqual(['1-1-101', '1-1-202', '1-1-301']);
  await page.screenshot({ path: 'test-results/sign-in-sheet-1366x768.png' });

  // On paper: A4, a page for each building after the first, and the app's menus left off.
  await page.emulateMedia({ media: 'print' });
  const sections = sheet.locator('.sheet-building');
  await expect(sections.nth(0)).toHaveCSS('break-before', 'auto');
  await expect(sections.nth(1)).toHaveCSS('break-before', 'page');
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  // A signature box tall enough to sign in: at least 12 mm (45 CSS px).
  const box = await tables.first().getByRole('cell').nth(1).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(45);
  // Printed as the chair's browser would (A4), a page for each of the five buildings and one for the rest.
  const pdf = await page.pdf({ path: 'test-results/sign-in-sheet.pdf', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // The paper roster, for when the laptop fails: the same households, with roles and who is in already.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: '到会名册' }).click();
  const roster = page.getByRole('region', { name: '到会名册' });
  await expect(roster.getByRole('rowheader')).toHaveCount(60);
  await expect(roster.getByRole('table').first().getByRole('columnheader')).toHaveText(['户号', '姓名', '身份', '到会']);
  await page.screenshot({ path: 'test-results/sign-in-roster-390x844.png' });

  // The door has the way there too.
  await openDoor(page);
  await expect(page.getByRole('link', { name: '打印签到表' })).toHaveAttribute('href', `#/meetings/${meetingId}/sign-in-sheet`);
});

test('a signature on the paper sheet entered afterwards shows as signed by hand, at its time, at the door and on the sheet', async ({ page, request }) => {
  // The meeting was yesterday evening; its paper sheet comes back today.
  const meeting = await host.api<{ title: string; startTime: string; place: string; status: string; chairId: number; secretaryId: number }>(request, 'meeting:get', { meetingId });
  const yesterday = new Date(Date.now() - 86_400_000);
  const date = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  const { title, startTime, place, status, chairId, secretaryId } = meeting;
  await host.api(request, 'meeting:update', { meetingId, title, date, startTime, place, status, chairId, secretaryId });
  await openDoor(page);
  const paper = page.getByRole('region', { name: '纸上签到' });
  await paper.getByRole('searchbox', { name: '在纸上签到的人' }).fill('zgl');
  await paper.getByRole('button', { name: /张桂兰/ }).click();
  await paper.getByLabel('签到表上写的时间').fill('19:05');
  await paper.getByRole('button', { name: '登记纸上签到' }).click();
  const row = page.getByRole('table', { name: '签到名单' }).getByRole('row').filter({ hasText: '张桂兰' });
  await expect(row).toContainText('纸上签到');
  await expect(row).toContainText('19:05');
  await expect(page.getByRole('status', { name: '到会情况' })).toContainText('1 人到会');

  // The next sheet by the keys alone: a name and Enter, the time and Enter, and the search box is back.
  const who = paper.getByRole('searchbox', { name: '在纸上签到的人' });
  await expect(who).toBeFocused();
  await page.keyboard.type('hzp');
  await expect(paper.getByRole('button', { name: /何兆品/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(paper.getByLabel('签到表上写的时间')).toBeFocused();
  await paper.getByLabel('签到表上写的时间').fill('19:12');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: '签到名单' }).getByRole('row').filter({ hasText: '何兆品' })).toContainText('19:12');
  await expect(who).toBeFocused();

  await page.reload();
  await expect(page.getByRole('table', { name: '签到名单' }).getByRole('row').filter({ hasText: '张桂兰' })).toContainText('纸上签到');
  await page.getByRole('link', { name: '打印到会名册' }).click();
  await expect(page.getByRole('region', { name: '到会名册' }).getByRole('row').filter({ hasText: '张桂兰' })).toContainText('19:05 纸上签到');
});

test('the 未到 list by building shrinks as people sign in', async ({ page }) => {
  await openDoor(page);
  const absent = page.getByRole('region', { name: '未到' });
  await expect(absent).toContainText('还有 60 户未到（共 60 户）');
  const first = absent.getByRole('group').filter({ hasText: '1 栋' });
  await expect(first.locator('summary')).toContainText('12 户');
  await signIn(page, '1-1-301', '王建国');
  await expect(absent).toContainText('还有 59 户未到（共 60 户）');
  await expect(first.locator('summary')).toContainText('11 户');
  await first.locator('summary').click();
  await expect(first).toContainText('1-1-101');
  await expect(first).not.toContainText('1-1-301');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/door-1366x768.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/door-390x844.png', fullPage: true });
});

test('a council that requires the written authorisation refuses a proxy without it, and records it when received', async ({ page }) => {
  await page.goto(`${host.url}#/settings`);
  const form = page.getByRole('form', { name: '签到与委托' });
  await form.getByRole('checkbox', { name: '委托投票须交书面委托书' }).check();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('已保存');

  await openDoor(page);
  await page.getByRole('searchbox', { name: '委托人（谁委托别人代投）' }).fill('zgl');
  await page.getByRole('button', { name: /张桂兰/ }).click();
  await expect(page.locator('.proxy-form')).toContainText('本议事会要求书面委托书');
  await page.getByRole('searchbox', { name: '受托人（由谁代投）' }).fill('hzp');
  await page.getByRole('button', { name: /何兆品/ }).click();
  await expect(page.getByRole('alert')).toContainText('本议事会要求书面委托书：请先收下 张桂兰 签字的书面委托书，再登记委托。');
  await expect(page.locator('.proxy-list')).not.toContainText('张桂兰');

  // The form is still there for the same grantor: the paper is handed in, the box ticked, the holder picked again.
  await page.getByRole('checkbox', { name: '已收到书面委托书' }).check();
  await page.getByRole('searchbox', { name: '受托人（由谁代投）' }).fill('hzp');
  await page.getByRole('button', { name: /何兆品/ }).click();
  await expect(page.locator('.proxy-list')).toContainText('张桂兰（4-1-201）→ 何兆品');
  await expect(page.locator('.proxy-list')).toContainText('书面委托书已收到');
});
