import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../src-main/host/core/server';
import { seedDemo } from '../../src-main/host/demo/seed';
import { tempHost } from './temp-host';

async function demo() {
  const host = tempHost();
  seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
  const [council] = await host.ok('council:list', {});
  const meeting = (await host.ok('meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  return { host, councilId: council!.id, meetingId: meeting.id };
}

describe('matters raised by residents', () => {
  it('are refused while intake is closed, taken while open, then accepted onto the agenda or declined with a reason', async () => {
    const { host, councilId, meetingId } = await demo();
    const closed = await host.invoke('wish:submit', { councilId, text: '晚上楼道太黑,希望装声控灯' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    expect(await host.ok('wish:intake', { councilId })).toMatchObject({ open: true, councilName: '平安小区院落议事会' });
    expect(await host.invoke('wish:submit', { councilId, text: '灯' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await host.ok('wish:submit', { councilId, text: '晚上楼道太黑,希望装声控灯', category: '设施维修', building: '2 栋' });
    await host.ok('wish:submit', { councilId, text: '希望院里允许养鸡', name: '匿名' });
    const [pets, lights] = await host.ok('wish:list', { councilId });
    expect(lights).toMatchObject({ status: 'new', source: 'public', category: '设施维修' });

    const accepted = await host.ok('wish:accept', { wishId: lights!.id, meetingId });
    expect(accepted.status).toBe('accepted');
    const agenda = (await host.ok('meeting:get', { meetingId })).agenda;
    expect(agenda.at(-1)).toMatchObject({ title: '晚上楼道太黑,希望装声控灯', stepIndex: 2, id: accepted.agendaItemId });

    expect(await host.invoke('wish:decline', { wishId: pets!.id, reason: '' })).toMatchObject({ ok: false });
    const declined = await host.ok('wish:decline', { wishId: pets!.id, reason: '院落公约不允许饲养家禽' });
    expect(declined).toMatchObject({ status: 'declined', reason: '院落公约不允许饲养家禽' });
    expect(await host.invoke('wish:accept', { wishId: pets!.id, meetingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the public page is rate-limited per address', async () => {
    const { host, councilId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const server = await startBrowserHost({ host, webRoot: host.dir, port: 0, bindAddress: '127.0.0.1' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const response = await fetch(`${server.url}api/call/wish:submit`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: { councilId, text: `第 ${i} 条建议:修理健身器材` } }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(await host.ok('wish:list', { councilId })).toHaveLength(5);
    } finally {
      await server.close();
    }
  });
});
