import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { chairInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';

chairInEveryContext();

async function api<T>(request: APIRequestContext, host: HostProcess, channel: string, input: unknown): Promise<T> {
  const body = (await (await request.post(`${host.url}api/call/${channel}`, { data: { input }, headers: { cookie: host.chairCookie } })).json()) as { ok: boolean; value: T };
  expect(body.ok).toBe(true);
  return body.value;
}

test('a database whose last audit entry was deleted by another SQLite client opens with a red banner naming it', async ({ page, request }) => {
  const databasePath = tempDatabasePath();
  let host = await startHost(databasePath, { demo: true });
  const [council] = await api<Array<{ id: number }>>(request, host, 'council:list', {});
  const meeting = (await api<Array<{ id: number; status: string }>>(request, host, 'meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  const people = await api<Array<{ id: number; name: string }>>(request, host, 'person:list', { councilId: council!.id });
  for (const name of ['王建国', '李秀英']) await api(request, host, 'attendance:checkIn', { meetingId: meeting.id, personId: people.find((p) => p.name === name)!.id });

  // A whole log: no banner.
  await page.goto(host.url);
  await expect(page.getByRole('table', { name: '人员' })).toContainText('王建国');
  await expect(page.getByRole('alert', { name: '审计记录核对未通过' })).toHaveCount(0);

  // A clean shutdown signs the chain's head; then someone with the file deletes the last entry.
  await host.stop();
  const sqlite = new Database(databasePath);
  sqlite.exec('DROP TRIGGER audit_log_no_delete');
  const last = sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
  sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
  sqlite.close();

  host = await startHost(databasePath);
  await page.goto(host.url);
  const banner = page.getByRole('alert', { name: '审计记录核对未通过' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`第 ${last - 1} 条之后的记录缺失`);
  // The app still opens, so the evidence can be looked at and kept.
  await expect(page.getByRole('table', { name: '人员' })).toContainText('王建国');
  await host.stop();
});
