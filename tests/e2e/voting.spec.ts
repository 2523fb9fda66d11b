import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { confirmVoteStep } from './pages/vote-steps';

const host = demoHostPerTest();

async function signIn(page: Page, queries: string[]) {
  await page.goto(`${host.url}#/meetings/3/check-in`);
  for (const query of queries) {
    await page.getByRole('searchbox', { name: '查找到会人员' }).fill(query);
    await page.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '签到' }).first().click();
    await expect(page.getByRole('table', { name: '签到名单' }).locator('tbody tr')).toHaveCount(queries.indexOf(query) + 1);
  }
}

test('a roll-call vote: the present households answer by name and the tally follows', async ({ page }) => {
  await signIn(page, ['1-1-301', '2-1-502', '3-2-501']);
  await page.goto(`${host.url}#/meetings/3/vote`);
  const form = page.getByRole('form', { name: '发起表决' });
  await form.getByLabel('记名表决').check();
  await form.getByLabel('表决规则').selectOption({ label: '居民会议' });
  await form.getByRole('button', { name: '开始表决' }).click();

  const rollCall = page.getByRole('list', { name: '逐人表决' });
  await expect(rollCall.getByRole('listitem')).toHaveCount(3);
  await rollCall.getByRole('listitem').filter({ hasText: '何兆品' }).getByRole('button', { name: '同意' }).click();
  await rollCall.getByRole('listitem').filter({ hasText: '王建国' }).getByRole('button', { name: '同意' }).click();
  await rollCall.getByRole('listitem').filter({ hasText: '李秀英' }).getByRole('button', { name: '反对' }).click();
  const totals = page.getByLabel('计票');
  await expect(totals).toContainText('同意2');
  await expect(totals).toContainText('反对1');
  await expect(totals).toContainText('3/60');

  // 3 of 60 households present: a residents' meeting needs more than half, so it cannot pass; but
  // while the vote is open the page says so only by its count, never 未通过.
  await expect(page.getByLabel('结果')).toContainText('居民会议');
  await expect(page.getByLabel('结果')).toContainText('表决中');
  await expect(page.getByLabel('结果')).not.toContainText('未通过');
  // Closing asks first; 取消 leaves the vote open.
  await page.getByRole('main').getByRole('button', { name: '结束表决' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByLabel('结果')).toContainText('表决中');
  await confirmVoteStep(page, '结束表决');
  await expect(page.getByLabel('结果')).toHaveText(/未通过。$/);
  await expect(page.getByRole('table', { name: '本次会议的表决' })).toContainText('已结束');
  await confirmVoteStep(page, '锁定结果');
  const history = page.getByRole('table', { name: '本次会议的表决' });
  await expect(history).toContainText('已锁定');
  await expect(history).toContainText('未通过');

  await history.getByRole('button', { name: '重新表决' }).click();
  const correction = page.getByRole('form', { name: '重新表决' });
  await correction.getByLabel('重新表决的理由（会记入记录）').fill('到会户数登记有误，重新表决');
  await correction.getByRole('button', { name: '重新表决' }).click();
  await expect(page.getByRole('heading', { name: /正在表决/ })).toBeVisible();
});

test('a show of hands: the chair enters counts, which may not exceed those present', async ({ page }) => {
  await signIn(page, ['1-1-301', '2-1-502']);
  await page.goto(`${host.url}#/meetings/3/vote`);
  // The council adjusts the preset for this vote: no quorum, a majority of the votes cast.
  const form = page.getByRole('form', { name: '发起表决' });
  await form.getByText('调整规则（本次表决）').click();
  await form.getByLabel('到会要求').selectOption({ label: '不设到会要求' });
  await form.getByLabel('计算基数').selectOption({ label: '投票数' });
  await form.getByRole('button', { name: '开始表决' }).click();
  const counts = page.getByRole('form', { name: '录入票数' });
  await counts.getByLabel('同意').fill('5');
  await counts.getByRole('button', { name: '保存票数' }).click();
  await expect(counts.getByRole('alert')).toContainText('超过了到会有表决权的 2 票');
  await counts.getByLabel('同意').fill('2');
  await counts.getByRole('button', { name: '保存票数' }).click();
  await expect(page.getByLabel('计票')).toContainText('同意2');
  // No verdict while the vote is open: the page says 表决中 until it is closed.
  await expect(page.getByLabel('结果')).toContainText('表决中');
  await confirmVoteStep(page, '结束表决');
  await expect(page.getByLabel('结果')).toHaveText(/通过。$/);
  await expect(page.getByLabel('结果')).not.toHaveText(/未通过/);
});

test('a rule saved as the council’s default is where the next vote starts', async ({ page }) => {
  await signIn(page, ['1-1-301', '2-1-502']);
  await page.goto(`${host.url}#/meetings/3/vote`);
  let form = page.getByRole('form', { name: '发起表决' });
  await expect(form.getByText('已按本议事会保存的默认规则')).toHaveCount(0);
  await form.getByLabel('记名表决').check();
  await form.getByLabel('表决规则').selectOption({ label: '议事会过半数表决' });
  await form.getByText('调整规则（本次表决）').click();
  await form.getByLabel('同意须达到').selectOption({ label: '三分之二以上' });
  await form.getByLabel('以后的表决都从这个规则和表决方式开始（设为本议事会默认）').check();
  await form.getByRole('button', { name: '开始表决' }).click();
  await confirmVoteStep(page, '结束表决');
  await confirmVoteStep(page, '锁定结果');
  await expect(page.getByRole('table', { name: '本次会议的表决' })).toContainText('已锁定');

  // The next vote, and the one after a restart of the app, start from what the council saved.
  for (const reopen of [false, true]) {
    if (reopen) await host.restart();
    await page.goto(`${host.url}#/meetings/3/vote`);
    form = page.getByRole('form', { name: '发起表决' });
    await expect(form.getByText('已按本议事会保存的默认规则')).toBeVisible();
    await expect(form.getByLabel('记名表决')).toBeChecked();
    await expect(form.getByLabel('表决规则')).toHaveValue('council-majority');
    await form.getByText('调整规则（本次表决）').click();
    await expect(form.getByLabel('同意须达到').locator('option:checked')).toHaveText('三分之二以上');
  }
});

test('the audit log can be checked from the settings', async ({ page }) => {
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('button', { name: '核对审计记录' }).click();
  await expect(page.getByRole('status').filter({ hasText: '审计记录完整' })).toBeVisible();
});
