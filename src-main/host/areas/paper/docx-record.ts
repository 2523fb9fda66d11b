/**
 * 计票记录: the public count of a written vote as a Word file. Who counted and who watched;
 * ballots issued, returned, counted and invalid, reconciled (a mismatch is said in words, never
 * hidden); participation against art. 278's two thirds by headcount and by area; each matter's
 * tally under its own rule with the engine's explanation; the tellers' and scrutineers'
 * signatures; and, once sealed, the verification code, digest and QR code as the minutes carry them.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import QRCode from 'qrcode';
import { chineseDocument, packDocx, pageNumberFooters, run } from '../../exports/docx-style';
import { pngSize } from '../seals/minutes-docx';
import { areaText, dateWithWeekday, formSection, formTable, line, pictureLine, shortMoment, textCell, type FormCell } from './docx-kit';
import type { CountRecordDoc, CountRecordMatter, CountRecordSeal, Participation } from './docx-types';

export type RecordSeal = CountRecordSeal;

/** What the record's QR code says: the round and the digest in plain words, no outside address (as the minutes' seal). */
export function recordQrText(round: { id: number; title: string }, code: string, digest: string): string {
  return ['院落议事·计票记录核验', `表决：${round.title}（编号 ${round.id}）`, `核验码：${code}`, `SHA-256:${digest}`].join('\n');
}

/** The same inputs give the same PNG bytes, so a verifier can redraw the code and compare. */
export function recordQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * The sealed record carries no time zone, and the verifier lays it out again, perhaps on another
 * computer: its times are written in China Standard Time, where the councils sit, so the same
 * record always gives the same text.
 */
export const recordTimeZone = 'Asia/Shanghai';
const moment = (iso: string | null) => shortMoment(iso, recordTimeZone);

const body = { face: 'fangsong' as const, sizePt: 12, leading: 1.6 };
const heading = (text: string) => line(text, { face: 'hei', sizePt: 14, before: 10, after: 4, keepNext: true });
const cell = (text: string, style: { bold?: boolean; align?: 'left' | 'center'; keepNext?: boolean } = {}) => textCell(text, { face: 'fangsong', sizePt: 11, leading: 1.3, ...style });
const head = (text: string) => textCell(text, { face: 'hei', sizePt: 11, shade: true });

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(2)}%` : '—';
}

/** Ballots read at the count: the valid ones and the invalid ones (废票 take part too). */
const readAtCount = (doc: CountRecordDoc) => doc.reconciliation.counted + doc.reconciliation.invalid;

/**
 * The reconciliation in words: the host's mismatches as it found them, each flagged; or, when
 * there are none, the equation that shows the register and the ballot box agree.
 */
export function reconciliationLines(doc: CountRecordDoc): Array<{ text: string; agrees: boolean }> {
  const r = doc.reconciliation;
  if (r.mismatches.length) return r.mismatches.map((text) => ({ text: `不相符：${text}`, agrees: false }));
  return [{ agrees: true, text: `登记册记录收回 ${r.returned} 张，计票读入 ${readAtCount(doc)} 张（有效票 ${r.counted} 张 ＋ 废票 ${r.invalid} 张），相符。` }];
}

function countTable(doc: CountRecordDoc): Table {
  const r = doc.reconciliation;
  const p = doc.participation;
  const rows: FormCell[][] = [
    [head('项目'), head('张数（户数）'), head('专有部分面积'), head('说明')],
    [cell('应参与表决'), cell(String(r.entitled)), cell(areaText(p.entitledAreaCenti)), cell('表决开始时确定的业主名单', { align: 'left' })],
    [cell('印制表决票'), cell(String(r.printed)), cell('—'), cell('有业主登记的每户一张', { align: 'left' })],
    [cell('发放表决票'), cell(String(r.issued)), cell('—'), cell('按发放登记', { align: 'left' })],
    [cell('登记册记录收回'), cell(String(r.returned)), cell('—'), cell('业主交回时在登记册上签字', { align: 'left' })],
    [cell('计票读入'), cell(String(readAtCount(doc))), cell(areaText(p.returnedAreaCenti)), cell('计入参与表决', { align: 'left' })],
    [cell('其中：有效票'), cell(String(r.counted)), cell('—'), cell('')],
    [cell('\u3000\u3000\u3000废票'), cell(String(r.invalid)), cell('—'), cell('计入参与表决，不计入同意或反对', { align: 'left' })],
    [cell('未收回或未读入'), cell(String(r.uncounted)), cell('—'), cell('印制而未在计票时读入', { align: 'left' })],
  ];
  return formTable(rows, [0.24, 0.18, 0.22, 0.36], { header: 1 });
}

function participationText(p: Participation): string {
  const met = p.headcountMet && p.areaMet;
  return (
    `参与表决的业主 ${p.returnedHeadcount} 人，占 ${p.entitledHeadcount} 人的 ${percent(p.returnedHeadcount, p.entitledHeadcount)}（三分之二为 ${p.neededHeadcount} 人），` +
    `专有部分面积 ${areaText(p.returnedAreaCenti)}，占 ${areaText(p.entitledAreaCenti)} 的 ${percent(p.returnedAreaCenti, p.entitledAreaCenti)}（三分之二为 ${areaText(p.neededAreaCenti)}）。` +
    (met
      ? '人数和面积均达到《民法典》第二百七十八条规定的参与表决要求。'
      : `${!p.headcountMet && !p.areaMet ? '人数和面积均' : !p.headcountMet ? '人数' : '面积'}未达到《民法典》第二百七十八条规定的参与表决要求（人数和面积均须三分之二以上），本次表决不能形成决定。`)
  );
}

/** A matter's tally; its rows keep with the result line after it, so a page never ends between them. */
function tallyTable(matter: CountRecordMatter): Table {
  const keep = { keepNext: true };
  const share = (label: string, value: { headcount: number; areaCenti: number }) => [cell(label, keep), cell(String(value.headcount), keep), cell(areaText(value.areaCenti), keep)];
  const keptHead = (text: string) => textCell(text, { face: 'hei', sizePt: 11, shade: true, keepNext: true });
  return formTable(
    [
      [keptHead('意见'), keptHead('人数'), keptHead('专有部分面积')],
      share('同意', matter.counts.for),
      share('反对', matter.counts.against),
      share('弃权', matter.counts.abstain),
      share('未表示意见', matter.counts.blank),
      share('废票', matter.invalid),
    ],
    [0.4, 0.25, 0.35],
    { header: 1 },
  );
}

function listTable(headings: string[], rows: string[][], widths: number[]): Table {
  return formTable([headings.map(head), ...rows.map((cells) => cells.map((text, index) => cell(text, { align: index === 0 ? 'center' : 'left' })))], widths, { header: 1 });
}

const roleName = { teller: '计票人', scrutineer: '监票人' } as const;

/** Every named teller and scrutineer, with the signature they gave on the pad or a blank where none yet. */
function signatureTable(doc: CountRecordDoc): Table {
  const rows: FormCell[][] = [[head('职责'), head('姓名'), head('签名'), head('签名时间')]];
  const named = [...doc.tellers.map((name) => ({ role: 'teller' as const, name })), ...doc.scrutineers.map((name) => ({ role: 'scrutineer' as const, name }))];
  for (const { role, name } of named) {
    const signed = doc.signatures.find((entry) => entry.role === role && entry.name === name);
    let picture: FormCell = cell('（未签名）');
    if (signed) {
      const png = Buffer.from(signed.pngBase64, 'base64');
      const { width, height } = pngSize(png);
      const scale = Math.min(150 / width, 50 / height, 1);
      picture = {
        children: [
          pictureLine([
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) },
              altText: { name: '签名', title: `${roleName[role]}签名`, description: name },
            }),
          ]),
        ],
      };
    }
    rows.push([cell(roleName[role]), cell(name), picture, cell(signed ? moment(signed.signedAt) : '')]);
  }
  return formTable(rows, [0.16, 0.22, 0.38, 0.24], { header: 1, minHeightPt: 40 });
}

const numbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export async function recordDocx(doc: CountRecordDoc, seal: RecordSeal | null): Promise<Buffer> {
  const { round, participation } = doc;
  const blocks: Array<Paragraph | Table> = [
    line(doc.councilName, { face: 'hei', sizePt: 14, align: 'center' }),
    line(round.title, { face: 'xiaobiaosong', sizePt: 18, align: 'center', leading: 1.35 }),
    line('计票记录', { face: 'xiaobiaosong', sizePt: 22, align: 'center', after: 8 }),
    heading('一、基本情况'),
    line(`表决方式：书面征求意见，${round.secret ? '不记名表决票' : '记名表决票'}，共 ${doc.matters.length} 项表决事项；结果报告于“${doc.meetingTitle}”。`, body),
    line(`表决时间：${dateWithWeekday(round.opensOn)} 至 ${dateWithWeekday(round.deadline)}；交回地点：${round.returnTo}。`, body),
    ...(round.closedAt ? [line(`停止收票：${moment(round.closedAt)}。`, body)] : []),
    ...(round.countStartedAt ? [line(`公开计票：${moment(round.countStartedAt)} 开始。`, body)] : []),
    line(`计票人：${doc.tellers.join('、') || '（未指定）'}；监票人：${doc.scrutineers.join('、') || '（未指定）'}。`, body),
    heading('二、票数核对'),
    countTable(doc),
    ...reconciliationLines(doc).map((entry) => line([run(entry.text, { face: entry.agrees ? 'fangsong' : 'hei', sizePt: 12, bold: !entry.agrees })], { ...body, before: 4 })),
    line(participationText(participation), { ...body, before: 4, firstLineChars: 2 }),
    line('废票计入参与表决的人数和面积，但不计入同意、反对或弃权；有效票中某一事项未表示意见的，计入“未表示意见”。', { ...body, firstLineChars: 2 }),
  ];
  if (doc.invalidBallots.length) {
    blocks.push(
      line(`废票 ${doc.invalidBallots.length} 张：`, { ...body, before: 4, keepNext: true }),
      listTable(['票号', '认定为废票的原因'], doc.invalidBallots.map((entry) => [entry.serial, entry.reason || '（未写明）']), [0.25, 0.75]),
    );
  }
  if (doc.corrections.length) {
    blocks.push(
      line(`计票中更正 ${doc.corrections.length} 处（均经监票人确认）：`, { ...body, before: 4, keepNext: true }),
      listTable(
        ['票号', '更正', '原因', '提出', '确认'],
        doc.corrections.map((entry) => [
          entry.serial,
          `${entry.from} → ${entry.to}`,
          entry.reason,
          `${entry.askedBy} ${moment(entry.askedAt)}`,
          `${entry.confirmedBy} ${moment(entry.confirmedAt)}`,
        ]),
        [0.14, 0.3, 0.2, 0.18, 0.18],
      ),
    );
  }
  blocks.push(heading('三、表决结果'));
  for (const matter of doc.matters) {
    blocks.push(
      line(`（${numbers[matter.position - 1] ?? matter.position}）${matter.title}`, { face: 'kai', sizePt: 13, bold: true, before: 8, after: 2, keepNext: true }),
      line(`表决规则：${matter.special && !matter.ruleName.includes('特别') ? '特别事项，' : ''}${matter.ruleName}，需${matter.ruleSummary}。`, { ...body, keepNext: true }),
      tallyTable(matter),
      line(
        [run('结果：', { face: 'hei', sizePt: 12 }), run(matter.passed ? '通过' : '未通过', { face: 'hei', sizePt: 12, bold: true }), run(matter.explanation ? `。${matter.explanation}` : '。', { face: 'fangsong', sizePt: 12 })],
        { ...body, before: 4 },
      ),
    );
  }
  blocks.push(heading('四、计票人、监票人签名'), line('以上计票结果经公开唱票、计票，计票人、监票人核对无误。', body), signatureTable(doc));
  if (seal) {
    const qr = await recordQrPng(recordQrText(round, seal.code, seal.digest));
    blocks.push(
      heading('核验信息'),
      pictureLine([new ImageRun({ type: 'png', data: qr, transformation: { width: 120, height: 120 }, altText: { name: '核验二维码', title: '计票记录核验', description: seal.code } })], 'left'),
      line([run('核验码：', { face: 'hei', sizePt: 11 }), run(seal.code, { face: 'song', sizePt: 11 })], { face: 'song', sizePt: 11 }),
      line([run('数字摘要（SHA-256）：', { face: 'hei', sizePt: 9 }), run(seal.digest, { face: 'song', sizePt: 9 })], { face: 'song', sizePt: 9 }),
      line(
        `本计票记录于 ${moment(seal.signedAt)}（北京时间）由${doc.councilName}签署。用“院落议事”软件的“核验文件”打开本文件，即可核对它是否与签署时的内容完全一致；签署后被改动过的文件无法通过核验。`,
        { face: 'fangsong', sizePt: 9, leading: 1.5 },
      ),
    );
  }
  const section = { ...formSection(blocks), footers: pageNumberFooters(seal ? `核验码 ${seal.code}` : '草稿 · 尚未签署') };
  return packDocx(chineseDocument([section], { title: `${round.title} 计票记录` }));
}
