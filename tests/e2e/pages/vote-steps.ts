import { expect, type Page } from '@playwright/test';

/**
 * Closes the open vote or locks the closed one as the chair does: the button, then the question
 * that says what cannot be undone, answered yes; the dialog is gone once the host has taken it.
 */
export async function confirmVoteStep(page: Page, step: '结束表决' | '锁定结果') {
  await page.getByRole('main').getByRole('button', { name: step }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(step === '结束表决' ? '不能再投票或改票' : '不能再改动');
  await dialog.getByRole('button', { name: step }).click();
  await expect(dialog).toBeHidden();
}
