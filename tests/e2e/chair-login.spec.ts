/**
 * The chair logs in with the address the host prints, in a real browser: before it, a browser on
 * this very computer gets the join form and nothing of the council; after it, the whole app, and
 * the login key is neither in the address bar, nor in the history, nor readable by the page.
 */
import { expect, test } from '@playwright/test';
import { startHost, tempDatabasePath, type HostProcess } from './host-process';

let host: HostProcess | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('the printed address logs the chair in, and the key does not stay in the address bar or the history', async ({ browser }) => {
  host = await startHost(tempDatabasePath(), { demo: true });
  expect(host.output()).toContain(host.loginUrl);
  const key = new URL(host.loginUrl).searchParams.get('key')!;
  expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // A browser of its own, without the harness's session: what a newcomer (or another user of this computer) opens.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const sentKey: string[] = [];
  page.on('request', (request) => {
    const referer = request.headers().referer ?? '';
    if (referer.includes(key)) sentKey.push(`${request.url()} with Referer ${referer}`);
  });

  // Without the login, this computer is nobody: the join form, with a word for the chair.
  await page.goto(`${host.url}#/roster`);
  await expect(page.getByRole('heading', { name: '加入会议' })).toBeVisible();
  await expect(page.getByText('主机启动时显示的登录地址')).toBeVisible();
  await expect(page.getByRole('heading', { name: '住户名册' })).toHaveCount(0);

  // The printed address: the browser lands on the app, the key gone from the address.
  await page.goto(host.loginUrl);
  expect(page.url()).toBe(host.url);
  await page.goto(`${host.url}#/roster`);
  await expect(page.getByRole('heading', { name: '住户名册' })).toBeVisible();
  await expect(page.getByRole('table', { name: '人员' })).toContainText('王建国');
  expect(page.url()).not.toContain(key);

  // The session is an HttpOnly, SameSite=Strict cookie: the page cannot read it.
  expect(await page.evaluate('document.cookie')).toBe('');
  const cookies = await context.cookies();
  expect(cookies).toEqual([expect.objectContaining({ name: 'courtyard_session', httpOnly: true, sameSite: 'Strict' })]);
  expect(cookies[0]!.value).not.toBe(key);

  // Back through the history: no entry carries the key (the login answered with a redirect).
  const entries = Number(await page.evaluate('history.length'));
  const visited: string[] = [];
  for (let back = 1; back < entries; back += 1) {
    const before = page.url();
    await page.goBack();
    await expect.poll(() => page.url()).not.toBe(before);
    visited.push(page.url());
  }
  expect(visited.length).toBeGreaterThan(0);
  for (const url of visited) expect(url).not.toContain(key);
  expect(sentKey).toEqual([]);
  await context.close();
});

test('a restarted host keeps the chair logged in; its old address logs no one in', async ({ browser }) => {
  const databasePath = tempDatabasePath();
  host = await startHost(databasePath, { demo: true });
  const oldLogin = host.loginUrl;
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(oldLogin);
  await host.stop();
  host = await startHost(databasePath);
  await page.goto(`${host.url}#/roster`);
  await expect(page.getByRole('heading', { name: '住户名册' })).toBeVisible();

  // Another browser with the last run's address gets a sentence, not a session.
  const other = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const refused = await other.goto(oldLogin.replace(/:\d+\//, `:${new URL(host.url).port}/`));
  expect(refused?.status()).toBe(403);
  await expect(other.getByText('请在这台电脑上打开主机最近一次显示的地址')).toBeVisible();
  expect(await other.context().cookies()).toEqual([]);
  await context.close();
  await other.context().close();
});
