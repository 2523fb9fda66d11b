/** The wording of the generated blocks, from plain meeting data (no database). */
import { describe, expect, it } from 'vitest';
import type { VoteState } from '../../shared/api/areas/voting';
import { presets } from '../../shared/domain/voting/rules';
import { chineseOrdinal, factsSections, type MeetingData } from '../../src-main/host/areas/minutes/facts';

function vote(partial: Partial<VoteState>): VoteState {
  return {
    id: 1,
    meetingId: 3,
    agendaItemId: 11,
    title: '加装路灯',
    mode: 'hands',
    status: 'locked',
    voterBasis: 'members',
    entitled: 5,
    present: 4,
    ballotsCast: 4,
    totals: { for: { headcount: 3, areaCenti: 0 }, against: { headcount: 1, areaCenti: 0 }, abstain: { headcount: 0, areaCenti: 0 }, blank: { headcount: 0, areaCenti: 0 } },
    openedAt: '2026-12-05T11:40:00Z',
    closedAt: '2026-12-05T11:45:00Z',
    replacesVoteId: null,
    correctionReason: null,
    rule: presets['council-majority'],
    outcome: null,
    outcomeProblem: null,
    lockedAt: '2026-12-05T11:46:00Z',
    ...partial,
  };
}

const data = (partial: Partial<MeetingData> = {}): MeetingData => ({
  meeting: {
    id: 3,
    councilId: 1,
    title: '院落议事会（12 月）',
    date: '2026-12-05',
    startTime: '19:30',
    place: '3 号楼前空地',
    status: 'closed',
    chairId: 1,
    secretaryId: 2,
    chairName: '王建国',
    secretaryName: '李秀英',
    agendaCount: 2,
    agenda: [
      { id: 11, meetingId: 3, position: 1, title: '加装路灯', text: '三号楼前太暗。', amendedText: '三号楼前太暗，加装两盏太阳能路灯。', stepIndex: 4 },
      { id: 12, meetingId: 3, position: 2, title: '楼道堆物', text: '', amendedText: null, stepIndex: 3 },
    ],
  },
  stepNames: ['收集议题', '审议议题', '公示通知', '协商讨论', '表决决议', '落实公示'],
  members: ['王建国', '李秀英', '何兆品', '张桂兰', '刘德华'],
  attendees: [
    { name: '王建国', household: '1-1-101', observer: false, member: true },
    { name: '李秀英', household: '1-1-102', observer: false, member: true },
    { name: '孙网格', household: null, observer: true, member: false },
  ],
  proxies: [{ grantor: '陈淑珍', household: '2-1-301', holder: '何兆品' }],
  speakers: [{ agendaItemId: 11, name: '何兆品', household: '2-1-302', view: 'suggestion', note: '用太阳能灯' }],
  votes: [],
  ...partial,
});

describe('generated blocks of the minutes', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('议题%s is written 议题%s', (n, words) => expect(chineseOrdinal(n)).toBe(words));

  it('header and attendance in words: entitled, present, absent, attending and proxies', () => {
    const layout = factsSections(data());
    expect(layout.title).toBe('院落议事会（12 月）会议记录');
    const [header, attendance, agenda] = layout.sections;
    expect(header!.block.pairs).toEqual([
      ['时间', '2026年12月5日 19:30'],
      ['地点', '3 号楼前空地'],
      ['主持人', '王建国'],
      ['记录人', '李秀英'],
    ]);
    expect(Object.fromEntries(attendance!.block.pairs!)).toEqual({
      应到: '5 人：王建国、李秀英、何兆品、张桂兰、刘德华',
      实到: '2 人：王建国、李秀英',
      缺席: '3 人：何兆品、张桂兰、刘德华',
      列席: '1 人：孙网格',
      委托: '陈淑珍（2-1-301）委托何兆品',
    });
    expect(agenda!.block.table!.rows).toEqual([
      ['1', '加装路灯', '5. 表决决议'],
      ['2', '楼道堆物', '4. 协商讨论'],
    ]);
  });

  it("uses the council's own step names", () => {
    const layout = factsSections(data({ stepNames: ['集议', '附议', '定议', '论议', '示议', '践议'] }));
    expect(layout.sections[2]!.block.table!.rows[0]![2]).toBe('5. 示议');
  });

  it('per matter: heading, text, views heard and the latest vote with its outcome; a superseded vote is left out', () => {
    const explanation = '适用规则：议事会过半数表决。应到会 5 人，到会 4 人……通过。';
    const first = vote({ id: 1, outcome: null, outcomeProblem: '还没有录入票数。' });
    const second = vote({
      id: 2,
      replacesVoteId: 1,
      correctionReason: '票数录错',
      outcome: { passed: true, explanation, counts: first.totals } as unknown as VoteState['outcome'],
    });
    const layout = factsSections(data({ votes: [first, second] }));
    const [light, clutter] = layout.matters;
    expect(light!.heading).toBe('议题一：加装路灯');
    expect(light!.section).toBe('matter:11');
    const parts = light!.block.parts!;
    expect(parts.map((part) => part.caption)).toEqual(['议题内容', '会上修改后的议案', '发言', '表决：加装路灯']);
    expect(parts[1]!.notes).toEqual(['三号楼前太暗，加装两盏太阳能路灯。']);
    expect(parts[2]!.table!.rows).toEqual([['何兆品', '2-1-302', '建议', '用太阳能灯']]);
    expect(Object.fromEntries(parts[3]!.pairs!)).toMatchObject({ 表决方式: '举手表决', 同意: '3 人', 反对: '1 人', 弃权: '0 人', 表决结果: '通过' });
    expect(parts[3]!.notes).toEqual(['本次为重新表决，原因：票数录错', explanation]);
    expect(clutter!.heading).toBe('议题二：楼道堆物');
    expect(clutter!.block.parts).toEqual([{ caption: '表决', notes: ['本议题没有表决。'] }]);
  });

  it('an open vote says so; owners by area show the area', () => {
    const open = vote({ status: 'open', outcome: null, lockedAt: null });
    expect(Object.fromEntries(factsSections(data({ votes: [open] })).matters[0]!.block.parts!.find((part) => part.pairs)!.pairs!).表决结果).toBe('表决进行中');
    const owners = vote({
      mode: 'roll_call',
      voterBasis: 'owners',
      rule: presets['owners-ordinary-matter'],
      totals: { for: { headcount: 2, areaCenti: 17_050 }, against: { headcount: 1, areaCenti: 8_000 }, abstain: { headcount: 0, areaCenti: 0 }, blank: { headcount: 0, areaCenti: 0 } },
    });
    const pairs = Object.fromEntries(factsSections(data({ votes: [owners] })).matters[0]!.block.parts!.find((part) => part.pairs)!.pairs!);
    expect(pairs.同意).toBe('2 位业主（面积 170.50㎡）');
  });

  it('the same data gives the same words (a refresh without changes changes nothing)', () => {
    expect(JSON.stringify(factsSections(data()))).toBe(JSON.stringify(factsSections(data())));
  });
});
