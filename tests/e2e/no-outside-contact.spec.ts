/**
 * Nothing leaves the courtyard: a whole short session (check-in, the projector, a roll-call vote,
 * two people writing the minutes over WebRTC, opening the meeting for joining, the residents' page)
 * with the browser host and Chromium both under strace, in a network namespace that has only
 * loopback. Every connect() and every addressed send of every process and thread is recorded;
 * each must go to 127.0.0.1 or ::1 (or a unix socket, or the kernel). The namespace guarantees
 * nothing could have left anyway; the trace proves nothing even tried.
 *
 * Run from anywhere else (npm run test:e2e), this file runs itself again in such a namespace.
 */
import { type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { signInEveryContext, startHost, type HostProcess } from './host-process';
import { isLoopback, isRouteProbe, readTrace, stracePrefix, type Attempt } from './netns/connection-trace';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { rerunInside } from './netns/rerun-inside';
import { webrtcChromium } from './netns/webrtc-chromium';
import { confirmVoteStep } from './pages/vote-steps';

rerunInside(
  {
    title: 'a whole session makes no connection outside loopback (run in a loopback-only namespace)',
    script: 'run-in-netns.sh',
    specFile: 'tests/e2e/no-outside-contact.spec.ts',
  },
  defineNamespaceTest,
);

/** The real browser host under strace; stopped with SIGTERM to node itself, so strace sees it out and flushes. */
function startTracedHost(databasePath: string, traceFile: string): Promise<HostProcess> {
  return startHost(databasePath, { demo: true, prefix: stracePrefix(traceFile), startTimeout: 60_000, end: endStracedNode });
}

function endStracedNode(strace: ChildProcess): void {
  // The node process is strace's child: end it, and strace ends with it.
  let node = '';
  try {
    node = readFileSync(`/proc/${strace.pid}/task/${strace.pid}/children`, 'utf8').trim().split(' ')[0] ?? '';
  } catch {
    // No /proc children list: strace passes SIGTERM on to its child as it ends.
  }
  if (node) process.kill(Number(node), 'SIGTERM');
  else strace.kill('SIGTERM');
}

/**
 * Debian's Chromium calls Google on its own (component and extension updates, network time,
 * optimisation hints) whatever page it shows; the desktop app's Electron has none of these
 * services, and residents' phones are their own. Turned off here, and the component updater,
 * which --disable-component-update does not fully stop, is pointed at a closed loopback port, so
 * that what remains in the trace is the app's doing.
 */
const chromiumOwnServicesOff = [
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-field-trial-config',
  '--disable-features=OptimizationGuideModelDownloading,OptimizationHintsFetching,OptimizationTargetPrediction,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,Translate,NetworkTimeServiceQuerying',
];

function defineNamespaceTest() {
  test('a whole session: check-in, projector, roll-call vote, minutes over WebRTC, joining, residents; every connection attempt stays on loopback', async () => {
    test.setTimeout(300_000);
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);

    const dir = mkdtempSync(join(tmpdir(), 'courtyard-no-outside-'));
    const hostTrace = join(dir, 'host.trace');
    const browserTrace = join(dir, 'chromium.trace');
    // Chromium under strace: Playwright talks to it over inherited pipes, which strace passes on.
    const wrapper = join(dir, 'chromium-traced.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec ${stracePrefix(browserTrace).join(' ')} ${webrtcChromium.executablePath} "$@"\n`);
    chmodSync(wrapper, 0o755);

    const host = await startTracedHost(join(dir, 'council.sqlite'), hostTrace);
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({
        executablePath: wrapper,
        args: [
          ...webrtcChromium.args,
          ...chromiumOwnServicesOff,
          // To see which host names Chromium looked up when this fails: COURTYARD_NETLOG=/tmp/net.json.
          ...(process.env.COURTYARD_NETLOG ? [`--log-net-log=${process.env.COURTYARD_NETLOG}`] : []),
        ],
      });
      signInEveryContext(browser);
      await wholeSession(browser, host.url);
    } finally {
      await browser?.close();
      await host.stop();
    }

    const report = (name: string, file: string) => {
      const trace = readTrace(file);
      const loopback = trace.attempts.filter((attempt) => isLoopback(attempt.address));
      const probes = trace.attempts.filter((attempt) => !isLoopback(attempt.address) && isRouteProbe(attempt));
      const outside = trace.attempts.filter((attempt) => !isLoopback(attempt.address) && !isRouteProbe(attempt));
      console.log(
        `no-outside ${name}: ${trace.attempts.length} calls naming an internet address: ${loopback.length} to loopback, ` +
          `${probes.length} UDP route probes that send nothing, ${outside.length} outside loopback; ` +
          `${trace.other} more to unix sockets, the kernel or sockets already connected`,
      );
      return { trace, outside };
    };
    const hostReport = report('host', hostTrace);
    const browserReport = report('chromium', browserTrace);
    const describe = (list: Attempt[]) => list.map((attempt) => `${attempt.call} ${attempt.address}:${attempt.port}`).join('\n');
    // The traces are real: the session went through loopback, and both sides were seen doing it.
    expect(hostReport.trace.attempts.length + hostReport.trace.other).toBeGreaterThan(0);
    expect(browserReport.trace.attempts.some((attempt) => isLoopback(attempt.address))).toBe(true);
    expect(describe(hostReport.outside)).toBe('');
    expect(describe(browserReport.outside)).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });
}

async function wholeSession(browser: Browser, url: string): Promise<void> {
  const newPage = async (viewport = { width: 1366, height: 900 }) => (await browser.newContext({ locale: 'zh-CN', viewport })).newPage();
  const chair = await newPage();
  const projector = await newPage({ width: 1920, height: 1080 });
  await projector.goto(`${url}#/projector/3`);
  await expect(projector.getByRole('heading', { name: '院落议事会（12 月）' })).toBeVisible();

  await chair.goto(`${url}#/meetings/3/check-in`);
  const queries = ['1-1-301', '2-1-502', '3-2-501'];
  for (const [index, query] of queries.entries()) {
    await chair.getByRole('searchbox', { name: '查找到会人员' }).fill(query);
    await chair.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '签到' }).first().click();
    await expect(chair.getByRole('table', { name: '签到名单' }).locator('tbody tr')).toHaveCount(index + 1);
  }
  await expect(projector.getByRole('status', { name: '到会情况' })).toContainText('到会 3 户');

  await chair.goto(`${url}#/meetings/3/vote`);
  const form = chair.getByRole('form', { name: '发起表决' });
  await form.getByLabel('记名表决').check();
  await form.getByLabel('表决规则').selectOption({ label: '居民会议' });
  await form.getByRole('button', { name: '开始表决' }).click();
  const rollCall = chair.getByRole('list', { name: '逐人表决' });
  await expect(rollCall.getByRole('listitem')).toHaveCount(3);
  for (const name of ['何兆品', '王建国', '李秀英']) {
    await rollCall.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: '同意' }).click();
  }
  await confirmVoteStep(chair, '结束表决');
  await confirmVoteStep(chair, '锁定结果');
  await expect(projector.getByRole('region', { name: '表决结果' })).toContainText('通过');

  // Two people write the minutes: the words travel between the browsers over WebRTC.
  const writers: Page[] = [];
  for (const name of ['李秀英', '张志强']) {
    const page = await newPage();
    await page.goto(`${url}#/meetings/3/minutes`);
    await page.getByLabel('您的名字').fill(name);
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.ProseMirror')).toBeVisible();
    writers.push(page);
  }
  for (const page of writers) await expect(page.locator('.minutes-state')).toHaveText('已连接 1 人', { timeout: 30_000 });
  await writers[0]!.locator('.ProseMirror p').last().click();
  await writers[0]!.keyboard.press('End');
  await writers[0]!.keyboard.type('会上一致同意增设充电桩。', { delay: 10 });
  await expect(writers[1]!.locator('.ProseMirror')).toContainText('会上一致同意增设充电桩。', { timeout: 15_000 });

  // The chair opens the meeting for joining (no LAN here: the link is on this computer).
  await chair.goto(`${url}#/access`);
  await chair.getByRole('radio', { name: /会议记录员/ }).check();
  await chair.getByRole('button', { name: '开放加入' }).click();
  await expect(chair.getByTestId('join-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // The residents' page.
  const resident = await newPage({ width: 400, height: 800 });
  await resident.goto(`${url}wish?council=1`);
  await expect(resident.getByRole('heading', { level: 1 })).toBeVisible();
}
