import { describe, expect, it } from 'vitest';
import { concerns, describeChange, parseChange, withoutState } from '../../shared/api/changes';

describe('which live queries a change event concerns', () => {
  const tap = describeChange('attendance:checkIn', { meetingId: 3, personId: 7 }, { meetingId: 3 }, 'page-0123456789');

  it('names the area, the meeting and the page, never the person', () => {
    expect(tap).toEqual({ channel: 'attendance:checkIn', area: 'attendance', meetingId: 3, origin: 'page-0123456789' });
    expect(describeChange('proxy:revoke', { proxyId: 4 }, { meetingId: 5, kind: 'proxy' })).toEqual({ channel: 'proxy:revoke', area: 'proxy', meetingId: 5 });
    expect(describeChange('vote:castBallot', { voteId: 9 }, { ballotsCast: 1 })).toEqual({ channel: 'vote:castBallot', area: 'vote', voteId: 9 });
    // Areas not known to name one meeting are not narrowed.
    expect(describeChange('meeting:update', { meetingId: 3 }, {})).toEqual({ channel: 'meeting:update', area: 'meeting' });
  });

  it.each([
    ['attendance:get', { meetingId: 3 }, true],
    ['attendance:get', { meetingId: 4 }, false],
    ['attendance:summary', { meetingId: 3 }, true],
    ['attendance:absent', { meetingId: 3 }, true],
    ['vote:list', { meetingId: 3 }, true],
    ['vote:list', { meetingId: 4 }, false],
    ['vote:voters', { voteId: 1 }, true],
    ['meeting:get', { meetingId: 3 }, false],
    ['console:get', { meetingId: 3 }, false],
    ['followup:tasks', { councilId: 1 }, true],
    ['seals:status', { meetingId: 3 }, true],
  ])('a sign-in at meeting 3 concerns %s %j: %s', (channel, input, expected) => {
    expect(concerns(tap, channel, input)).toBe(expected);
  });

  it('a ballot concerns its own vote, and a change it cannot read concerns everything', () => {
    const ballot = describeChange('vote:castBallot', { voteId: 9 }, {});
    expect(concerns(ballot, 'vote:get', { voteId: 9 })).toBe(true);
    expect(concerns(ballot, 'vote:get', { voteId: 8 })).toBe(false);
    expect(concerns(ballot, 'vote:list', { meetingId: 3 })).toBe(true);
    expect(concerns(ballot, 'console:get', { meetingId: 3 })).toBe(true);
    const unknown = parseChange('not json');
    for (const channel of ['meeting:get', 'attendance:get', 'console:get']) expect(concerns(unknown, channel, { meetingId: 3 })).toBe(true);
    expect(parseChange(JSON.stringify(tap))).toEqual(tap);
    expect(parseChange(JSON.stringify({ channel: 'attendance:checkIn' }))).toEqual({ channel: 'attendance:checkIn', area: 'attendance' });
  });

  it('the chair moving to the next matter or the next speaker reloads the console and the minutes, never the door sheet of a large estate', () => {
    const moved = describeChange('console:setCurrent', { meetingId: 3, agendaItemId: 5 }, { meetingId: 3 });
    expect(moved).toEqual({ channel: 'console:setCurrent', area: 'console', meetingId: 3, state: { channel: 'console:get', input: { meetingId: 3 }, value: { meetingId: 3 } } });
    const next = describeChange('speaker:next', { meetingId: 3 }, { meetingId: 3 });
    const removed = describeChange('speaker:remove', { speakerId: 8 }, { meetingId: 3 });
    expect(removed.meetingId).toBe(3);
    for (const change of [moved, next, removed]) {
      expect(concerns(change, 'console:get', { meetingId: 3 })).toBe(true);
      expect(concerns(change, 'console:get', { meetingId: 4 })).toBe(false);
      expect(concerns(change, 'minutes:open', { meetingId: 3 })).toBe(true);
      expect(concerns(change, 'seals:status', { meetingId: 3 })).toBe(true);
      expect(concerns(change, 'audit:status', {})).toBe(true);
      // The written vote's round on the wall (paper:get) is not asked for again at each matter.
      for (const untouched of ['meeting:get', 'attendance:get', 'attendance:absent', 'attendance:summary', 'vote:list', 'paper:get', 'person:search', 'person:list', 'household:list', 'council:electorate', 'council:list']) {
        expect(concerns(change, untouched, { meetingId: 3, councilId: 1 }), untouched).toBe(false);
      }
    }
  });

  it('carries the console state it set, which a participant of another meeting is never sent, and reads back only what it can trust', async () => {
    const state = { meetingId: 3, currentAgendaItemId: 5, screen: 'meeting', speakers: [] };
    const moved = describeChange('speaker:next', { meetingId: 3 }, state, 'page-0123456789');
    expect(moved.state).toEqual({ channel: 'console:get', input: { meetingId: 3 }, value: state });
    expect(parseChange(JSON.stringify(moved))).toEqual(moved);
    expect(withoutState(moved)).toEqual({ channel: 'speaker:next', area: 'speaker', meetingId: 3, origin: 'page-0123456789' });
    // A carried record for a query no change carries, or with an input that is not a meeting, is dropped.
    expect(parseChange(JSON.stringify({ ...moved, state: { channel: 'attendance:get', input: { meetingId: 3 }, value: {} } })).state).toBeUndefined();
    expect(parseChange(JSON.stringify({ ...moved, state: { channel: 'console:get', input: { meetingId: 'x' }, value: {} } })).state).toBeUndefined();
    // Other areas carry nothing.
    expect(describeChange('attendance:checkIn', { meetingId: 3 }, { meetingId: 3 }).state).toBeUndefined();
  });
});
