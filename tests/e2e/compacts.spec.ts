import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

/** At meeting 3 the council votes on three matters by show of hands: the first fails, the second (naming the compact) and the third pass. */
async function voteAtMeeting(request: APIRequestContext): Promise<{ passed: string; failed: string; other: string }> {
  const [council] = await host.api<Array<{ id: number }>>(request, 'council:list', {});
  const meeting = (await host.api<Array<{ id: number; status: string }>>(request, 'meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  const people = await host.api<Array<{ id: number; name: string }>>(request, 'person:list', { councilId: council!.id });
  for (const name of ['王建国', '李秀英', '何兆品', '张桂兰']) await host.api(request, 'attendance:checkIn', { meetingId: meeting.id, personId: people.find((p) => p.name === name)!.id });
  const { agenda } = await host.api<{ agenda: Array<{ id: number; title: string; text: string }> }>(request, 'meeting:get', { meetingId: meeting.id });
  // The second matter names the compact it will adopt; the first does not (and fails anyway).
  await host.api(request, 'agenda:update', { agendaItemId: agenda[1]!.id, title: agenda[1]!.title, text: `${agenda[1]!.text}\n通过后写入《平安小区文明公约》。` });
  const rule = { id: 'council-majority', name: '议事会过半数表决', legalBasis: null, voterBasis: 'members', quorum: null, threshold: { base: 'present', bound: { ratio: { numerator: 1, denominator: 2 }, inclusive: false }, measure: 'headcount' }, abstentions: 'not-cast', blankBallots: 'not-cast', tie: 'fails' };
  for (const [item, counts] of [
    [agenda[0]!, { for: 1, against: 3, abstain: 0 }],
    [agenda[1]!, { for: 4, against: 0, abstain: 0 }],
    [agenda[2]!, { for: 4, against: 0, abstain: 0 }],
  ] as const) {
    const vote = await host.api<{ id: number }>(request, 'vote:open', { meetingId: meeting.id, agendaItemId: item.id, title: item.title, mode: 'hands', rule });
    await host.api(request, 'vote:enterCounts', { voteId: vote.id, ...counts });
    await host.api(request, 'vote:close', { voteId: vote.id });
    await host.api(request, 'vote:lock', { voteId: vote.id });
  }
  return { failed: agenda[0]!.title, passed: agenda[1]!.title, other: agenda[2]!.title };
}

const article = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

async function drawSignature(page: Page, dialogName: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const box = (await dialog.getByLabel('签名区域').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 40; x < 320; x += 20) await page.mouse.move(box.x + x, box.y + box.height / 2 + (x % 40 ? 30 : -30));
  await page.mouse.up();
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(dialog).toBeHidden();
}

async function openSigning(page: Page, code: string) {
  const search = page.getByRole('searchbox', { name: '按户号查找' });
  await search.fill(code);
  await page.getByRole('button', { name: `${code} 签字` }).click();
  return page.getByRole('dialog', { name: `${code} 签字` });
}

test('draft a compact in two versions, see the difference, adopt it by the passed vote, collect signatures, export Word', async ({ page, request }, testInfo) => {
  const { passed, failed, other } = await voteAtMeeting(request);

  await page.goto(`${host.url}#/compacts`);
  await page.getByLabel('公约名称').fill('平安小区文明公约');
  await page.getByRole('button', { name: '新建公约' }).click();
  await expect(page.getByRole('heading', { name: /院落公约 › 平安小区文明公约/ })).toBeVisible();

  await article(page, '第一条').fill('各户垃圾分类投放，不在楼道堆放杂物。');
  await page.getByRole('button', { name: '+ 添加一条' }).click();
  await article(page, '第二条').fill('电动自行车不进楼道，不飞线充电，统一到集中充电点充电。');
  await page.getByRole('button', { name: '+ 添加一条' }).click();
  await article(page, '第三条').fill('晚上十点至早上七点不在院内大声喧哗。');
  await page.getByRole('button', { name: '保存为第 1 版' }).click();
  await expect(page.getByText('已保存为第 1 版。')).toBeVisible();

  await article(page, '第二条').fill('电动自行车不进楼道，不飞线充电，统一到3号楼北侧充电棚充电。');
  await page.getByLabel('修改说明（可不填）').fill('写明充电地点');
  await page.getByRole('button', { name: '保存为第 2 版' }).click();
  await expect(page.getByText('已保存为第 2 版。')).toBeVisible();

  // Typed but not saved: a reload keeps it (in this browser), and it can be thrown away.
  await article(page, '第三条').fill('晚上十点至早上七点保持安静。');
  await page.reload();
  await expect(page.getByText('已恢复上次在本机没有保存的修改。')).toBeVisible();
  await expect(article(page, '第三条')).toHaveValue('晚上十点至早上七点保持安静。');
  await page.getByRole('button', { name: '放弃这些修改' }).click();
  await expect(article(page, '第三条')).toHaveValue('晚上十点至早上七点不在院内大声喧哗。');

  const diff = page.getByRole('region', { name: '版本比较' });
  await expect(diff.getByRole('status')).toHaveText('第 1 版 → 第 2 版：修改 1 条');
  await expect(diff.getByText('第二条 修改')).toBeVisible();
  await expect(diff.locator('del')).toHaveText('集中充电点');
  await expect(diff.locator('ins')).toHaveText('3号楼北侧充电棚');

  const version2 = page.getByRole('listitem', { name: '第 2 版' });
  await version2.getByRole('button', { name: '标记为已通过' }).click();
  const adopt = page.getByRole('dialog', { name: '第 2 版经哪次表决通过？' });
  await expect(adopt.getByRole('radio', { name: new RegExp(failed) })).toBeDisabled();
  await expect(adopt.getByText('这次表决没有通过，公约不能据此通过。')).toBeVisible();
  // The third matter passed too, but it is its own business: it does not name this compact.
  await expect(adopt.getByRole('radio', { name: new RegExp(other) })).toBeDisabled();
  await expect(adopt.getByText(/这项议题没有写明《平安小区文明公约》/)).toBeVisible();
  await adopt.getByRole('radio', { name: new RegExp(passed) }).check();
  await adopt.getByRole('button', { name: '确认已通过' }).click();
  await expect(adopt).toBeHidden();
  await expect(page.getByText(/^现行第 2 版：.*表决通过（同意 4，反对 0，弃权 0）/)).toBeVisible();
  await expect(page.getByText('已签 0 / 共 60 户')).toBeVisible();

  const signing = await openSigning(page, '3-2-501');
  await expect(signing.getByLabel('户代表')).toHaveValue('何兆品');
  await signing.getByRole('button', { name: '在屏幕上手写签字' }).click();
  await drawSignature(page, '3-2-501 何兆品 签字');
  await expect(page.getByText('已签 1 / 共 60 户')).toBeVisible();

  const paper = await openSigning(page, '1-1-301');
  await paper.getByRole('button', { name: '记录为纸面已签' }).click();
  await expect(paper).toBeHidden();
  await expect(page.getByText('已签 2 / 共 60 户')).toBeVisible();
  const signedTable = page.getByRole('table', { name: '已签字的住户' });
  await expect(signedTable.getByRole('row', { name: /3-2-501 何兆品 手写签名/ })).toBeVisible();
  await expect(signedTable.getByRole('row', { name: /1-1-301 王建国 纸面签字/ })).toBeVisible();
  await page.getByRole('searchbox', { name: '按户号查找' }).fill('3-2-501');
  await expect(page.getByText('没有找到这个户号。')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word（含签字表）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^平安小区文明公约 第2版 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);
  const saved = testInfo.outputPath('compact.docx');
  await download.saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('3号楼北侧充电棚');
  expect(xml).toContain(`议题“${passed}”表决通过`);
  expect(xml).toContain('descr="何兆品的手写签名"');
  expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);

  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印空白签字表' }).click()]);
  expect(sheet.suggestedFilename()).toMatch(/^平安小区文明公约 第2版 签字表 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);
});
