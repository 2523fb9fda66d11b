import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceChange } from '../../shared/api/areas/attendance';
import type { ApiResult } from '../../shared/api/errors';
import { patchAbsent, patchSheet, summaryOf } from '../../shared/domain/attendance/patch';
import { demoMeeting } from './attendance-fixture';
import { tempHost } from './temp-host';

/** One tap at the door, on a few people of the demo courtyard (indexes into them), so that taps meet. */
const tap = fc.oneof(
  fc.record({ kind: fc.constant('checkIn' as const), who: fc.nat(7), observer: fc.boolean() }),
  fc.record({ kind: fc.constant('checkOut' as const), who: fc.nat(7) }),
  fc.record({ kind: fc.constant('undo' as const), who: fc.nat(7) }),
  fc.record({ kind: fc.constant('paper' as const), who: fc.nat(7), minute: fc.integer({ min: 10, max: 59 }) }),
  fc.record({ kind: fc.constant('grant' as const), who: fc.nat(7), holder: fc.nat(7), written: fc.boolean() }),
  fc.record({ kind: fc.constant('revoke' as const), which: fc.nat(3) }),
  fc.record({ kind: fc.constant('written' as const), which: fc.nat(3) }),
);

describe('a screen that patches its sheet from the answers of its taps', () => {
  it('after any sequence of sign-ins, departures, undoings, paper signatures and proxies shows what a full read shows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tap, { minLength: 1, maxLength: 25 }), async (taps) => {
        const host = tempHost();
        const { meeting, people } = await demoMeeting(host);
        const meetingId = meeting.id;
        const chosen = people.filter((p) => p.householdId !== null).filter((_, index) => index % 3 === 0).slice(0, 7);
        chosen.push(people.find((p) => p.householdId === null) ?? people.at(-1)!);
        const personAt = (index: number) => chosen[index % chosen.length]!.id;
        let sheet = await host.ok('attendance:get', { meetingId });
        let absent = await host.ok('attendance:absent', { meetingId });
        for (const step of taps) {
          let answer: ApiResult<AttendanceChange>;
          const proxyAt = (index: number) => sheet.proxies[index % Math.max(sheet.proxies.length, 1)]?.id ?? 999_999;
          switch (step.kind) {
            case 'checkIn':
              answer = await host.invoke('attendance:checkIn', { meetingId, personId: personAt(step.who), observer: step.observer }) as ApiResult<AttendanceChange>;
              break;
            case 'checkOut':
              answer = await host.invoke('attendance:checkOut', { meetingId, personId: personAt(step.who) }) as ApiResult<AttendanceChange>;
              break;
            case 'undo':
              answer = await host.invoke('attendance:undoCheckIn', { meetingId, personId: personAt(step.who) }) as ApiResult<AttendanceChange>;
              break;
            case 'paper':
              answer = await host.invoke('attendance:recordPaper', { meetingId, personId: personAt(step.who), time: `19:${step.minute}` }) as ApiResult<AttendanceChange>;
              break;
            case 'grant':
              answer = await host.invoke('proxy:grant', { meetingId, grantorId: personAt(step.who), holderId: personAt(step.holder), writtenReceived: step.written }) as ApiResult<AttendanceChange>;
              break;
            case 'revoke':
              answer = await host.invoke('proxy:revoke', { proxyId: proxyAt(step.which) }) as ApiResult<AttendanceChange>;
              break;
            case 'written':
              answer = await host.invoke('proxy:receiveWritten', { proxyId: proxyAt(step.which) }) as ApiResult<AttendanceChange>;
              break;
          }
          // A refused tap changed nothing, and the screen keeps what it has.
          if (answer.ok) {
            sheet = patchSheet(sheet, answer.value);
            absent = patchAbsent(absent, answer.value, sheet.proxies) ?? (await host.ok('attendance:absent', { meetingId }));
          }
          const full = await host.ok('attendance:get', { meetingId });
          expect(sheet).toEqual(full);
          expect(absent).toEqual(await host.ok('attendance:absent', { meetingId }));
          expect(await host.ok('attendance:summary', { meetingId })).toEqual(summaryOf(full));
        }
        host.close();
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

describe('the counts a tap answers with', () => {
  it('follow the roster: a household or a member added after the first tap is counted in the totals', async () => {
    const host = tempHost();
    const { council, meeting, person } = await demoMeeting(host);
    const first = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('王建国').id });
    const household = await host.ok('household:create', { councilId: council.id, code: '9-9-909' });
    await host.ok('person:create', { councilId: council.id, name: '新委员', householdId: household.id, roles: ['member'] });
    const next = await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person('李秀英').id });
    expect(next).toMatchObject({ householdsTotal: first.householdsTotal + 1, membersTotal: first.membersTotal + 1 });
    expect(await host.ok('attendance:summary', { meetingId: meeting.id })).toMatchObject({ householdsTotal: first.householdsTotal + 1 });
  });
});
