/** The demo council with resolutions passed by a real vote, for the follow-up tests. */
import { presets } from '../../shared/domain/voting/rules';
import { seedDemo, seedFollowupDemo } from '../../src-main/host/demo/seed';
import { tempHost, type TempHost } from './temp-host';

/** Checks in five of the seven council members, votes on each matter by show of hands, locks it. */
export async function passMatters(host: TempHost, meetingId: number, votes: Array<{ agendaItemId: number; for: number; against: number }>) {
  const meeting = await host.ok('meeting:get', { meetingId });
  const people = await host.ok('person:list', { councilId: meeting.councilId });
  const members = people.filter((person) => person.roles.includes('member')).slice(0, 5);
  const sheet = await host.ok('attendance:get', { meetingId });
  for (const member of members) {
    if (!sheet.entries.some((entry) => entry.personId === member.id)) await host.ok('attendance:checkIn', { meetingId, personId: member.id });
  }
  for (const vote of votes) {
    const item = meeting.agenda.find((entry) => entry.id === vote.agendaItemId)!;
    const opened = await host.ok('vote:open', { meetingId, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] });
    await host.ok('vote:enterCounts', { voteId: opened.id, for: vote.for, against: vote.against, abstain: 0 });
    await host.ok('vote:close', { voteId: opened.id });
    await host.ok('vote:lock', { voteId: opened.id });
  }
}

/**
 * The demo courtyard; with `history`, its two past meetings were held and followed up (seedFollowupDemo).
 * The demo's coming meeting has its notice posted (the step machine votes only on announced matters);
 * `announced: false` takes that back, for tests of posting the notice.
 */
export async function followupDemo({ history = false, announced = true }: { history?: boolean; announced?: boolean } = {}) {
  const host = tempHost();
  seedDemo(host.database, new Date());
  if (history) seedFollowupDemo(host.database, new Date());
  if (!announced) host.database.sqlite.exec("DELETE FROM notices WHERE kind = 'announce'; UPDATE meetings SET notice_posted_at = NULL;");
  const [council] = await host.ok('council:list', {});
  const councilId = council!.id;
  const meetings = await host.ok('meeting:list', { councilId });
  const planned = meetings.find((m) => m.status === 'planned')!;
  const people = await host.ok('person:list', { councilId });
  const person = (name: string) => people.find((p) => p.name === name)!;
  return { host, councilId, meetings, planned, person };
}
