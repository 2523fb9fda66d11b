/**
 * 催告: what the council carries door to door in the last days of a written vote. First the
 * absentee list by building (households whose ballot has not come back, issued or not), with room
 * to note each visit; then one notice per absent household, a page each, to leave at the door.
 * The notice is polite and calm: it names the deadline and where to return the ballot, explains
 * why every household matters (art. 278: two thirds by headcount and by area must take part), and
 * says that any choice, including abstaining, is the owner's own.
 */
import { type Paragraph, type Table } from 'docx';
import { chineseDate } from '../../../../shared/domain/followup/dates';
import { chineseDocument, packDocx, run } from '../../exports/docx-style';
import { areaText, buildingName, byBuilding, dateWithWeekday, formSection, formTable, issueHowText, line, ownerName, shortMoment, textCell, type FormCell } from './docx-kit';
import type { PaperRound, RegisterLine } from './docx-types';

function absent(lines: RegisterLine[], building: string | null): RegisterLine[] {
  return lines.filter((entry) => !entry.returnedAt && (building === null || entry.building === building));
}

function issuedText(entry: RegisterLine): string {
  if (!entry.issuedAt) return '未发放';
  return `${shortMoment(entry.issuedAt)} ${entry.issuedHow ? issueHowText[entry.issuedHow] : ''}${entry.issuedBy ? `（${entry.issuedBy}）` : ''}`.trim();
}

function absenteeList(round: PaperRound, lines: RegisterLine[]): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = [
    line(round.title, { face: 'xiaobiaosong', sizePt: 16, align: 'center' }),
    line('未交回表决票名单（上门提醒用）', { face: 'hei', sizePt: 14, align: 'center', after: 4 }),
    line(`${round.councilName}\u3000交回截止 ${dateWithWeekday(round.deadline)}\u3000共 ${lines.length} 户`, { face: 'fangsong', sizePt: 10.5, align: 'center', after: 6 }),
  ];
  const cell = (text: string, align: 'left' | 'center' = 'center') => textCell(text, { face: 'fangsong', sizePt: 10.5, align, leading: 1.3 });
  for (const group of byBuilding(lines)) {
    const area = group.lines.reduce((sum, entry) => sum + entry.areaCenti, 0);
    blocks.push(line(`${buildingName(group.building)}：${group.lines.length} 户，专有部分面积 ${areaText(area)}`, { face: 'hei', sizePt: 12, before: 8, after: 4, keepNext: true }));
    const rows: FormCell[][] = [
      ['序号', '房号', '业主', '面积', '发放情况', '上门提醒记录', '备注'].map((text) => textCell(text, { face: 'hei', sizePt: 10.5, shade: true })),
      ...group.lines.map((entry, index) => [
        cell(String(index + 1)),
        cell(entry.units.join('\n') || '—'),
        cell(ownerName(entry), 'left'),
        cell(areaText(entry.areaCenti)),
        cell(issuedText(entry)),
        cell(''),
        cell(''),
      ]),
    ];
    blocks.push(formTable(rows, [0.06, 0.13, 0.21, 0.1, 0.18, 0.2, 0.12], { header: 1, minHeightPt: 26 }));
  }
  return blocks;
}

function notice(round: PaperRound, entry: RegisterLine, printedOn: string | null): Array<Paragraph | Table> {
  const text = { face: 'fangsong' as const, sizePt: 14, leading: 1.75, firstLineChars: 2, align: 'both' as const };
  const units = entry.units.join('、');
  return [
    line('表决票交回提醒', { face: 'xiaobiaosong', sizePt: 22, align: 'center', pageBreakBefore: true, before: 24, after: 6 }),
    line(round.title, { face: 'kai', sizePt: 14, align: 'center', after: 18 }),
    line(`尊敬的${ownerName(entry)}业主${units && ownerName(entry) !== entry.label ? `（${units}）` : ''}：`, { face: 'fangsong', sizePt: 14, leading: 1.75 }),
    line(
      `${round.councilName}于 ${chineseDate(round.opensOn)} 起向全体业主发放了“${round.title}”表决票，共 ${round.matters.length} 项表决事项。截至本提醒送达时，我们还没有收到您家的表决票。`,
      text,
    ),
    line(
      '按照《中华人民共和国民法典》第二百七十八条，业主共同决定事项，须由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，表决才有效。每一户交回的表决票都关系到这一次能否作出决定。',
      text,
    ),
    line(
      [
        run('请在 ', { face: 'fangsong', sizePt: 14 }),
        run(dateWithWeekday(round.deadline), { face: 'fangsong', sizePt: 14, bold: true }),
        run(' 前将填好的表决票交回：', { face: 'fangsong', sizePt: 14 }),
        run(round.returnTo, { face: 'fangsong', sizePt: 14, bold: true }),
        run('。', { face: 'fangsong', sizePt: 14 }),
      ],
      text,
    ),
    line('同意、反对或弃权，都是您的权利，我们尊重您的每一个选择。如果没有收到表决票或表决票遗失，请与业主委员会联系，我们会为您补发；行动不便的，我们可以上门收取。', text),
    line('如您已经交回，请忽略本提醒，并感谢您的支持。', text),
    line(round.councilName, { face: 'fangsong', sizePt: 14, align: 'right', before: 24, leading: 1.75, indentChars: 0 }),
    line(printedOn ? chineseDate(printedOn) : '　　　　年　　月　　日', { face: 'fangsong', sizePt: 14, align: 'right', leading: 1.75 }),
  ];
}

/**
 * The absentee list, then a notice for each absent household. `printedOn` (YYYY-MM-DD) dates the
 * notices; without it they carry a blank date to fill in by hand.
 */
export async function reminderDocx(round: PaperRound, lines: RegisterLine[], building: string | null, printedOn: string | null = null): Promise<Buffer> {
  const missing = absent(lines, building);
  const blocks: Array<Paragraph | Table> = absenteeList(round, missing);
  if (missing.length === 0) blocks.push(line('所有业主的表决票均已交回，无需上门提醒。', { face: 'fangsong', sizePt: 12, before: 12 }));
  for (const group of byBuilding(missing)) for (const entry of group.lines) blocks.push(...notice(round, entry, printedOn));
  return packDocx(chineseDocument([formSection(blocks, { pageNumbers: false })], { title: `${round.title} 催告` }));
}
