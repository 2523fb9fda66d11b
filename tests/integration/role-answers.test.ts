/**
 * Least data per role: for every channel of the contract and every participant role, the calls the
 * role may not make are refused, and no answer the role gets carries a phone number, anywhere in its
 * JSON (as a field, or as a value). A door volunteer searches the roster with a small cap instead
 * of listing it.
 */
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/api/contract';
import type { LanOpening } from '../../shared/api/areas/lan';
import type { Person } from '../../shared/api/areas/roster';
import { participantRoles } from '../../shared/api/kit';
import { presets } from '../../shared/domain/voting/rules';
import { publicChannels, roleChannels } from '../../src-main/host/core/policy';
import { doorSearchLimit } from '../../shared/api/areas/roster';
import { httpCall, startAccessServer, type AccessServer } from './access-fixture';

/** Every path in a JSON value whose key names a phone ("tel" as a word: a count's tellers are people, not numbers). */
function phoneFields(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => phoneFields(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(/phone|tel(?![a-z])|mobile|电话/i.test(key) ? [`${path}.${key}`] : []), ...phoneFields(inner, `${path}.${key}`)]);
}

/** A meeting with people in the room, a proxy and a vote: answers with people in them. */
async function busyMeeting(server: AccessServer) {
  const people = await server.chair<Person[]>('person:list', { councilId: 1 });
  const phones = people.map((person) => person.phone).filter((phone) => phone !== '');
  expect(phones.length).toBeGreaterThan(20);
  const withPhones = people.filter((person) => person.phone !== '' && person.householdId !== null);
  for (const person of withPhones.slice(0, 6)) await server.chair('attendance:checkIn', { meetingId: 3, personId: person.id });
  await server.chair('proxy:grant', { meetingId: 3, grantorId: withPhones[6]!.id, holderId: withPhones[0]!.id });
  const agenda = server.host.host!.database.sqlite.prepare('SELECT id FROM agenda_items WHERE meeting_id = 3 ORDER BY position LIMIT 1').get() as { id: number };
  await server.chair('vote:open', { meetingId: 3, agendaItemId: agenda.id, title: '加装路灯', mode: 'roll_call', rule: presets['residents-meeting'] });
  // A written vote being counted: the counter's calls answer with a ballot and the tallies.
  const round = await server.chair<{ id: number }>('paper:open', {
    meetingId: 3,
    title: '书面征求意见',
    opensOn: '2026-01-01',
    deadline: '2026-01-10',
    returnTo: '物业服务中心',
    secret: false,
    matters: [{ title: '续聘物业', rule: presets['owners-ordinary-matter'] }],
  });
  await server.chair('paper:close', { roundId: round.id, early: true });
  await server.chair('paper:startCount', { roundId: round.id, tellers: ['计票员'], scrutineers: ['监票员'] });
  const ballots = await server.chair<Array<{ qrText: string }>>('paper:ballots', { roundId: round.id });
  return { people, phones, withPhones, agendaItemId: agenda.id, roundId: round.id, code: ballots[0]!.qrText };
}

describe('least data per role', () => {
  it('for every channel and every participant role: refused calls are refused, and no answer carries a phone number', async () => {
    const server = await startAccessServer();
    const { phones, withPhones, agendaItemId, roundId, code } = await busyMeeting(server);
    const votes = await server.chair<Array<{ id: number }>>('vote:list', { meetingId: 3 });
    // One input for every call: the ids of this meeting and its council; a call takes what it declares.
    const input = {
      councilId: 1,
      meetingId: 3,
      agendaItemId,
      voteId: votes[0]!.id,
      personId: withPhones[7]!.id,
      grantorId: withPhones[8]!.id,
      holderId: withPhones[1]!.id,
      roundId,
      code,
      query: '1',
      limit: 200,
    };
    const problems: string[] = [];
    for (const role of participantRoles) {
      const opening = await server.chair<LanOpening>('access:openLan', { meetingId: 3, role });
      const { cookie } = await server.join(opening.code, `${role} 志愿者`);
      const answered: string[] = [];
      for (const channel of channels) {
        const reply = await httpCall(server.port, channel, input, { cookie });
        const allowed = roleChannels[role].has(channel) || publicChannels.has(channel);
        if (!allowed) {
          if (reply.status !== 403 || reply.body.ok || reply.body.error.code !== 'forbidden') problems.push(`${role} ${channel} not refused: ${reply.status}`);
          continue;
        }
        if (!reply.body.ok) continue;
        answered.push(channel);
        const text = JSON.stringify(reply.body);
        for (const field of phoneFields(reply.body)) problems.push(`${role} ${channel} carries ${field}`);
        for (const phone of phones) if (text.includes(phone)) problems.push(`${role} ${channel} carries the phone number ${phone}`);
      }
      // The answers walked are real ones, with people in them.
      if (role === 'counter') {
        // A teller at the count sees the round and its tally, nothing of the roster or the room.
        expect(answered, role).toEqual(expect.arrayContaining(['paper:get', 'paper:tally', 'paper:scan']));
        continue;
      }
      expect(answered, role).toEqual(expect.arrayContaining([role === 'viewer' ? 'attendance:summary' : 'attendance:get', 'console:get', 'meeting:get', 'vote:get', 'vote:list', 'council:list']));
      if (role === 'door') expect(answered).toEqual(expect.arrayContaining(['person:search', 'council:getSettings']));
    }
    expect(problems).toEqual([]);
  });

  it('a door volunteer searches with a small cap and cannot list the roster; the chair still sees phones', async () => {
    const server = await startAccessServer();
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId: 3, role: 'door' });
    const { cookie } = await server.join(opening.code, '门口小赵');
    expect((await httpCall(server.port, 'person:list', { councilId: 1 }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const chairFound = await server.chair<Person[]>('person:search', { councilId: 1, query: '1', limit: 200 });
    expect(chairFound.length).toBeGreaterThan(doorSearchLimit);
    expect(chairFound.some((person) => person.phone !== '')).toBe(true);
    const reply = await httpCall(server.port, 'person:search', { councilId: 1, query: '1', limit: 200 }, { cookie });
    const found = (reply.body as { ok: true; value: Person[] }).value;
    expect(found).toHaveLength(doorSearchLimit);
    // The same people, in the same order, as the chair's first ones, without their phones.
    expect(found.map((person) => person.id)).toEqual(chairFound.slice(0, doorSearchLimit).map((person) => person.id));
    expect(phoneFields(found)).toEqual([]);
    // The door finds a resident by pinyin initials, as before.
    const hzp = (await httpCall(server.port, 'person:search', { councilId: 1, query: 'hzp' }, { cookie })).body as { ok: true; value: Person[] };
    expect(hzp.value.map((person) => person.name)).toContain('何兆品');
  });
});
