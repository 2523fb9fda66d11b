import { seedDemo } from '../../src-main/host/demo/seed';
import type { TempHost } from './temp-host';

/** The demo courtyard and its upcoming meeting, with people found by name. */
export async function demoMeeting(host: TempHost) {
  seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
  const [council] = await host.ok('council:list', {});
  const meetings = await host.ok('meeting:list', { councilId: council!.id });
  const meeting = meetings.find((m) => m.status === 'planned')!;
  const people = await host.ok('person:list', { councilId: council!.id });
  const person = (name: string) => people.find((p) => p.name === name)!;
  return { council: council!, meeting, meetings, people, person };
}
