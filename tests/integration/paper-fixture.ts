/** A courtyard for written votes: owners with their units, on a real SQLite file, through the real dispatcher. */
import { vi } from 'vitest';
import type { PaperRound } from '../../shared/api/areas/paper';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { presets } from '../../shared/domain/voting/rules';
import type { Caller } from '../../src-main/host/core/caller';
import { tempHost, type TempHost } from './temp-host';

/** A 1×1 PNG: what a signature pad sends, in miniature. */
export const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = '芳强静敏伟丽军洋勇艳杰娟涛明超霞平刚桂英';

/**
 * `owners` owners, each of one unit (building 1–3, 80–139 m²), and the first owner also of one more
 * unit (so one ballot carries two units, the areas added). Times are faked (Date only).
 */
export async function courtyard(owners: number, host: TempHost = tempHost()) {
  const council = await host.ok('council:create', { name: '幸福里院落议事会' });
  const people: Array<{ id: number; name: string; householdId: number; areaCenti: number; key: string }> = [];
  for (let index = 0; index < owners; index += 1) {
    const building = 1 + (index % 3);
    const code = `${building}-1-${String(101 + index).padStart(3, '0')}`;
    const area = 80 + (index * 7) % 60;
    const unit = await host.ok('household:create', { councilId: council.id, code, area: String(area) });
    const name = `${surnames[index % surnames.length]!}${given[Math.floor(index / surnames.length) % given.length]!}${index}`;
    const person = await host.ok('person:create', { councilId: council.id, name, householdId: unit.id, roles: ['representative'] });
    await host.ok('household:update', { householdId: unit.id, code, area: String(area), ownerIds: [person.id] });
    people.push({ id: person.id, name, householdId: unit.id, areaCenti: area * 100, key: `household:${unit.id}` });
  }
  const extra = await host.ok('household:create', { councilId: council.id, code: '3-2-901', area: '45.5' });
  await host.ok('household:update', { householdId: extra.id, code: '3-2-901', area: '45.5', ownerIds: [people[0]!.id] });
  people[0]!.areaCenti += 4550;
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '2026年业主大会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
  return { host, council, people, meeting };
}

/** The clock at a local time (China, UTC+8): `day` of December 2026. */
export function at(day: number, hour = 10, minute = 0): void {
  vi.setSystemTime(new Date(Date.UTC(2026, 11, day, hour - 8, minute)));
}

/** A fake clock (Date only) in the council's time zone: the host writes dates and times as the machine's clock reads. */
export function fakeClock(): void {
  process.env.TZ = 'Asia/Shanghai';
  vi.useFakeTimers({ toFake: ['Date'] });
}

/** A call as a participant of the meeting with a role (the dispatcher checks the role and the ids). */
export async function asRole<C extends Channel>(
  host: TempHost,
  meetingId: number,
  role: 'counter' | 'viewer',
  channel: C,
  input: Input<C>,
): Promise<{ ok: true; value: Output<C> } | { ok: false; error: { code: string; message: string } }> {
  const caller: Caller = { kind: 'participant', participantId: 1, meetingId, role, name: '计票员' };
  return (await host.invoke(channel, input, caller)) as never;
}

/** The error of a call that must fail. */
export async function refused<C extends Channel>(host: TempHost, channel: C, input: Input<C>): Promise<{ code: string; message: string }> {
  const result = await host.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error;
}

/** A named written vote of two matters (an ordinary and a special one), open from 1 to 3 December 2026. */
export async function twoMatterRound(host: TempHost, meetingId: number, special = '更换电梯'): Promise<PaperRound> {
  return host.ok('paper:open', {
    meetingId,
    title: '书面征求意见',
    opensOn: '2026-12-01',
    deadline: '2026-12-03',
    returnTo: '物业服务中心',
    secret: false,
    matters: [
      { title: '续聘物业服务企业', rule: presets['owners-ordinary-matter'] },
      { title: special, rule: presets['owners-special-matter'] },
    ],
  });
}
