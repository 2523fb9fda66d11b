/**
 * A written vote as an office runs it: 60 owners, ballots issued over three days, 41 returned,
 * 2 of them invalid, counted in public; participation and each matter's result against the voting
 * engine run by hand on the frozen electorate; forged codes, second counts, corrections, roles.
 */
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperChoice, PaperRound } from '../../shared/api/areas/paper';
import { resultsText } from '../../shared/domain/followup/notice-text';
import { decide, type Choice } from '../../shared/domain/voting/tally';
import { presets } from '../../shared/domain/voting/rules';
import { asRole, at, courtyard, fakeClock, png, refused } from './paper-fixture';

afterEach(() => {
  vi.useRealTimers();
});

const tellers = ['王芳', '李强'];
const scrutineers = ['陈静', '赵敏'];

/** Row counts of every paper table and of the votes' ballots: what a refused call must leave alone. */
function snapshot(sqlite: Database) {
  const tables = ['paper_rounds', 'paper_ballots', 'paper_register', 'paper_marks', 'paper_corrections', 'paper_signatures', 'paper_seals', 'votes', 'audit_log'];
  return Object.fromEntries(
    tables.map((table) => [table, JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all())]),
  );
}

describe('a written vote of 60 owners', () => {
  it('issued over three days, 41 returned, 2 invalid: participation and results are the engine’s on the frozen electorate', async () => {
    fakeClock();
    at(1, 9);
    const { host, people, meeting } = await courtyard(60);
    const sqlite = host.database.sqlite;

    // Bad input: Chinese, and nothing changes.
    const before = snapshot(sqlite);
    const noMatters = await refused(host, 'paper:open', {
      meetingId: meeting.id,
      title: '书面表决',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业服务中心',
      secret: false,
      matters: [],
    });
    expect(noMatters.code).toBe('invalid_input');
    expect(noMatters.message).toMatch(/至少要有一个表决事项/);
    const backwards = await refused(host, 'paper:open', {
      meetingId: meeting.id,
      title: '书面表决',
      opensOn: '2026-12-05',
      deadline: '2026-12-03',
      returnTo: '物业服务中心',
      secret: false,
      matters: [{ title: '更换电梯', rule: presets['owners-special-matter'] }],
    });
    expect(backwards.message).toMatch(/截止日期不能早于开始日期/);
    expect(snapshot(sqlite)).toEqual(before);

    const round: PaperRound = await host.ok('paper:open', {
      meetingId: meeting.id,
      title: '2026年第一次书面征求意见',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业服务中心一楼固定票箱',
      secret: false,
      matters: [
        { title: '续聘物业服务企业', rule: presets['owners-ordinary-matter'] },
        { title: '使用专项维修资金更换电梯', rule: presets['owners-special-matter'] },
      ],
    });
    expect(round.status).toBe('open');
    expect(round.matters.map((matter) => matter.special)).toEqual([false, true]);
    expect(round.matters[0]!.ruleSummary).toContain('过半数');
    expect(round.markingRules).toContain('废票');
    const [ordinary, special] = round.matters.map((matter) => matter.voteId) as [number, number];
    const votes = await host.ok('vote:list', { meetingId: meeting.id });
    expect(votes.filter((vote) => vote.mode === 'paper').map((vote) => vote.status)).toEqual(['open', 'open']);

    // One ballot per owner: the owner of two units has one ballot with both, the areas added.
    const ballots = await host.ok('paper:ballots', { roundId: round.id });
    expect(ballots).toHaveLength(60);
    expect(ballots[0]!.serial).toBe(`P${round.id}-0001`);
    expect(ballots[0]!.units).toEqual(['1-1-101', '3-2-901']);
    expect(ballots[0]!.areaCenti).toBe(people[0]!.areaCenti);
    expect(ballots[0]!.checkCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(ballots[0]!.qrText).toBe(`courtyard-ballot:1:${round.id}:${ballots[0]!.serial}:${ballots[0]!.checkCode}`);
    expect(new Set(ballots.map((ballot) => ballot.checkCode)).size).toBeGreaterThan(55);
    const building2 = await host.ok('paper:ballots', { roundId: round.id, building: '2' });
    expect(building2.length).toBe(20);

    // Day 1: twenty handed over in person; day 2: the rest door to door. Returns over the three days.
    for (const person of people.slice(0, 20)) await host.ok('paper:issue', { roundId: round.id, voterKey: person.key, how: 'in_person', by: '张秘书' });
    const again = await refused(host, 'paper:issue', { roundId: round.id, voterKey: people[0]!.key, how: 'door', by: '张秘书' });
    expect(again.message).toMatch(/已于 12月1日 \d\d:\d\d 由 张秘书 当面发放/);
    const early = await refused(host, 'paper:return', { roundId: round.id, voterKey: people[30]!.key, onPaper: true });
    expect(early.message).toMatch(/还没有登记发放/);
    for (const person of people.slice(0, 10)) await host.ok('paper:return', { roundId: round.id, voterKey: person.key, signaturePngBase64: png, onPaper: false, box: '固定票箱' });
    at(2, 10);
    expect(await host.ok('paper:issueAll', { roundId: round.id, how: 'door', by: '刘楼长' })).toEqual({ issued: 40 });
    for (const person of people.slice(10, 30)) await host.ok('paper:return', { roundId: round.id, voterKey: person.key, onPaper: true, box: '流动票箱' });
    const unsigned = await refused(host, 'paper:return', { roundId: round.id, voterKey: people[30]!.key, onPaper: false });
    expect(unsigned.message).toMatch(/签名板上签字/);
    at(3, 18);
    for (const person of people.slice(30, 41)) await host.ok('paper:return', { roundId: round.id, voterKey: person.key, signaturePngBase64: png, onPaper: false });
    const twice = await refused(host, 'paper:return', { roundId: round.id, voterKey: people[40]!.key, onPaper: true });
    expect(twice.message).toMatch(/已于 12月3日 18:00 交回/);

    const register = await host.ok('paper:register', { roundId: round.id });
    expect(register.filter((line) => line.returnedAt !== null)).toHaveLength(41);
    expect(register[0]).toMatchObject({ issuedHow: 'in_person', issuedBy: '张秘书', hasSignature: true, returnedBox: '固定票箱' });
    expect(register[15]).toMatchObject({ issuedHow: 'in_person', returnedOnPaper: true, hasSignature: false });
    const absent = await host.ok('paper:absentees', { roundId: round.id });
    expect(absent.map((line) => line.voterKey)).toEqual(people.slice(41).map((person) => person.key));
    expect((await host.ok('paper:absentees', { roundId: round.id, building: '1' })).every((line) => line.building === '1')).toBe(true);

    const entitledArea = people.reduce((sum, person) => sum + person.areaCenti, 0);
    const returnedArea = people.slice(0, 41).reduce((sum, person) => sum + person.areaCenti, 0);
    const live = await asRole(host, meeting.id, 'viewer', 'paper:participation', { roundId: round.id });
    expect(live.ok && live.value).toMatchObject({
      entitledHeadcount: 60,
      entitledAreaCenti: entitledArea,
      returnedHeadcount: 41,
      returnedAreaCenti: returnedArea,
      neededHeadcount: 40,
      headcountMet: true,
      issued: 60,
      returned: 41,
    });

    // Closing before the deadline needs the chair to say so; after it, returns stop.
    const tooSoon = await refused(host, 'paper:close', { roundId: round.id });
    expect(tooSoon.message).toMatch(/还没有到/);
    at(4, 9);
    const late = await refused(host, 'paper:return', { roundId: round.id, voterKey: people[50]!.key, onPaper: true });
    expect(late.message).toMatch(/逾期/);
    const notCounting = await refused(host, 'paper:scan', { roundId: round.id, code: ballots[0]!.qrText });
    expect(notCounting.message).toMatch(/还没有开始计票/);
    expect((await host.ok('paper:close', { roundId: round.id })).status).toBe('closed');
    const overlap = await refused(host, 'paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['王芳'] });
    expect(overlap.message).toMatch(/不能既是计票人又是监票人/);
    expect((await host.ok('paper:startCount', { roundId: round.id, tellers, scrutineers })).status).toBe('counting');

    // The counter role may scan and count, not open rounds or confirm corrections.
    const refusedOpen = await asRole(host, meeting.id, 'counter', 'paper:open', {
      meetingId: meeting.id,
      title: 'x',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: 'x',
      secret: false,
      matters: [{ title: 'x', rule: presets['owners-ordinary-matter'] }],
    });
    expect(refusedOpen.ok || refusedOpen.error.code).toBe('forbidden');

    // The marks on the 41 returned ballots: #6 and #17 invalid; the rest a fixed pattern.
    const planned = new Map<number, { ordinary: PaperChoice | null; special: PaperChoice | null } | 'invalid'>();
    for (let index = 0; index < 41; index += 1) {
      if (index === 6 || index === 17) planned.set(index, 'invalid');
      else {
        const ordinary: PaperChoice | null = index % 5 === 4 ? 'against' : index % 7 === 3 ? 'abstain' : 'for';
        const special: PaperChoice | null = index % 3 === 0 ? 'against' : index === 8 ? null : 'for';
        planned.set(index, { ordinary, special });
      }
    }
    at(4, 20, 14);
    for (const [index, plan] of planned) {
      const ballot = ballots[index]!;
      // Half the ballots scanned by QR, half typed (lower case, spaces) on the counter's phone.
      const code = index % 2 === 0 ? ballot.qrText : `${ballot.serial.toLowerCase()} ${ballot.checkCode.slice(0, 4).toLowerCase()} ${ballot.checkCode.slice(4)}`;
      const scanned = await asRole(host, meeting.id, 'counter', 'paper:scan', { roundId: round.id, code });
      expect(scanned.ok && scanned.value.ballot.state).toBe('uncounted');
      const teller = tellers[index % 2]!;
      if (plan === 'invalid') {
        const answer = await asRole(host, meeting.id, 'counter', 'paper:invalid', { roundId: round.id, code, teller, reason: '同一事项勾选了两项以上且整张无法辨认' });
        expect(answer.ok).toBe(true);
      } else {
        const marks: Record<string, PaperChoice | null> = { [String(ordinary)]: plan.ordinary };
        if (plan.special !== null) marks[String(special)] = plan.special;
        const answer = await asRole(host, meeting.id, 'counter', 'paper:count', { roundId: round.id, code, teller, marks });
        if (!answer.ok) throw new Error(answer.error.message);
      }
    }

    // A second scan says when and by whom; the counts do not move.
    const tallyBefore = await host.ok('paper:tally', { roundId: round.id });
    const rescan = await host.ok('paper:scan', { roundId: round.id, code: ballots[0]!.qrText });
    expect(rescan.ballot).toMatchObject({ state: 'counted', countedBy: '王芳', marks: { [ordinary]: 'for', [special]: 'against' } });
    const second = await refused(host, 'paper:count', { roundId: round.id, code: ballots[0]!.qrText, teller: '李强', marks: {} });
    expect(second.message).toBe('这张票已于 12月4日 20:14 由 王芳 计入，不能重复计票。如有错误，请提出更正，由监票人确认。');
    const secondInvalid = await refused(host, 'paper:invalid', { roundId: round.id, code: ballots[6]!.qrText, teller: '李强', reason: '无法辨认' });
    expect(secondInvalid.message).toMatch(/由 王芳 作为废票登记/);

    // A forged code: the right shape, a real serial, a code never issued; and a serial never printed.
    const real = ballots[41]!;
    const wrongCode = real.checkCode === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
    for (const code of [`courtyard-ballot:1:${round.id}:${real.serial}:${wrongCode}`, `${real.serial} ${wrongCode}`, `P${round.id}-0999 ${real.checkCode}`, 'courtyard-ballot:1:999:P999-0001:ABCDEFGH']) {
      const forged = await refused(host, 'paper:count', { roundId: round.id, code, teller: '王芳', marks: {} });
      expect(forged.code).toBe('invalid_input');
      expect(forged.message).toMatch(/不是本系统发出的|另一次书面表决/);
    }
    const notATeller = await refused(host, 'paper:count', { roundId: round.id, code: real.qrText, teller: '路人甲', marks: {} });
    expect(notATeller.message).toMatch(/不是本次的计票人/);
    const unknownMatter = await refused(host, 'paper:count', { roundId: round.id, code: real.qrText, teller: '王芳', marks: { '999999': 'for' } });
    expect(unknownMatter.message).toMatch(/表决票上没有这个事项/);
    const badChoice = await refused(host, 'paper:count', { roundId: round.id, code: real.qrText, teller: '王芳', marks: { [String(ordinary)]: 'yes' as PaperChoice } });
    expect(badChoice.code).toBe('invalid_input');
    expect(JSON.stringify(badChoice)).toMatch(/选项只能是同意、反对或弃权/);
    expect(await host.ok('paper:tally', { roundId: round.id })).toEqual(tallyBefore);

    // A correction: ballot #1 (index 0) read as against on the special matter, it says for. It waits for a scrutineer.
    const correction = await asRole(host, meeting.id, 'counter', 'paper:correct', {
      roundId: round.id,
      code: ballots[0]!.qrText,
      teller: '王芳',
      marks: { [String(ordinary)]: 'for', [String(special)]: 'for' },
      invalidReason: null,
      reason: '唱票时看错了第二项',
    });
    if (!correction.ok) throw new Error(correction.error.message);
    expect(correction.value).toMatchObject({ from: '1. 同意；2. 反对', to: '1. 同意；2. 同意', askedBy: '王芳' });
    expect(await host.ok('paper:tally', { roundId: round.id })).toEqual(tallyBefore);
    expect(await host.ok('paper:corrections', { roundId: round.id })).toHaveLength(1);
    const counterConfirms = await asRole(host, meeting.id, 'counter', 'paper:confirmCorrection', { correctionId: correction.value.id, scrutineer: '陈静' });
    expect(counterConfirms.ok || counterConfirms.error.code).toBe('forbidden');
    const tellerConfirms = await refused(host, 'paper:confirmCorrection', { correctionId: correction.value.id, scrutineer: '李强' });
    expect(tellerConfirms.message).toMatch(/不是本次的监票人/);
    const blocked = await refused(host, 'paper:sign', { roundId: round.id, role: 'teller', name: '王芳', signaturePngBase64: png });
    expect(blocked.message).toMatch(/1 条更正等待监票人确认/);
    const confirmed = await host.ok('paper:confirmCorrection', { correctionId: correction.value.id, scrutineer: '陈静' });
    const specialAfter = confirmed.tallies.find((tally) => tally.voteId === special)!;
    const specialBefore = tallyBefore.tallies.find((tally) => tally.voteId === special)!;
    expect(specialAfter.for.headcount).toBe(specialBefore.for.headcount + 1);
    expect(specialAfter.against.headcount).toBe(specialBefore.against.headcount - 1);
    planned.set(0, { ordinary: 'for', special: 'for' });

    // The running tally and its threshold line, by headcount and by area.
    const expected = (matter: 'ordinary' | 'special') => {
      const counts = { for: { headcount: 0, areaCenti: 0 }, against: { headcount: 0, areaCenti: 0 }, abstain: { headcount: 0, areaCenti: 0 }, blank: { headcount: 0, areaCenti: 0 } };
      for (const [index, plan] of planned) {
        if (plan === 'invalid') continue;
        const choice = plan[matter] ?? 'blank';
        counts[choice].headcount += 1;
        counts[choice].areaCenti += people[index]!.areaCenti;
      }
      return counts;
    };
    const tally = await host.ok('paper:tally', { roundId: round.id });
    expect(tally.tallies[0]).toMatchObject(expected('ordinary'));
    expect(tally.tallies[1]).toMatchObject(expected('special'));
    // Both rules take consent of those taking part (41, invalid included): more than half, and three quarters.
    expect(tally.tallies[0]!.neededHeadcount).toBe(21);
    expect(tally.tallies[1]!.neededHeadcount).toBe(31);
    expect(tally.tallies[0]!.neededAreaCenti).toBe(Math.floor(returnedArea / 2) + 1);
    expect(tally.participation).toMatchObject({ returned: 41, counted: 39, invalid: 2 });

    // Signing: every teller and scrutineer; the last signature seals and locks both matters.
    const wrongRole = await refused(host, 'paper:sign', { roundId: round.id, role: 'scrutineer', name: '王芳', signaturePngBase64: png });
    expect(wrongRole.message).toMatch(/不是本次的监票人/);
    for (const name of tellers) await host.ok('paper:sign', { roundId: round.id, role: 'teller', name, signaturePngBase64: png });
    await host.ok('paper:sign', { roundId: round.id, role: 'scrutineer', name: '陈静', signaturePngBase64: png });
    const open = await host.ok('vote:get', { voteId: ordinary });
    expect(open.status).toBe('open');
    const sealed = await host.ok('paper:sign', { roundId: round.id, role: 'scrutineer', name: '赵敏', signaturePngBase64: png });
    expect(sealed.sealed?.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(sealed.signatures).toHaveLength(4);

    // The engine, run here by hand on the frozen electorate and the ballots as planned.
    const electorate = sqlite.prepare('SELECT voter_key AS voterId, area_centi AS areaCenti FROM vote_electorate WHERE vote_id = ? ORDER BY position').all(ordinary) as Array<{ voterId: string; areaCenti: number }>;
    expect(electorate).toHaveLength(60);
    for (const [matter, voteId, rule] of [
      ['ordinary', ordinary, presets['owners-ordinary-matter']],
      ['special', special, presets['owners-special-matter']],
    ] as const) {
      const ballotsCast = [...planned].map(([index, plan]) => ({ voterId: people[index]!.key, choice: (plan === 'invalid' ? 'blank' : (plan[matter] ?? 'blank')) as Choice }));
      const decided = decide(rule, { kind: 'named', entitled: electorate, present: ballotsCast.map((ballot) => ballot.voterId), ballots: ballotsCast });
      if (!decided.ok) throw new Error(decided.error);
      const vote = await host.ok('vote:get', { voteId });
      expect(vote.status).toBe('locked');
      expect(vote.outcome?.passed).toBe(decided.value.passed);
      expect(vote.outcome?.present).toEqual({ headcount: 41, areaCenti: returnedArea });
      expect(vote.outcome?.counts.for).toEqual(decided.value.counts.for);
      expect(vote.outcome?.counts.against).toEqual(decided.value.counts.against);
      expect(vote.outcome?.quorum).toEqual(decided.value.quorum);
      expect(vote.outcome?.threshold).toEqual(decided.value.threshold);
    }
    expect((await host.ok('vote:get', { voteId: ordinary })).outcome?.passed).toBe(true);

    // Sealed: nothing counted can change, through the host or behind its back.
    const afterSeal = await refused(host, 'paper:count', { roundId: round.id, code: real.qrText, teller: '王芳', marks: {} });
    expect(afterSeal.message).toMatch(/已经签字封存/);
    expect(() => sqlite.prepare("UPDATE paper_marks SET choice = 'for'").run()).toThrow(/计票记录已封存/);
    const closeAgain = await refused(host, 'vote:close', { voteId: ordinary });
    expect(closeAgain.message).toMatch(/表决已经结束/);

    // 公示 dates.
    const posted = await host.ok('paper:post', { roundId: round.id, postedOn: '2026-12-05', postedUntil: '2026-12-12' });
    expect(posted).toMatchObject({ status: 'sealed', postedOn: '2026-12-05', postedUntil: '2026-12-12' });
    // The results notice names the written vote's results, its 核验码 and the 公示 dates.
    const notice = await host.ok('followup:resultsNotice', { councilId: meeting.councilId, meetingId: meeting.id });
    expect(notice.writtenVotes).toEqual([
      expect.objectContaining({ title: round.title, code: sealed.sealed!.code, postedOn: '2026-12-05', postedUntil: '2026-12-12', returned: 41, entitled: 60 }),
    ]);
    expect(notice.writtenVotes![0]!.matters.map((matter) => matter.passed)).toEqual([true, (await host.ok('vote:get', { voteId: special })).outcome!.passed]);
    const words = JSON.stringify(resultsText(notice));
    expect(words).toContain(`书面表决“${round.title}”的结果`);
    expect(words).toContain('公示期：2026年12月5日至2026年12月12日');

    // Every step is on the audit chain.
    const kinds = (sqlite.prepare("SELECT kind, count(*) AS n FROM audit_log WHERE kind LIKE 'paper.%' GROUP BY kind").all() as Array<{ kind: string; n: number }>).map((row) => [row.kind, row.n]);
    expect(Object.fromEntries(kinds)).toEqual({
      'paper.open': 1,
      'paper.issue': 21,
      'paper.return': 41,
      'paper.close': 1,
      'paper.count-start': 1,
      'paper.count': 39,
      'paper.invalid': 2,
      'paper.correct': 1,
      'paper.correction-confirmed': 1,
      'paper.sign': 4,
      'paper.seal': 1,
      'paper.post': 1,
    });
    const chain = await host.ok('audit:verify', {});
    expect(chain).toMatchObject({ ok: true });
  });

  it('a paper matter cannot be closed, counted or re-voted in the room; a room vote can run beside the written one', async () => {
    fakeClock();
    at(1, 9);
    const { host, meeting } = await courtyard(6);
    const round = await host.ok('paper:open', {
      meetingId: meeting.id,
      title: '书面表决',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业',
      secret: false,
      matters: [{ title: '增设充电桩', rule: presets['owners-ordinary-matter'] }],
    });
    const voteId = round.matters[0]!.voteId;
    expect((await refused(host, 'vote:close', { voteId })).message).toMatch(/书面表决的事项/);
    expect((await refused(host, 'vote:enterCounts', { voteId, for: 1, against: 0, abstain: 0 })).message).toMatch(/扫描表决票/);
    const room = await host.ok('vote:open', { meetingId: meeting.id, title: '会上表决', mode: 'hands', rule: presets['residents-meeting'] });
    expect(room.status).toBe('open');
    const another = await refused(host, 'paper:open', {
      meetingId: meeting.id,
      title: '第二次',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业',
      secret: false,
      matters: [{ title: 'x', rule: presets['owners-ordinary-matter'] }],
    });
    expect(another.message).toMatch(/还没有完成计票封存/);
    const mixed = await refused(host, 'paper:open', {
      meetingId: meeting.id,
      title: '混合',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业',
      secret: false,
      matters: [
        { title: 'a', rule: presets['owners-ordinary-matter'] },
        { title: 'b', rule: presets['residents-meeting'] },
      ],
    });
    expect(mixed.message).toMatch(/同一投票人范围/);
  });
});
