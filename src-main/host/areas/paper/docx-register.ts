/**
 * 发放回收登记册: printable sheets by building, landscape A4, one building per page run, a
 * heading per building and a table with a blank column where owners sign on paper when they
 * hand their ballot back. The register is filled in by hand at the door as much as on the
 * console, so every row has room to write.
 */
import { type ISectionOptions, type Paragraph, type Table } from 'docx';
import { chineseDocument, packDocx } from '../../exports/docx-style';
import { areaText, buildingName, byBuilding, dateWithWeekday, formSection, formTable, formTextWidth, issueHowText, line, ownerName, runningHeads, shortMoment, textCell, type FormCell } from './docx-kit';
import type { PaperRound, RegisterLine } from './docx-types';

/** Landscape A4's text width with the form margins. */
const landscapeWidth = formTextWidth + (16838 - 11906);

const headings = ['序号', '房号', '业主', '面积', '发放时间', '方式', '发放人', '回收时间', '业主签字', '备注'];
const widths = [0.05, 0.12, 0.15, 0.08, 0.1, 0.06, 0.07, 0.1, 0.15, 0.12];

function remark(entry: RegisterLine): string {
  const notes: string[] = [];
  if (entry.returnedAt) {
    if (entry.hasSignature) notes.push('已在签名板签名');
    else if (entry.returnedOnPaper) notes.push('纸面签字');
    if (entry.returnedBox) notes.push(entry.returnedBox);
  }
  return notes.join('；');
}

function registerRow(entry: RegisterLine, index: number): FormCell[] {
  const cell = (text: string, align: 'left' | 'center' = 'center') => textCell(text, { face: 'fangsong', sizePt: 10.5, align, leading: 1.3 });
  return [
    cell(String(index + 1)),
    cell(entry.units.join('\n') || '—'),
    cell(ownerName(entry), 'left'),
    cell(areaText(entry.areaCenti)),
    cell(shortMoment(entry.issuedAt)),
    cell(entry.issuedHow ? issueHowText[entry.issuedHow] : ''),
    cell(entry.issuedBy ?? ''),
    cell(shortMoment(entry.returnedAt)),
    cell(''),
    cell(remark(entry), 'left'),
  ];
}

function summary(lines: RegisterLine[]): string {
  const issued = lines.filter((entry) => entry.issuedAt).length;
  const returned = lines.filter((entry) => entry.returnedAt).length;
  const area = lines.reduce((sum, entry) => sum + entry.areaCenti, 0);
  return `本楼 ${lines.length} 户，专有部分面积合计 ${areaText(area)}；已发放 ${issued} 份，已交回 ${returned} 份，未交回 ${lines.length - returned} 份。`;
}

function only(lines: RegisterLine[], building: string | null): RegisterLine[] {
  return building === null ? lines : lines.filter((entry) => entry.building === building);
}

export async function registerDocx(round: PaperRound, lines: RegisterLine[], building: string | null): Promise<Buffer> {
  // A section per building: each starts on a new page and names its building at the head of every page.
  const sections: ISectionOptions[] = byBuilding(only(lines, building)).map((group) => {
    const name = buildingName(group.building);
    const blocks: Array<Paragraph | Table> = [
      line(round.title, { face: 'xiaobiaosong', sizePt: 16, align: 'center', keepNext: true }),
      line(`表决票发放回收登记册\u3000${name}`, { face: 'hei', sizePt: 14, align: 'center', after: 4, keepNext: true }),
      line(`${round.councilName}\u3000发放自 ${dateWithWeekday(round.opensOn)}，交回截止 ${dateWithWeekday(round.deadline)}。${summary(group.lines)}`, { face: 'fangsong', sizePt: 10.5, after: 4, keepNext: true }),
      formTable(
        [headings.map((text) => textCell(text, { face: 'hei', sizePt: 10.5, shade: true })), ...group.lines.map(registerRow)],
        widths,
        { header: 1, minHeightPt: 30, width: landscapeWidth },
      ),
      line('发放方式：当面＝当面交给业主；上门＝送到家中；信报箱＝投入信报箱。回收时请业主本人在“业主签字”栏签名。', { face: 'fangsong', sizePt: 9, before: 4 }),
    ];
    return { ...formSection(blocks, { pageNumbers: true, landscape: true }), headers: runningHeads(`${round.title}\u3000发放回收登记册\u3000${name}`) };
  });
  if (sections.length === 0) sections.push(formSection([line('该楼栋没有需要发放表决票的业主。', { face: 'fangsong', sizePt: 12 })], { landscape: true }));
  return packDocx(chineseDocument(sections, { title: `${round.title} 发放回收登记册` }));
}
