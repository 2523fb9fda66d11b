/**
 * The running counts a public count answers with (paper_tally and paper_ballot_tally, kept by triggers)
 * against the ballots and marks themselves added up: after any sequence of counts, invalid ballots,
 * confirmed corrections, refused second counts and edits by another SQLite client, both give the same
 * tallies and participation; an archive of the council carries the marks, and the copy's triggers
 * rebuild the same running counts.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperChoice, PaperRound } from '../../shared/api/areas/paper';
import type { FilePayload } from '../../shared/api/kit';
import { participation, tallies } from '../../src-main/host/areas/paper/service';
import { at, courtyard, fakeClock, png, twoMatterRound } from './paper-fixture';
import { tempHost, type TempHost } from './temp-host';

afterEach(() => {
  vi.useRealTimers();
});

const choice = fc.constantFrom<PaperChoice | null>('for', 'against', 'abstain', null);
const step = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), ballot: fc.nat(11), first: choice, second: choice }),
  fc.record({ kind: fc.constant('invalid' as const), ballot: fc.nat(11) }),
  fc.record({ kind: fc.constant('correct' as const), ballot: fc.nat(11), first: choice, second: choice, invalid: fc.boolean() }),
  fc.record({ kind: fc.constant('otherClient' as const), ballot: fc.nat(11), to: fc.constantFrom('for', 'against', 'abstain', 'blank') }),
);

/** A round of 12 owners and two matters, issued, returned and ready to count. */
async function countingRound(host: TempHost): Promise<{ round: PaperRound; codes: string[]; councilId: number }> {
  fakeClock();
  at(1, 9);
  const { council, meeting } = await courtyard(12, host);
  const round = await twoMatterRound(host, meeting.id, '使用专项维修资金');
  await host.ok('paper:issueAll', { roundId: round.id, how: 'door', by: '楼长' });
  for (const line of await host.ok('paper:register', { roundId: round.id })) {
    await host.ok('paper:return', { roundId: round.id, voterKey: line.voterKey, signaturePngBase64: null, onPaper: true, box: '一号票箱' });
  }
  at(4, 9);
  await host.ok('paper:close', { roundId: round.id, early: false });
  await host.ok('paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['陈静'] });
  const codes = (await host.ok('paper:ballots', { roundId: round.id })).map((ballot) => ballot.qrText);
  return { round, codes, councilId: council.id };
}

/** The running counts and the counts added up from the rows, as the host gives them. */
function bothWays(host: TempHost, roundId: number) {
  const { db } = host.database;
  return {
    running: { tallies: tallies(db, roundId, undefined, 'running'), participation: participation(db, roundId, undefined, 'running') },
    marks: { tallies: tallies(db, roundId, undefined, 'marks'), participation: participation(db, roundId, undefined, 'marks') },
  };
}

describe('the running counts of a public count', () => {
  it('after any sequence of counts, invalid ballots, corrections and edits by another client equal the marks added up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const host = tempHost();
        const { round, codes } = await countingRound(host);
        const [first, second] = round.matters.map((matter) => String(matter.voteId)) as [string, string];
        const marksOf = (a: PaperChoice | null, b: PaperChoice | null) => ({ [first]: a, [second]: b });
        for (const next of steps) {
          const code = codes[next.ballot % codes.length]!;
          if (next.kind === 'count') {
            await host.invoke('paper:count', { roundId: round.id, code, teller: '王芳', marks: marksOf(next.first, next.second) });
          } else if (next.kind === 'invalid') {
            await host.invoke('paper:invalid', { roundId: round.id, code, teller: '王芳', reason: '无法辨认' });
          } else if (next.kind === 'correct') {
            const asked = await host.invoke('paper:correct', {
              roundId: round.id,
              code,
              teller: '王芳',
              marks: next.invalid ? null : marksOf(next.first, next.second),
              invalidReason: next.invalid ? '涂改无法辨认' : null,
              reason: '唱票时看错了',
            });
            if (asked.ok) await host.ok('paper:confirmCorrection', { correctionId: (asked.value as { id: number }).id, scrutineer: '陈静' });
          } else {
            // Another SQLite client changes a stored mark: the triggers move the running counts with it.
            host.database.sqlite
              .prepare('UPDATE paper_marks SET choice = ? WHERE ballot_id = (SELECT id FROM paper_ballots WHERE round_id = ? ORDER BY id LIMIT 1 OFFSET ?)')
              .run(next.to, round.id, next.ballot % codes.length);
          }
          const { running, marks } = bothWays(host, round.id);
          expect(running).toEqual(marks);
          expect(await host.ok('paper:tally', { roundId: round.id })).toEqual(marks);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('an archive of a sealed written vote carries it whole: the copy rebuilds the same running counts, names its voters anew and still verifies', async () => {
    const source = tempHost();
    const { round, codes, councilId } = await countingRound(source);
    const [first, second] = round.matters.map((matter) => String(matter.voteId)) as [string, string];
    for (const [index, code] of codes.entries()) {
      if (index === 3) await source.ok('paper:invalid', { roundId: round.id, code, teller: '王芳', reason: '无法辨认' });
      else await source.ok('paper:count', { roundId: round.id, code, teller: '王芳', marks: { [first]: index % 2 ? 'for' : 'against', [second]: index % 3 ? 'for' : null } });
    }
    await source.ok('paper:sign', { roundId: round.id, role: 'teller', name: '王芳', signaturePngBase64: png });
    const sealed = await source.ok('paper:sign', { roundId: round.id, role: 'scrutineer', name: '陈静', signaturePngBase64: png });
    expect(sealed.sealed).not.toBeNull();
    const before = bothWays(source, round.id);
    expect(before.running).toEqual(before.marks);
    expect(before.running.participation).toMatchObject({ counted: 11, invalid: 1 });
    const file = (await source.ok('archive:export', { councilId })) as FilePayload;

    const target = tempHost();
    await target.ok('council:create', { name: '另一个院落' });
    // Ids differ on the copy: a council, households and people already there.
    await courtyard(3, target);
    const imported = await target.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 });
    const meetingId = target.database.sqlite.prepare('SELECT id FROM meetings WHERE council_id = ? ORDER BY id LIMIT 1').pluck().get(imported.council.id) as number;
    const copy = await target.ok('paper:get', { meetingId });
    expect(copy).toMatchObject({ status: 'sealed', title: round.title });
    expect(copy!.matters.map((matter) => matter.title)).toEqual(round.matters.map((matter) => matter.title));
    const after = bothWays(target, copy!.id);
    expect(after.running).toEqual(after.marks);
    expect(after.running.participation).toEqual(before.running.participation);
    const withoutIds = (list: typeof before.running.tallies) => list.map(({ voteId: _, ...rest }) => rest);
    expect(withoutIds(after.running.tallies)).toEqual(withoutIds(before.running.tallies));
    // The register names this computer's households, and the sealed record still verifies here.
    const register = await target.ok('paper:register', { roundId: copy!.id });
    const households = new Set(
      (target.database.sqlite.prepare('SELECT id FROM households WHERE council_id = ?').pluck().all(imported.council.id) as number[]).map((id) => `household:${id}`),
    );
    expect(register).toHaveLength(12);
    for (const line of register) expect(households.has(line.voterKey)).toBe(true);
    expect((await target.ok('paper:recordStatus', { roundId: copy!.id })).sealed?.code).toBe(sealed.sealed!.code);
    const record = await target.ok('paper:recordDocx', { roundId: copy!.id });
    expect(await target.ok('paper:verifyRecord', { fileName: record.fileName, dataBase64: record.dataBase64 })).toMatchObject({ verdict: 'signed', code: sealed.sealed!.code });
  });
});
