import { expect, test } from '@playwright/test';
import { readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { chairInEveryContext, startHost, tempDatabasePath } from './host-process';

chairInEveryContext();

test('a truncated database at start leads to the recovery offer; the damaged file is kept', async ({ page, request }) => {
  const databasePath = tempDatabasePath();
  let host = await startHost(databasePath, { demo: true });
  const backup = await request.post(`${host.url}api/call/backup:create`, { data: { input: {} }, headers: { cookie: host.chairCookie } });
  expect((await backup.json()).ok).toBe(true);
  await host.stop();

  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  truncateSync(databasePath, Math.floor(statSync(databasePath).size / 3));
  host = await startHost(databasePath);
  expect(host.output()).toContain('已损坏');

  await page.goto(host.url);
  const alert = page.getByRole('alert', { name: '数据文件损坏了' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: '从最近的备份恢复…' }).click();
  await alert.getByRole('button', { name: '确认恢复' }).click();
  await expect(alert).toContainText('已经恢复');
  await alert.getByRole('button', { name: '继续使用' }).click();
  await expect(page.getByRole('table', { name: '人员' })).toContainText('王建国');

  const kept = readdirSync(dirname(databasePath)).filter((name) => name.startsWith(`${basename(databasePath)}.damaged-`));
  expect(kept).toHaveLength(1);
  await host.stop();
});
