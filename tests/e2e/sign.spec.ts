import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

/** The short meeting itself: started, sign-ins, a show of hands on the first matter; the chair ends it on the page. */
async function runShortMeeting(request: APIRequestContext): Promise<number> {
  const [council] = await host.api<Array<{ id: number }>>(request, 'council:list', {});
  const meetings = await host.api<Array<{ id: number; status: string }>>(request, 'meeting:list', { councilId: council!.id });
  const meeting = meetings.find((m) => m.status === 'planned')!;
  const people = await host.api<Array<{ id: number; name: string }>>(request, 'person:list', { councilId: council!.id });
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  await host.api(request, 'meeting:start', { meetingId: meeting.id });
  for (const name of ['王建国', '李秀英', '何兆品', '张桂兰']) await host.api(request, 'attendance:checkIn', { meetingId: meeting.id, personId: id(name) });
  const details = await host.api<{ title: string; date: string; startTime: string; place: string; agenda: Array<{ id: number; title: string }> }>(
    request,
    'meeting:get',
    { meetingId: meeting.id },
  );
  const rule = { id: 'council-majority', name: '议事会过半数表决', legalBasis: null, voterBasis: 'members', quorum: null, threshold: { base: 'present', bound: { ratio: { numerator: 1, denominator: 2 }, inclusive: false }, measure: 'headcount' }, abstentions: 'not-cast', blankBallots: 'not-cast', tie: 'fails' };
  const vote = await host.api<{ id: number }>(request, 'vote:open', { meetingId: meeting.id, agendaItemId: details.agenda[0]!.id, title: details.agenda[0]!.title, mode: 'hands', rule });
  await host.api(request, 'vote:enterCounts', { voteId: vote.id, for: 4, against: 0, abstain: 0 });
  await host.api(request, 'vote:close', { voteId: vote.id });
  await host.api(request, 'vote:lock', { voteId: vote.id });
  await host.api(request, 'meeting:update', {
    meetingId: meeting.id,
    title: details.title,
    date: details.date,
    startTime: details.startTime,
    place: details.place,
    chairId: id('王建国'),
    secretaryId: id('李秀英'),
    status: 'in_progress',
  });
  return meeting.id;
}

/** Signs as `role`; `emptyMinutes`: the minutes hold no written word, so the page asks first (cancelled once, then confirmed). */
async function signAs(page: Page, role: string, name: string, emptyMinutes = false) {
  await page.getByRole('button', { name: `${role}签字` }).click();
  if (emptyMinutes) {
    const ask = page.getByRole('dialog', { name: '会议记录还是空的' });
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByLabel(role, { exact: true })).not.toContainText('已签字');
    await page.getByRole('button', { name: `${role}签字` }).click();
    await ask.getByRole('button', { name: '仍然签署' }).click();
  }
  const dialog = page.getByRole('dialog', { name: `${role} ${name} 签字` });
  const box = (await dialog.getByLabel('签名区域').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 40; x < 300; x += 20) await page.mouse.move(box.x + x, box.y + box.height / 2 + (x % 40 ? 30 : -30));
  await page.mouse.up();
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(dialog).toBeHidden();
}

async function verify(page: Page, path: string) {
  await page.goto(`${host.url}#/verify`);
  await page.getByLabel('选择 Word 文件').setInputFiles(path);
}

test('after a short meeting the chair and secretary sign, the secretary exports Word, and the file verifies', async ({ page, request }, testInfo) => {
  const meetingId = await runShortMeeting(request);

  // Signing waits for the meeting's end: one button on the meeting page, asked first.
  await page.goto(`${host.url}#/meetings/${meetingId}`);
  await expect(page.getByRole('status', { name: '会议状态' })).toHaveText('进行中');
  await page.getByRole('button', { name: '结束会议' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束会议' }).click();
  await expect(page.getByRole('status', { name: '会议状态' })).toHaveText('已结束');
  await page.getByRole('link', { name: '签署会议记录' }).click();
  await expect(page.getByRole('heading', { name: /签署会议记录/ })).toBeVisible();
  await expect(page.getByText('会议记录还可以修改')).toBeVisible();

  // Nobody wrote the minutes of this short meeting: the first signature asks first.
  await signAs(page, '主持人', '王建国', true);
  await expect(page.getByLabel('主持人', { exact: true })).toContainText('已签字');
  await expect(page.getByText(/会议记录已冻结/)).toBeVisible();
  await signAs(page, '记录人', '李秀英');
  await expect(page.getByText('全部签署完毕')).toBeVisible();
  const version = page.getByRole('article', { name: '第 1 版' });
  const code = (await version.locator('.seal-code').textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), version.getByRole('button', { name: '导出 Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^院落议事会（12 月） 会议记录 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);
  const saved = testInfo.outputPath('minutes.docx');
  await download.saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(code);

  await verify(page, saved);
  const signed = page.getByRole('status', { name: '已签署，未改动' });
  await expect(signed).toContainText('完全一致');
  await expect(signed).toContainText('王建国');

  // The same file with one character changed after signing.
  const changed = xml.replace('>王建国</w:t>', '>王建民</w:t>');
  expect(changed).not.toBe(xml);
  zip.file('word/document.xml', changed);
  const edited = join(testInfo.outputPath(), 'edited.docx');
  writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));
  await verify(page, edited);
  const altered = page.getByRole('status', { name: '已被改动' });
  await expect(altered).toContainText('签署后被改动');
  await expect(altered).toContainText('王建民');
});
