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

/**
 * The desktop window's page: the preload's two dialogs are stood in for by an init script (the
 * Electron binary cannot run here; tests/unit/electron-double/ tests the real preload and main side).
 */
test('in the desktop window the archive is saved and opened with the system’s dialogs; a file too large is refused in Chinese', async ({ page }) => {
  await page.addInitScript(() => {
    const stand = globalThis as unknown as { courtyard: unknown; saved?: unknown; asked?: unknown[]; nextOpen?: unknown };
    stand.asked = [];
    stand.courtyard = {
      openProjector: async () => ({ display: 'primary' }),
      saveFile: async (file: { fileName: string }) => {
        stand.saved = file;
        return { saved: true, path: `/home/secretary/Documents/${file.fileName}` };
      },
      openFile: async (request: unknown) => {
        stand.asked!.push(request);
        return stand.nextOpen ?? { opened: false, refused: null };
      },
    };
  });
  await page.goto(`${host.url}#/settings`);
  const panel = page.getByRole('region', { name: '备份与恢复' });
  await panel.getByRole('button', { name: /导出“.+”的档案/ }).click();
  await expect(panel.getByRole('status')).toContainText('档案已保存到 /home/secretary/Documents/');
  const saved = await page.evaluate(() => (globalThis as unknown as { saved: { fileName: string; dataBase64: string } }).saved);
  expect(saved.fileName).toMatch(/\.courtyard$/);

  // No file input: the button asks the shell for a .courtyard file.
  await expect(panel.locator('input[type=file]')).toHaveCount(0);
  const importButton = panel.getByRole('button', { name: '导入档案文件…' });
  await page.evaluate(() => ((globalThis as unknown as { nextOpen: unknown }).nextOpen = { opened: false, refused: 'too-large' }));
  await importButton.click();
  await expect(panel.getByRole('alert')).toHaveText('文件太大（最大 20 MB），没有读取。请选择 20 MB 以内的文件。');

  await page.evaluate((file) => ((globalThis as unknown as { nextOpen: unknown }).nextOpen = { opened: true, ...file }), saved);
  await importButton.click();
  await expect(panel.getByRole('status')).toContainText('已导入议事会');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '选择议事会' }).locator('option')).toHaveCount(2);
  expect(await page.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked)).toEqual([{ extensions: ['courtyard'] }, { extensions: ['courtyard'] }]);
});
