/**
 * Counting a printed 表决票 with a phone's camera, the whole path: the ballots' Word file exported
 * by the host, printed by LibreOffice (PDF → PNG), laid under Chromium's fake camera as a looping
 * .y4m; the counter who joined over the LAN scans it on the counter page, taps the choices and
 * saves; the projector's 唱票 moves; when the same ballot comes under the camera again it is
 * refused with when and by whom it was counted. Runs in a loopback-only network namespace.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { presets } from '../../shared/domain/voting/rules';
import { chairInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { rerunInside } from './netns/rerun-inside';
import { webrtcChromium } from './netns/webrtc-chromium';
import { cameraOverBallot, printFirstPage } from './paper/fake-camera';

rerunInside(
  { title: 'a printed ballot is counted by camera on the counter page (run in a loopback-only network namespace)', script: 'run-in-netns.sh', specFile: 'tests/e2e/paper-count.spec.ts' },
  defineCountTests,
);

const meetingId = 3;

/** The date `offset` days from today, as the forms write it. */
function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface Round {
  id: number;
  matters: Array<{ voteId: number; title: string }>;
}

function defineCountTests() {
  chairInEveryContext();
  let host: HostProcess | null = null;

  test.beforeAll(() => {
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);
  });
  test.afterEach(async () => {
    await host?.stop();
    host = null;
  });

  async function chairCallResult<T>(channel: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
    const response = await fetch(`${host!.url}api/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: host!.chairCookie },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  }
  async function chairCall<T>(channel: string, input: unknown): Promise<T> {
    const result = await chairCallResult<T>(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  /**
   * The printed first page of the ballots' Word file as the host exports it. Where the host cannot
   * make the Word file yet, the QR code of the first ballot alone, and the log says so.
   */
  async function printedBallot(roundId: number, firstQrText: string): Promise<Buffer> {
    const file = await chairCallResult<{ dataBase64: string }>('paper:ballotsDocx', { roundId, building: null });
    if (file.ok) return printFirstPage(Buffer.from(file.value.dataBase64, 'base64'));
    console.log(`NOT THE PRINTED BALLOT: paper:ballotsDocx answered ${file.error.code} (${file.error.message}); the camera sees the QR code alone`);
    return QRCode.toBuffer(firstQrText, { margin: 8, width: 900 });
  }

  const board = (page: Page, voteId: number, choice: string) => page.locator(`[data-vote="${voteId}"] [data-choice="${choice}"] .paper-board-number`);

  test('scanned by camera, tapped, saved: the projector tally moves; the same ballot again is refused with when and by whom', async ({ browser }) => {
    test.setTimeout(240_000);
    host = await startHost(tempDatabasePath(), { demo: true });
    const port = new URL(host.url).port;

    const round = await chairCall<Round>('paper:open', {
      meetingId,
      title: '关于小区公共收益使用的书面征求意见',
      opensOn: day(0),
      deadline: day(14),
      returnTo: '物业服务中心固定票箱',
      secret: false,
      matters: [
        { title: '使用公共收益维修 3 号楼电梯', rule: presets['owners-ordinary-matter'] },
        { title: '续聘物业服务企业', rule: presets['owners-special-matter'] },
      ],
    });
    const [lift, management] = round.matters;
    await chairCall('paper:issueAll', { roundId: round.id, how: 'door', by: '楼栋长老赵', building: null });
    const register = await chairCall<Array<{ voterKey: string }>>('paper:register', { roundId: round.id });
    for (const line of register) await chairCall('paper:return', { roundId: round.id, voterKey: line.voterKey, onPaper: true });
    await chairCall('paper:close', { roundId: round.id, early: true });
    await chairCall('paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['李强'] });

    // The ballot as printed, under the camera.
    const folder = mkdtempSync(join(tmpdir(), 'courtyard-camera-'));
    const y4m = join(folder, 'ballot.y4m');
    const ballots = await chairCall<Array<{ serial: string; qrText: string }>>('paper:ballots', { roundId: round.id, building: null });
    const qrText = cameraOverBallot(await printedBallot(round.id, ballots[0]!.qrText), y4m);
    const printed = ballots.find((ballot) => ballot.qrText === qrText);
    expect(printed, `the printed QR code (${qrText}) is one of the round's ballots`).toBeDefined();

    // The projector in the room, the chair's second screen.
    const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
    await projector.goto(`${host.url}#/projector/${meetingId}`);
    await expect(projector.getByRole('region', { name: lift!.title })).toBeVisible();
    await expect(board(projector, lift!.voteId, 'for')).toHaveText('0');

    // The counter's phone joins over the LAN (here as localhost, so it is not the chair) with the camera over the table.
    const opening = await chairCall<{ joinUrl: string }>('access:openLan', { meetingId, role: 'counter', validMinutes: 60 });
    const phoneBrowser = await chromium.launch({
      executablePath: webrtcChromium.executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ],
    });
    try {
      const phone = await (await phoneBrowser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
      const pageErrors: string[] = [];
      phone.on('pageerror', (error) => pageErrors.push(error.message));
      await phone.goto(opening.joinUrl.replace(/^http:\/\/[^/]+/, `http://localhost:${port}`));
      await phone.getByLabel('您的名字').fill('王芳');
      await phone.getByRole('button', { name: '加入' }).click();
      await phone.getByRole('radio', { name: '王芳' }).check();

      // The camera reads the ballot: the page says which one it is and asks for the marks.
      await expect(phone.getByText(printed!.serial)).toBeVisible({ timeout: 30_000 });
      await expect(phone.locator('.paper-scanner-video')).toHaveCount(0);
      await phone.getByRole('radiogroup', { name: lift!.title }).getByRole('radio', { name: '同意' }).click();
      await phone.getByRole('radiogroup', { name: management!.title }).getByRole('radio', { name: '反对' }).click();
      await expect(phone.getByRole('radiogroup', { name: lift!.title }).getByRole('radio', { name: '同意' })).toHaveAttribute('aria-checked', 'true');
      await phone.getByRole('button', { name: '保存，计入' }).click();
      await expect(phone.getByRole('status').filter({ hasText: `${printed!.serial} 已计入` })).toBeVisible();

      // 唱票: the projector's tally moves.
      await expect(board(projector, lift!.voteId, 'for')).toHaveText('1');
      await expect(board(projector, management!.voteId, 'against')).toHaveText('1');
      await expect(board(projector, management!.voteId, 'for')).toHaveText('0');
      await expect(projector.getByRole('region', { name: lift!.title }).locator('[data-choice="for"] .zheng-tally svg')).toHaveAttribute('data-strokes', '1');

      // The ballot is taken away and laid under the camera again: refused, with when and by whom.
      await expect(phone.getByRole('alert')).toContainText(/这张票已于 \d+月\d+日 \d{2}:\d{2} 由 王芳 计入/, { timeout: 30_000 });
      expect(await chairCall<{ tallies: Array<{ voteId: number; for: { headcount: number } }> }>('paper:tally', { roundId: round.id }).then((t) => t.tallies[0]!.for.headcount)).toBe(1);
      await expect(board(projector, lift!.voteId, 'for')).toHaveText('1');

      expect(pageErrors).toEqual([]);
    } finally {
      await phoneBrowser.close();
    }

    // Without a camera (the chair's laptop here): the typed code. One of the right shape that the host never issued is refused.
    const laptop = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })).newPage();
    await laptop.goto(`${host.url}#/paper/${meetingId}/count`);
    await laptop.getByRole('radio', { name: '王芳' }).check();
    await expect(laptop.locator('.paper-scanner')).toHaveAttribute('data-camera', /none|refused/);
    await laptop.getByRole('textbox', { name: '编号', exact: true }).fill(printed!.serial);
    // Same alphabet and length as the real code, one character changed.
    const realCode = qrText.split(':').at(-1)!;
    await laptop.getByRole('textbox', { name: '校验码' }).fill(`${realCode.slice(0, -1)}${realCode.endsWith('A') ? 'B' : 'A'}`);
    await laptop.getByRole('button', { name: '查找这张票' }).click();
    await expect(laptop.getByRole('alert')).toContainText('不是本系统发出的');
    // The real code, typed, finds the ballot counted by the camera.
    await laptop.getByRole('textbox', { name: '校验码' }).fill(realCode.toLowerCase());
    await laptop.getByRole('button', { name: '查找这张票' }).click();
    await expect(laptop.getByRole('alert')).toContainText(/这张票已于 .* 由 王芳 计入/);
  });
}
