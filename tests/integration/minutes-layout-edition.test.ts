/**
 * The minutes as a secretary files them (record format 3): each vote's result and explanation
 * once, no heading without content, the editor's copy of the title left out, labels of one width
 * without padding spaces. A record signed as format 2 is still laid out as it was signed, so its
 * files verify.
 */
import { describe, expect, it } from 'vitest';
import type { MinutesBlock } from '../../src-main/host/areas/seals/minutes-blocks';
import { layoutParagraphs, minutesLayoutOf } from '../../src-main/host/areas/seals/minutes-layout';
import type { SealedRecord } from '../../src-main/host/areas/seals/record';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

const mark = { digest: 'd'.repeat(64), code: 'CODE-CODE-CODE', qrHash: 'q'.repeat(64) };

async function signedRecord(): Promise<SealedRecord> {
  const held = await heldMeeting(tempHost());
  await signBoth(held);
  return JSON.parse(held.host.database.sqlite.prepare('SELECT canonical FROM seals WHERE meeting_id = ?').pluck().get(held.meetingId) as string);
}

/** What the minutes editor lays out for a meeting: its title, section headings over generated blocks, a matter with its vote. */
function editorSkeleton(record: SealedRecord): MinutesBlock[] {
  const vote = record.votes[0]!;
  const text = (value: string) => [{ text: value }];
  return [
    { type: 'heading', level: 1, content: text(`${record.meeting.title}会议记录`) },
    { type: 'heading', level: 2, content: text('出席情况') },
    { type: 'facts', section: 'attendance', facts: { pairs: [['应到', '7 人']] } },
    { type: 'heading', level: 2, content: text('会议议程') },
    { type: 'facts', section: 'agenda', facts: { table: { columns: ['序号', '议题'], rows: [['1', vote.title]] } } },
    { type: 'heading', level: 2, content: text(`议题一：${vote.title}`) },
    { type: 'paragraph', content: text('居民代表介绍了铺装方案。') },
    {
      type: 'facts',
      section: 'matter:1',
      facts: { pairs: [['当前步骤', '5. 表决决议']], parts: [{ caption: `表决：${vote.title}`, pairs: [['表决结果', '通过']], notes: [vote.explanation] }] },
    },
    { type: 'heading', level: 2, content: text('议题二：楼道堆物清理') },
    { type: 'paragraph', content: [] },
    ...record.minutes,
  ];
}

const count = (lines: string[], part: string) => lines.filter((line) => line.includes(part)).length;

describe('the minutes as filed (format 3)', () => {
  it('say each vote’s explanation once, leave out empty headings and the repeated title, and spread labels without spaces', async () => {
    const signed = await signedRecord();
    expect(signed.format).toBe('courtyard-minutes/3');
    const record: SealedRecord = { ...signed, minutes: editorSkeleton(signed) };
    const lines = layoutParagraphs(minutesLayoutOf(record, mark));
    const explanation = record.votes[0]!.explanation;
    expect(explanation.length).toBeGreaterThan(20);
    expect(count(lines, explanation)).toBe(1);
    expect(lines).toContain(`1. ${record.votes[0]!.title}：经表决通过（见表决情况（一））。`);
    // Headings over nothing (the generated attendance and agenda are laid out in the header; 议题二 was never written) are gone.
    for (const empty of ['出席情况', '会议议程', '议题二：楼道堆物清理']) expect(lines).not.toContain(empty);
    expect(lines).toContain(`议题一：${record.votes[0]!.title}`);
    expect(count(lines, `${record.meeting.title}会议记录`)).toBe(1);
    expect(lines).toContain('时间：2026年12月2日 19:00');
    expect(lines).toContain('主持人：王建国');
    expect(lines.filter((line) => /^(时|地|主|记)[ \u3000]/.test(line))).toEqual([]);
  }, 60_000);

  it('a record signed as format 2 is laid out as it was signed', async () => {
    const signed = await signedRecord();
    const record: SealedRecord = { ...signed, format: 'courtyard-minutes/2', minutes: editorSkeleton(signed) };
    const lines = layoutParagraphs(minutesLayoutOf(record, mark));
    expect(count(lines, record.votes[0]!.explanation)).toBe(3);
    expect(lines).toContain('出席情况');
    expect(lines).toContain('时　　间：2026年12月2日 19:00');
    expect(lines).toContain('主 持 人：王建国');
    expect(lines.some((line) => line.startsWith(`1. ${record.votes[0]!.title}：经表决通过。`))).toBe(true);
  }, 60_000);
});
