import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { signInAtDoor as signIn } from './pages/door';

const host = demoHostPerTest();

async function openCheckIn(page: Page) {
  await page.goto(`${host.url}#/meetings`);
  await page.getByRole('link', { name: '院落议事会（12 月）' }).click();
  await page.getByRole('link', { name: '门口签到' }).click();
  await expect(page.getByRole('heading', { name: /门口签到/ })).toBeVisible();
}

test('volunteers sign residents in by pinyin and household, record a proxy and a departure', async ({ page }) => {
  await openCheckIn(page);
  const summary = page.getByRole('status', { name: '到会情况' });
  await expect(summary).toContainText('0 人到会');

  await signIn(page, 'hzp', '何兆品');
  await signIn(page, '1-1-301', '王建国');
  await signIn(page, 'sun', '孙网格');
  await expect(summary).toContainText('2 人到会');
  await expect(summary).toContainText('2/60 户有代表');
  await expect(summary).toContainText('2/7 理事会成员');
  await expect(summary).toContainText('1 人列席');

  await page.getByRole('searchbox', { name: '委托人（谁委托别人代投）' }).fill('zgl');
  await page.getByRole('button', { name: /张桂兰/ }).click();
  await page.getByRole('searchbox', { name: '受托人（由谁代投）' }).fill('hzp');
  await page.getByRole('button', { name: /何兆品/ }).click();
  await expect(page.locator('.proxy-list')).toContainText('张桂兰（4-1-201）→ 何兆品');
  await expect(summary).toContainText('3/60 户有代表');

  await page.getByRole('searchbox', { name: '查找到会人员' }).fill('wjg');
  await page.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '离场' }).click();
  await expect(summary).toContainText('1 人到会');

  await page.reload();
  await expect(page.getByRole('table', { name: '签到名单' })).toContainText('离场');
  await expect(page.getByRole('status', { name: '到会情况' })).toContainText('2/60 户有代表');
});

test('while a new search is on its way, the last search’s rows are not there to be tapped', async ({ page }) => {
  await openCheckIn(page);
  await signIn(page, 'hzp', '何兆品');
  // Hold the next search on its way to the host: the page must not show the one before in its place.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) =>
    void page.route((url) => decodeURIComponent(url.pathname) === '/api/call/person:search', async (route) => {
      if (route.request().postData()?.includes('1-1-301')) {
        resolve();
        await released;
      }
      await route.continue();
    }),
  );
  const search = page.getByRole('searchbox', { name: '查找到会人员' });
  await search.fill('hzp');
  const results = page.getByRole('list', { name: '查找结果' });
  await expect(results.getByRole('button', { name: '离场' })).toBeVisible();
  await search.fill('1-1-301');
  await held;
  await expect(results.getByRole('listitem')).toHaveCount(0);
  release();
  await results.getByRole('listitem').filter({ hasText: '王建国' }).getByRole('button', { name: '签到' }).click();
  await expect(page.getByRole('status', { name: '到会情况' })).toContainText('2 人到会');
});

test('when the council asks for signatures, one is drawn before signing in', async ({ page }) => {
  await page.goto(`${host.url}#/settings`);
  await page.getByLabel('签到时需要手写签名').check();
  await page.getByRole('form', { name: '签到与委托' }).getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。').last()).toBeVisible();

  await openCheckIn(page);
  await page.getByRole('searchbox', { name: '查找到会人员' }).fill('lxy');
  await page.getByRole('list', { name: '查找结果' }).getByRole('listitem').filter({ hasText: '李秀英' }).getByRole('button', { name: '签到' }).click();
  const dialog = page.getByRole('dialog', { name: '李秀英 签名' });
  await expect(dialog.getByRole('button', { name: '确认签到' })).toBeDisabled();
  const box = (await dialog.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 150);
  await page.mouse.down();
  for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 40 + i * 15, box.y + 150 + Math.sin(i) * 40);
  await page.mouse.up();
  await dialog.getByRole('button', { name: '确认签到' }).click();
  await expect(page.getByRole('table', { name: '签到名单' })).toContainText('李秀英');
});
