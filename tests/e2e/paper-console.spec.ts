/**
 * The chair's pages of a written vote, end to end in the browser: opened from the form with an
 * ordinary and a special matter, ballots issued and returned in the register (one signed on the
 * pad, one "signed on paper"), participation on the overview, returns closed early, the count
 * started with a teller and a scrutineer; two ballots entered by typed code (one 废票), a
 * correction asked at the counting table and confirmed by the scrutineer; the count record signed
 * by both, which seals it; the 公示 dates.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();
const meetingId = 3;

async function draw(page: Page, confirm: string) {
  const dialog = page.getByRole('dialog');
  const box = (await dialog.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 40 + i * 15, box.y + box.height / 2 + Math.sin(i) * 30);
  await page.mouse.up();
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toHaveCount(0);
}

/** WCAG 2.1 A/AA as axe checks it, on the page as it is now (with its data, not an empty form). */
async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`)).toEqual([]);
}

async function typeCode(page: Page, qrText: string) {
  const [, , , serial, code] = qrText.split(':');
  await page.getByRole('textbox', { name: '编号', exact: true }).fill(serial!);
  await page.getByRole('textbox', { name: '校验码' }).fill(code!);
  await page.getByRole('button', { name: '查找这张票' }).click();
}

test('a written vote from the open form to the sealed count record', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/meetings/${meetingId}`);
  await page.getByRole('link', { name: '书面表决', exact: true }).click();

  const form = page.getByRole('form', { name: '发起书面表决' });
  await form.getByLabel('名称').fill('关于增设电动自行车充电桩的书面征求意见');
  await form.getByLabel('交回地点').fill('物业服务中心固定票箱');
  await form.getByLabel('事项 1').fill('在 2 号楼北侧增设充电桩');
  await form.getByRole('button', { name: '添加事项' }).click();
  await form.getByLabel('事项 2').fill('使用维修资金更换 5 号楼屋面防水');
  await form.getByLabel('规则').nth(1).selectOption('owners-special-matter');
  await form.getByRole('button', { name: '发起书面表决' }).click();
  const round = page.getByRole('region', { name: '书面表决概况' });
  await expect(round).toContainText('发放回收中');
  await expect(round).toContainText('重大事项');

  // The register: every ballot handed out door to door; two come back.
  await page.getByRole('link', { name: '发放回收登记册' }).click();
  await page.getByRole('button', { name: '全部发放' }).click();
  await expect(page.getByRole('alert')).toContainText('请先填写发放人');
  await page.getByLabel('发放人').fill('楼栋长老赵');
  await page.getByRole('button', { name: '全部发放' }).click();
  const rows = page.locator('.paper-register tbody tr');
  await expect(rows.first()).toContainText('上门发放，楼栋长老赵');
  await page.getByLabel('查找（姓名或房号）').fill('1-1-101');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: '交回并签名' }).click();
  await expect(page.getByRole('dialog')).toHaveAccessibleName(/1-1-101.*交回表决票签名/);
  await draw(page, '签名，登记交回');
  await expect(rows.first()).toContainText('已签收');
  await page.getByLabel('查找（姓名或房号）').fill('1-1-202');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: '交回（已在纸上签）' }).click();
  await expect(rows.first()).toContainText('纸上签收');
  await page.getByLabel('查找（姓名或房号）').fill('');
  await page.getByLabel('显示').selectOption('notReturned');
  await expect(page.getByRole('status').filter({ hasText: '其中未交回' })).toContainText(/显示 (\d+) 户.*其中未交回 \1 户/);
  await noAxeViolations(page);

  // Participation on the overview; returns closed early.
  await page.getByRole('link', { name: '概况' }).click();
  const participation = page.getByRole('region', { name: '参与表决（两个三分之二）' });
  await expect(participation).toContainText(/人数 2 \/ \d+（须 \d+）/);
  await expect(participation).toContainText('已发放');
  await page.getByRole('button', { name: '截止回收' }).click();
  await expect(page.getByRole('dialog')).toContainText('还没到截止日期');
  await page.getByRole('button', { name: '确定截止' }).click();
  await expect(round).toContainText('已截止回收');

  const start = page.getByRole('form', { name: '开始公开计票' });
  await start.getByLabel('计票人').fill('王芳');
  await start.getByLabel('监票人').fill('李强');
  await start.getByRole('button', { name: '开始计票' }).click();
  await expect(round).toContainText('计票中');
  await expect(round).toContainText('计票人：王芳；监票人：李强');

  // At the counting table (the chair's own laptop, no camera): typed codes.
  const { id: roundId } = await host.api<{ id: number }>(request, 'paper:get', { meetingId });
  const ballots = await host.api<Array<{ qrText: string; units: string[] }>>(request, 'paper:ballots', { roundId, building: null });
  const signed = ballots.find((ballot) => ballot.units.includes('1-1-101'))!;
  const onPaper = ballots.find((ballot) => ballot.units.includes('1-1-202'))!;
  await page.getByRole('link', { name: '扫码计票' }).click();
  await page.getByRole('radio', { name: '王芳' }).check();
  await typeCode(page, signed.qrText);
  await page.getByRole('radiogroup', { name: '在 2 号楼北侧增设充电桩' }).getByRole('radio', { name: '同意' }).click();
  await page.getByRole('radiogroup', { name: '使用维修资金更换 5 号楼屋面防水' }).getByRole('radio', { name: '同意' }).click();
  await noAxeViolations(page);
  await page.getByRole('button', { name: '保存，计入' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已计入' })).toBeVisible();

  await typeCode(page, onPaper.qrText);
  await page.getByRole('button', { name: '废票' }).click();
  await page.getByRole('button', { name: '同一事项勾选了两个以上选项' }).click();
  await page.getByRole('button', { name: '按废票计入' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已按废票计入' })).toBeVisible();

  // The teller tapped 同意 where the ballot says 反对: a correction, asked here, confirmed by the scrutineer.
  await typeCode(page, signed.qrText);
  await expect(page.getByRole('alert')).toContainText('由 王芳 计入');
  await page.getByRole('button', { name: '申请更正' }).click();
  await page.getByRole('radiogroup', { name: '在 2 号楼北侧增设充电桩' }).getByRole('radio', { name: '反对' }).click();
  await page.getByLabel('更正理由（会记入计票记录）').fill('票面上勾的是反对，录入时点错了');
  await page.getByRole('button', { name: '提交更正申请' }).click();
  await expect(page.getByRole('status').filter({ hasText: '等待监票人确认' })).toBeVisible();
  let tally = await host.api<{ tallies: Array<{ for: { headcount: number }; against: { headcount: number } }> }>(request, 'paper:tally', { roundId });
  expect(tally.tallies[0]!.for.headcount).toBe(1);

  await page.goto(`${host.url}#/meetings/${meetingId}/paper`);
  const corrections = page.getByRole('region', { name: '待确认的更正' });
  await expect(corrections).toContainText('王芳');
  await noAxeViolations(page);
  await corrections.getByRole('button', { name: '李强 确认更正' }).click();
  await expect(corrections).toContainText('没有待确认的更正');
  tally = await host.api(request, 'paper:tally', { roundId });
  expect([tally.tallies[0]!.for.headcount, tally.tallies[0]!.against.headcount]).toEqual([0, 1]);

  // The count record: both sign; the last signature seals it.
  const record = page.getByRole('region', { name: '计票记录签字' });
  await record.getByRole('listitem').filter({ hasText: '计票人 王芳' }).getByRole('button', { name: '签字' }).click();
  await expect(page.getByRole('dialog')).toHaveAccessibleName('王芳 在计票记录上签字');
  await draw(page, '签字确认');
  await expect(record.getByRole('listitem').filter({ hasText: '计票人 王芳' })).toContainText('已签字');
  await record.getByRole('listitem').filter({ hasText: '监票人 李强' }).getByRole('button', { name: '签字' }).click();
  await draw(page, '签字确认');
  await expect(record).toContainText(/计票记录已于 .* 签章，验证码/);
  await expect(round).toContainText('计票记录已签章');

  await record.getByLabel('公示开始日期').fill('2026-12-08');
  await record.getByLabel('公示结束日期').fill('2026-12-15');
  await record.getByRole('button', { name: '保存' }).click();
  await expect(round).toContainText('公示：2026-12-08 至 2026-12-15');
});
