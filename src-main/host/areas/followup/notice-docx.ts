/**
 * The two public notices as Word files, in the official typography of exports/docx-style.ts.
 * The wording comes from shared/domain/followup/notice-text.ts, the same the print view shows.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type Table } from 'docx';
import type { AnnouncementNotice, ResultsNotice } from '../../../../shared/api/areas/followup';
import type { FilePayload } from '../../../../shared/api/kit';
import { announcementText, resultsText, type NoticeText } from '../../../../shared/domain/followup/notice-text';
import { a4Section, body, chineseDocument, docxMimeType, heading1, packDocx, plain, run, sizes, table, title } from '../../exports/docx-style';
import { chineseDate } from '../../../../shared/domain/followup/dates';
import { safeFileName } from '../../exports/file-name';
import { qrPng, wishUrl } from '../../exports/qr';

/** Lines holding an image size to it: the body's exact 28-pt spacing would clip it. */
const imageSpacing = { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 } };

function layout(text: NoticeText, qr: { png: Buffer; url: string } | null): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = [title(text.title), plain(text.salutation), body(text.opening)];
  for (const section of text.sections) {
    blocks.push(heading1(section.heading));
    for (const paragraph of section.paragraphs) blocks.push(body(paragraph));
    if (section.table) {
      // 小四 with 18-pt lines: a task table is read up close, and the body's 28-pt lines would split every date.
      const cell = (text: string, header: boolean, centred: boolean) => [
        new Paragraph({
          alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 360, lineRule: LineRuleType.EXACT },
          children: [run(text, { sizePt: sizes.xiaosi, face: header ? 'hei' : 'fangsong', bold: header })],
        }),
      ];
      const [header, ...rows] = section.table;
      blocks.push(
        table(
          [header!.map((text) => cell(text, true, true)), ...rows.map((cells) => cells.map((text, index) => cell(text, false, index === 1 || index === 2)))],
          [0.27, 0.15, 0.25, 0.33],
        ),
      );
      blocks.push(plain(''));
    }
    if (section.qr && qr) {
      blocks.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          ...imageSpacing,
          keepNext: true,
          children: [new ImageRun({ type: 'png', data: qr.png, transformation: { width: 150, height: 150 }, altText: { name: '二维码', title: '扫码反映意见', description: qr.url } })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`扫码反映意见：${qr.url}`, { face: 'song', sizePt: sizes.wu })] }),
      );
    }
  }
  blocks.push(body(text.closing), plain(''));
  for (const line of text.signature) blocks.push(plain(line, { alignment: AlignmentType.RIGHT, indent: { right: 640 } }));
  return blocks;
}

async function pack(text: NoticeText, qr: { png: Buffer; url: string } | null, fileName: string): Promise<FilePayload> {
  const document = chineseDocument([a4Section(layout(text, qr))], { title: text.title });
  const data = await packDocx(document);
  return { fileName, mimeType: docxMimeType, dataBase64: data.toString('base64') };
}

export async function announcementDocx(notice: AnnouncementNotice, publicBaseUrl: string): Promise<FilePayload> {
  const url = wishUrl(publicBaseUrl, notice.wishPath);
  return pack(announcementText(notice), { png: await qrPng(url), url }, safeFileName([notice.meetingTitle, chineseDate(notice.date), '会议通知'], 'docx'));
}

export function resultsDocx(notice: ResultsNotice): Promise<FilePayload> {
  return pack(resultsText(notice), null, safeFileName([notice.meetingTitle ?? notice.councilName, '决议落实公示', chineseDate(notice.issuedOn)], 'docx'));
}
