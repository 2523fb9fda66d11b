import { describe, expect, it } from 'vitest';
import { announcementText, chineseOrdinal, resultsText, taskProgress } from './notice-text';
import { summarizeRatings } from './ratings';

describe('notice wording', () => {
  it('numbers headings the Chinese way', () => {
    expect([1, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '十', '十一', '二十', '二十三']);
  });

  it('announces time, place and agenda, and how to raise matters', () => {
    const text = announcementText({
      title: '关于召开院落议事会（12 月）的通知',
      councilName: '平安小区院落议事会',
      meetingTitle: '院落议事会（12 月）',
      date: '2026-12-03',
      startTime: '19:00',
      place: '平安小区活动室',
     
      agenda: [
        { title: '小广场地面重新铺装', text: '地砖破损' },
        { title: '增设电动车集中充电桩', text: '' },
      ],
      intakeOpen: true,
      issuedOn: '2026-11-23',
    });
    expect(text.opening).toContain('2026年12月3日（星期四）晚上 19:00在平安小区活动室召开院落议事会（12 月）');
    expect(text.sections[2]!.paragraphs).toEqual(['1. 小广场地面重新铺装：地砖破损', '2. 增设电动车集中充电桩']);
    expect(text.sections.find((section) => section.qr)?.paragraphs[0]).toContain('扫描下方二维码');
    expect(text.signature).toEqual(['平安小区院落议事会', '2026年11月23日']);
  });

  it('without a place says it will follow', () => {
    const text = announcementText({
      title: 't', councilName: 'c', meetingTitle: 'm', date: '2026-12-03', startTime: '09:00', place: '', agenda: [], intakeOpen: false, issuedOn: '2026-11-23',
    });
    expect(text.sections[1]!.paragraphs).toEqual(['另行通知']);
    expect(text.sections).toHaveLength(4);
  });

  it('keeps a long matter short on the board', () => {
    const text = announcementText({
      title: 't', councilName: 'c', meetingTitle: 'm', date: '2026-12-03', startTime: '09:00', place: 'p',
      agenda: [{ title: '漏水', text: '长'.repeat(300) }], intakeOpen: false, issuedOn: '2026-11-23',
    });
    expect(text.sections[2]!.paragraphs[0]).toBe(`1. 漏水：${'长'.repeat(80)}…`);
  });

  it('states each resolution, its vote, its tasks and ratings', () => {
    const task = {
      title: '清运垃圾', ownerName: '物业公司', deadline: '2026-11-01', status: 'in_progress' as const, doneOn: null, overdue: true, daysOverdue: 22,
      reportedMeetingTitle: null, notes: [{ text: '状态：未开始 → 进行中', at: '' }, { text: '已联系清运公司', at: '' }],
    };
    expect(taskProgress(task)).toBe('进行中；已逾期 22 天；已联系清运公司');
    const text = resultsText({
      title: '公示', councilName: '平安小区院落议事会', meetingTitle: null, issuedOn: '2026-11-23',
      resolutions: [{
        title: '垃圾房异味整治', text: '增加清运频次', meetingTitle: '第三季度院落议事会', meetingDate: '2026-09-14', provisional: false,
        votesFor: 30, votesAgainst: 2, votesAbstain: 1, ratings: summarizeRatings(['satisfied', 'basically', 'unsatisfied']), tasks: [task],
      }],
    });
    const section = text.sections[0]!;
    expect(section.heading).toBe('一、垃圾房异味整治');
    expect(section.paragraphs[0]).toBe('2026年9月14日“第三季度院落议事会”表决通过：同意 30 票，反对 2 票，弃权 1 票。');
    expect(section.paragraphs.at(-1)).toBe('居民评价：满意 1 户，基本满意 1 户，不满意 1 户，满意率 66.7%。');
    expect(section.table?.[1]).toEqual(['清运垃圾', '物业公司', '2026年11月1日', '进行中；已逾期 22 天；已联系清运公司']);
  });
});
