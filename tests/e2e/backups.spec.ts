/**
 * Backups in settings, as the council's secretary uses them: back up now, change something,
 * restore the backup after a confirmation (the data before is kept as a backup of its own and
 * can be restored back); export the council as one archive file and import it as a second council.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('back up, change, restore with confirmation and restore back; archive exported and imported as a second council', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/settings`);
  const panel = page.getByRole('region', { name: '备份与恢复' });
  await expect(panel.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  const rows = panel.getByRole('table').locator('tbody tr');
  // The daily backup made at start is listed with its date and size.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('每日自动');
  await expect(rows.first()).toContainText('KB');

  await panel.getByRole('button', { name: '立即备份' }).click();
  await expect(panel.getByRole('status')).toContainText('已备份');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '手动' })).toHaveCount(1);

  // A change after the backup.
  const name = page.getByLabel('议事会名称');
  const original = await name.inputValue();
  await name.fill('改过名字的议事会');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('已保存。')).toBeVisible();

  // Restore asks first, and says the current data is kept.
  await rows.filter({ hasText: '手动' }).getByRole('button', { name: /恢复/ }).click();
  const dialog = page.getByRole('dialog', { name: '恢复备份' });
  await expect(dialog).toContainText('先另存为一份“恢复前”的备份');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByLabel('议事会名称')).toHaveValue('改过名字的议事会');

  await rows.filter({ hasText: '手动' }).getByRole('button', { name: /恢复/ }).click();
  await page.getByRole('dialog', { name: '恢复备份' }).getByRole('button', { name: '确定恢复' }).click();
  await expect(panel.getByRole('status')).toContainText('已恢复到');
  await expect(rows.filter({ hasText: '恢复前' })).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('议事会名称')).toHaveValue(original);

  // The work after the backup is not lost: restoring the pre-restore backup brings it back.
  await rows.filter({ hasText: '恢复前' }).getByRole('button', { name: /恢复/ }).click();
  await page.getByRole('dialog', { name: '恢复备份' }).getByRole('button', { name: '确定恢复' }).click();
  await expect(panel.getByRole('status')).toContainText('已恢复到');
  await page.reload();
  await expect(page.getByLabel('议事会名称')).toHaveValue('改过名字的议事会');

  // The council as one file, and back in as a second council.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: /导出“改过名字的议事会”的档案/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.courtyard$/);
  const file = await download.path();
  await panel.locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: readFileSync(file) });
  await expect(panel.getByRole('status')).toContainText('已导入议事会');
  await expect(page.getByRole('combobox', { name: '选择议事会' }).locator('option')).toHaveCount(2);
});
