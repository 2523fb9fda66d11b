import { expect, type Locator, type Page } from '@playwright/test';

/** The roster screen as a user sees it. */
export class RosterPage {
  readonly search: Locator;
  readonly peopleTable: Locator;
  readonly householdsTable: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: '搜索人员' });
    this.peopleTable = page.getByRole('table', { name: '人员' });
    this.householdsTable = page.getByRole('table', { name: '住户' });
  }

  async open(url: string) {
    await this.page.goto(`${url}#/roster`);
    await expect(this.page.getByRole('heading', { name: '住户名册' })).toBeVisible();
  }

  personRow(name: string) {
    return this.peopleTable.getByRole('row').filter({ hasText: name });
  }

  /** The number of people listed, once the roster has loaded (the demo is never empty). */
  async peopleCount(): Promise<number> {
    await expect(this.peopleTable.locator('tbody tr').first()).toBeVisible();
    return this.peopleTable.locator('tbody tr').count();
  }

  async addHousehold(code: string, area: string) {
    await this.page.getByRole('button', { name: '添加住户' }).click();
    const dialog = this.page.getByRole('dialog', { name: '添加住户' });
    await dialog.getByLabel('户号').fill(code);
    await dialog.getByLabel('专有部分面积（㎡）').fill(area);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async addPerson(name: string, household: string, roles: string[] = []) {
    await this.page.getByRole('button', { name: '添加人员' }).click();
    const dialog = this.page.getByRole('dialog', { name: '添加人员' });
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByLabel('户号').fill(household);
    for (const role of roles) await dialog.getByLabel(role, { exact: true }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async chooseImportFile(path: string) {
    await this.page.getByRole('button', { name: '导入名册' }).click();
    const dialog = this.page.getByRole('dialog', { name: '导入名册' });
    await dialog.locator('input[type=file]').setInputFiles(path);
    return dialog;
  }
}
