import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('a volunteer signs in five people by typing and Enter, never touching the mouse; the wrong 王建国 is taken back with 撤销', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/3/check-in`);
  const search = page.getByRole('searchbox', { name: '查找到会人员' });
  await expect(search).toBeFocused();
  const confirm = page.getByRole('status', { name: '签到确认' });
  const summary = page.getByRole('status', { name: '到会情况' });

  // One match: Enter signs in; the search box keeps the text, selected, so the next name replaces it.
  for (const [query, line] of [
    ['hzp', '已为 何兆品（3-2-501）签到'],
    ['zgl', '已为 张桂兰（4-1-201）签到'],
  ] as const) {
    await page.keyboard.type(query);
    await expect(page.getByRole('list', { name: '查找结果' }).getByRole('listitem')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(confirm).toContainText(line);
    await expect(search).toBeFocused();
    expect(await search.evaluate((input) => (input as unknown as { selectionStart: number; selectionEnd: number; value: string }).selectionEnd - (input as unknown as { selectionStart: number }).selectionStart)).toBe(query.length);
  }

  // Several match: the household code is as large as the name, Enter goes to the first, Tab to the next.
  await page.keyboard.type('wjg');
  const rows = page.getByRole('list', { name: '查找结果' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('.household-code')).toHaveCSS('font-size', await rows.first().locator('.name-cell').evaluate((cell) => (cell as unknown as { ownerDocument: { defaultView: { getComputedStyle: (e: unknown) => { fontSize: string } } } }).ownerDocument.defaultView.getComputedStyle(cell).fontSize));
  await page.keyboard.press('Enter');
  await expect(rows.first().getByRole('button', { name: '签到' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toContainText('已为 汪建国（3-1-202）签到');
  await expect(search).toBeFocused();
  // Not the one meant: 撤销 (Shift+Tab from the search box is the notice's button) takes it back whole.
  await page.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: '撤销' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('2 人到会');
  await expect(search).toBeFocused();
  await page.keyboard.type('wjg');
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(rows.nth(1).getByRole('button', { name: '签到' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toContainText('已为 王建国（1-1-301）签到');

  // Each waits for its own line: the last one already says 签到, and typing on before the answer
  // comes would add to the text instead of replacing it.
  for (const [query, line] of [
    ['zhy', '已为 周海燕（1-2-202）签到'],
    ['5-2-602', '已为 刘德华（5-2-602）签到'],
  ] as const) {
    await page.keyboard.type(query);
    await expect(rows).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(confirm).toContainText(line);
    await expect(search).toBeFocused();
  }
  await expect(summary).toContainText('5 人到会');
  await expect(page.getByRole('table', { name: '签到名单' }).getByRole('row')).toHaveCount(6);
});

test('a name typed while the last sign-in is still on its way starts a new search, it is not added to the old one', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/3/check-in`);
  const search = page.getByRole('searchbox', { name: '查找到会人员' });
  await expect(search).toBeFocused();
  const confirm = page.getByRole('status', { name: '签到确认' });
  // The host's answer is held back until the next name has been typed: a slow Wi-Fi, made certain.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route((url) => decodeURIComponent(url.pathname) === '/api/call/attendance:checkIn', async (route) => {
    held = true;
    await released;
    await route.continue();
  });
  await page.keyboard.type('hzp');
  await expect(page.getByRole('list', { name: '查找结果' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => held).toBe(true);
  await page.keyboard.type('zgl');
  await expect(search).toHaveValue('zgl');
  release();
  await expect(confirm).toContainText('已为 何兆品（3-2-501）签到');
  // The answer leaves the new search alone: still 'zgl', caret at its end, and Enter signs that one in.
  await expect(search).toHaveValue('zgl');
  await expect(search).toBeFocused();
  await expect(page.getByRole('list', { name: '查找结果' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(confirm).toContainText('已为 张桂兰（4-1-201）签到');
});
