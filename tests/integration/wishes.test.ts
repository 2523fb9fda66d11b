import { request } from 'node:http';
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
    const closed = await host.invoke('wish:submit', { councilId, text: '晚上楼道太黑，希望装声控灯' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    expect(await host.ok('wish:intake', { councilId })).toMatchObject({ open: true, councilName: '平安小区院落议事会' });
    expect(await host.invoke('wish:submit', { councilId, text: '灯' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await host.ok('wish:submit', { councilId, text: '晚上楼道太黑，希望装声控灯', category: '设施维修', building: '2 栋' });
    await host.ok('wish:submit', { councilId, text: '希望院里允许养鸡', name: '匿名' });
    const [pets, lights] = await host.ok('wish:list', { councilId });
    expect(lights).toMatchObject({ status: 'new', source: 'public', category: '设施维修' });

    const accepted = await host.ok('wish:accept', { wishId: lights!.id, meetingId });
    expect(accepted.status).toBe('accepted');
    const agenda = (await host.ok('meeting:get', { meetingId })).agenda;
    expect(agenda.at(-1)).toMatchObject({ title: '晚上楼道太黑，希望装声控灯', stepIndex: 2, id: accepted.agendaItemId });

    expect(await host.invoke('wish:decline', { wishId: pets!.id, reason: '' })).toMatchObject({ ok: false });
    const declined = await host.ok('wish:decline', { wishId: pets!.id, reason: '院落公约不允许饲养家禽' });
    expect(declined).toMatchObject({ status: 'declined', reason: '院落公约不允许饲养家禽' });
    expect(await host.invoke('wish:accept', { wishId: pets!.id, meetingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the notice page opens intake on its own switch, leaving the council’s other settings as they were', async () => {
    const { host, councilId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: 2, requireSignature: true, intakeOpen: false });
    expect(await host.ok('wish:setIntake', { councilId, open: true })).toMatchObject({ open: true, councilId });
    expect(await host.ok('council:getSettings', { councilId })).toMatchObject({ maxProxiesPerHolder: 2, requireSignature: true, intakeOpen: true });
    expect(await host.invoke('wish:setIntake', { councilId: 999, open: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.invoke('wish:setIntake', { councilId, open: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请说明开放还是关闭' } });
    expect(await host.ok('wish:setIntake', { councilId, open: false })).toMatchObject({ open: false, openWishes: [] });
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
          body: JSON.stringify({ input: { councilId, text: `第 ${i} 条建议：修理健身器材` } }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(await host.ok('wish:list', { councilId })).toHaveLength(5);
    } finally {
      await server.close();
    }
  });

  it('"me too" counts once per browser and once per address; a repeat says so and changes nothing', async () => {
    const { host, councilId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const wish = await host.ok('wish:submit', { councilId, text: '希望增加垃圾分类指导员' });
    const phone = (address: string) => ({ kind: 'public' as const, address });
    const supporters = async () => (await host.ok('wish:list', { councilId })).find((w) => w.id === wish.id)!.supporters;

    expect(await host.invoke('wish:support', { wishId: wish.id, browserId: 'phone-a-0123456789abcdef' }, phone('192.168.1.20'))).toEqual({ ok: true, value: { id: wish.id, supporters: 1 } });
    const repeats = [
      [{ wishId: wish.id, browserId: 'phone-a-0123456789abcdef' }, phone('192.168.1.20')],
      // The same browser from another address (the phone got a new address), and a new id from the same address.
      [{ wishId: wish.id, browserId: 'phone-a-0123456789abcdef' }, phone('192.168.1.99')],
      [{ wishId: wish.id, browserId: 'phone-b-0123456789abcdef' }, phone('192.168.1.20')],
    ] as const;
    for (const [input, caller] of repeats) {
      expect(await host.invoke('wish:support', input, caller)).toEqual({ ok: false, error: { code: 'conflict', message: '您已经支持过这个议题。' } });
    }
    expect(await supporters()).toBe(1);
    expect(await host.invoke('wish:support', { wishId: wish.id, browserId: 'phone-c-0123456789abcdef' }, phone('192.168.1.21'))).toMatchObject({ ok: true, value: { supporters: 2 } });
    // The chair's own computer (no address): its browsers count by their ids.
    await host.ok('wish:support', { wishId: wish.id, browserId: 'desk-a-0123456789abcdef' });
    expect(await host.invoke('wish:support', { wishId: wish.id, browserId: 'desk-a-0123456789abcdef' })).toMatchObject({ ok: false, error: { message: '您已经支持过这个议题。' } });
    expect(await supporters()).toBe(3);
    // Without the page's browser id the call is refused.
    expect(await host.invoke('wish:support', { wishId: wish.id }, phone('192.168.1.30'))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('through the browser host, by the address each phone comes from', async () => {
    const { host, councilId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const wish = await host.ok('wish:submit', { councilId, text: '希望增加垃圾分类指导员' });
    const server = await startBrowserHost({ host, webRoot: host.dir, port: 0, bindAddress: '127.0.0.1' });
    const support = (localAddress: string, browserId: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ input: { wishId: wish.id, browserId } });
        const call = request(
          `${server.url}api/call/wish:support`,
          { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (piece: string) => (text += piece));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        call.on('error', reject);
        call.end(body);
      });
    try {
      expect((await support('127.0.0.5', 'phone-a-0123456789abcdef')).status).toBe(200);
      const again = await support('127.0.0.5', 'phone-a-0123456789abcdef');
      expect(again.body).toContain('您已经支持过这个议题');
      expect((await support('127.0.0.5', 'phone-z-0123456789abcdef')).body).toContain('您已经支持过这个议题');
      expect((await support('127.0.0.6', 'phone-b-0123456789abcdef')).status).toBe(200);
      expect((await host.ok('wish:list', { councilId })).find((w) => w.id === wish.id)!.supporters).toBe(2);
    } finally {
      await server.close();
    }
  });
});
