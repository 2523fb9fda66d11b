import { expect, type Page } from '@playwright/test';

/** Signs one person in at the door page by what the volunteer types, and waits until the list has them. */
export async function signInAtDoor(page: Page, query: string, name: string) {
  await page.getByRole('searchbox', { name: '查找到会人员' }).fill(query);
  await page.getByRole('list', { name: '查找结果' }).getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: '签到' }).click();
  await expect(page.getByRole('table', { name: '签到名单' })).toContainText(name);
}
