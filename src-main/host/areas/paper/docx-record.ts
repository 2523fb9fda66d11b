/**
 * 计票记录: the public count of a written vote as a Word file. Who counted and who watched;
 * ballots issued, returned, counted and invalid, reconciled (a mismatch is said in words, never
 * hidden); participation against art. 278's two thirds by headcount and by area; each matter's
 * tally under its own rule with the engine's explanation; the tellers' and scrutineers'
 * signatures; and, once sealed, the verification code, digest and QR code as the minutes carry them.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import QRCode from 'qrcode';
import { chineseDate } from '../../../../shared/domain/followup/dates';
import { chineseDocument, packDocx, pageNumberFooters, run } from '../../exports/docx-style';
import { pngSize } from '../seals/minutes-docx';
import { areaText, dateWithWeekday, formSection, formTable, line, pictureLine, shortMoment, textCell, type FormCell } from './docx-kit';
import type { CountRecordDoc, MatterTally, Participation } from './docx-types';

export interface RecordSeal {
  digest: string;
  code: string;
  signedAt: string;
}

/** What the record's QR code says: the round and the digest in plain words, no outside address (as the minutes' seal). */
export function recordQrText(round: { id: number; title: string }, code: string, digest: string): string {
  return ['院落议事·计票记录核验', `表决：${round.title}（编号 ${round.id}）`, `核验码：${code}`, `SHA-256:${digest}`].join('\n');
}

/** The same inputs give the same PNG bytes, so a verifier can redraw the code and compare. */
export function recordQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

const body = { face: 'fangsong' as const, sizePt: 12, leading: 1.6 };
const heading = (text: string) => line(text, { face: 'hei', sizePt: 14, before: 10, after: 4, keepNext: true });
const cell = (text: string, style: { bold?: boolean; align?: 'left' | 'center' } = {}) => textCell(text, { face: 'fangsong', sizePt: 11, leading: 1.3, ...style });
const head = (text: string) => textCell(text, { face: 'hei', sizePt: 11, shade: true });

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(2)}%` : '—';
}

/** The two equations a count must satisfy, each said as agreeing or not. */
export function reconciliationLines(participation: Participation, registerReturned: number): Array<{ text: string; agrees: boolean }> {
  const { returned, counted, invalid, issued } = participation;
  const sum = counted + invalid;
  return [
    {
      agrees: returned === sum,
      text:
        returned === sum
          ? `收回表决票 ${returned} 张 ＝ 有效票 ${counted} 张 ＋ 废票 ${invalid} 张，相符。`
          : `不相符：收回表决票 ${returned} 张，有效票 ${counted} 张与废票 ${invalid} 张合计 ${sum} 张，相差 ${Math.abs(returned - sum)} 张。`,
    },
    {
      agrees: registerReturned === returned,
      text:
        registerReturned === returned
          ? `登记册记载交回 ${registerReturned} 户，与收回表决票 ${returned} 张相符。`
          : `不相符：登记册记载交回 ${registerReturned} 户，收回表决票 ${returned} 张，${registerReturned > returned ? '少' : '多'} ${Math.abs(registerReturned - returned)} 张。`,
    },
    ...(returned > issued ? [{ agrees: false, text: `不相符：收回表决票 ${returned} 张，多于发放的 ${issued} 张。` }] : []),
  ];
}

function countTable(doc: CountRecordDoc): Table {
  const p = doc.participation;
  const rows: FormCell[][] = [
    [head('项目'), head('户数（人数）'), head('专有部分面积'), head('说明')],
    [cell('应参与表决'), cell(String(p.entitledHeadcount)), cell(areaText(p.entitledAreaCenti)), cell('表决开始时确定的业主名单', { align: 'left' })],
    [cell('发放表决票'), cell(String(p.issued)), cell('—'), cell('')],
    [cell('登记册记载交回'), cell(String(doc.registerReturned)), cell('—'), cell('业主在登记册上签字交回', { align: 'left' })],
    [cell('收回表决票'), cell(String(p.returned)), cell(areaText(p.returnedAreaCenti)), cell('计入参与表决', { align: 'left' })],
    [cell('其中：有效票'), cell(String(p.counted)), cell('—'), cell('')],
    [cell('　　　废票'), cell(String(p.invalid)), cell('—'), cell('计入参与表决，不计入同意或反对', { align: 'left' })],
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

function tallyTable(tally: MatterTally): Table {
  const share = (label: string, value: { headcount: number; areaCenti: number }) => [cell(label), cell(String(value.headcount)), cell(areaText(value.areaCenti))];
  return formTable(
    [
      [head('意见'), head('人数'), head('专有部分面积')],
      share('同意', tally.for),
      share('反对', tally.against),
      share('弃权', tally.abstain),
      share('未表示意见', tally.blank),
      [cell('通过所需同意', { bold: true }), cell(`${tally.neededHeadcount}`, { bold: true }), cell(areaText(tally.neededAreaCenti), { bold: true })],
    ],
    [0.4, 0.25, 0.35],
    { header: 1 },
  );
}

function signatureTable(doc: CountRecordDoc): Table {
  const roleName = { teller: '计票人', scrutineer: '监票人' } as const;
  const rows: FormCell[][] = [[head('职责'), head('姓名'), head('签名'), head('签名时间')]];
  for (const signature of doc.signatures) {
    let picture: FormCell = cell('（未签名）');
    if (signature.png) {
      const { width, height } = pngSize(signature.png);
      const scale = Math.min(150 / width, 50 / height, 1);
      picture = {
        children: [
          pictureLine([
            new ImageRun({
              type: 'png',
              data: signature.png,
              transformation: { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) },
              altText: { name: '签名', title: `${roleName[signature.role]}签名`, description: signature.name },
            }),
          ]),
        ],
      };
    }
    rows.push([cell(roleName[signature.role]), cell(signature.name), picture, cell(signature.png ? shortMoment(signature.signedAt) : '')]);
  }
  return formTable(rows, [0.16, 0.22, 0.38, 0.24], { header: 1, minHeightPt: 40 });
}

export async function recordDocx(doc: CountRecordDoc, seal: RecordSeal | null): Promise<Buffer> {
  const { round, participation } = doc;
  const blocks: Array<Paragraph | Table> = [
    line(round.councilName, { face: 'hei', sizePt: 14, align: 'center' }),
    line(round.title, { face: 'xiaobiaosong', sizePt: 18, align: 'center', leading: 1.35 }),
    line('计票记录', { face: 'xiaobiaosong', sizePt: 22, align: 'center', after: 8 }),
    heading('一、基本情况'),
    line(`表决方式：书面征求意见，${round.secret ? '不记名表决票' : '记名表决票'}，共 ${round.matters.length} 项表决事项。`, body),
    line(`表决时间：${dateWithWeekday(round.opensOn)} 至 ${dateWithWeekday(round.deadline)}；交回地点：${round.returnTo}。`, body),
    ...(doc.countedAt ? [line(`公开计票：${shortMoment(doc.countedAt)}。`, body)] : []),
    line(`计票人：${round.tellers.join('、') || '（未指定）'}；监票人：${round.scrutineers.join('、') || '（未指定）'}。`, body),
    heading('二、票数核对'),
    countTable(doc),
    ...reconciliationLines(participation, doc.registerReturned).map((entry) =>
      line([run(entry.text, { face: entry.agrees ? 'fangsong' : 'hei', sizePt: 12, bold: !entry.agrees })], { ...body, before: 4 }),
    ),
    ...doc.mismatches.map((text) => line([run('差异说明：', { face: 'hei', sizePt: 12 }), run(text, { face: 'fangsong', sizePt: 12 })], body)),
    line(participationText(participation), { ...body, before: 4, firstLineChars: 2 }),
    line('废票计入参与表决的人数和面积，但不计入同意、反对或弃权；有效票中某一事项未表示意见的，计入“未表示意见”。', { ...body, firstLineChars: 2 }),
    heading('三、表决结果'),
  ];
  const numbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
  for (const [index, matter] of doc.matters.entries()) {
    blocks.push(
      line(`（${numbers[index] ?? index + 1}）${matter.title}`, { face: 'kai', sizePt: 13, bold: true, before: 8, after: 2, keepNext: true }),
      line(`表决规则：${matter.ruleName}，需${matter.ruleSummary}。`, { ...body, keepNext: true }),
      tallyTable(matter.tally),
      line(
        [run('结果：', { face: 'hei', sizePt: 12 }), run(matter.passed ? '通过' : '未通过', { face: 'hei', sizePt: 12, bold: true }), run(`。${matter.explanation}`, { face: 'fangsong', sizePt: 12 })],
        { ...body, before: 4 },
      ),
    );
  }
  if (round.postedOn) {
    blocks.push(line(`公示：${chineseDate(round.postedOn)}${round.postedUntil ? ` 至 ${chineseDate(round.postedUntil)}` : ''}。`, { ...body, before: 6 }));
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
        `本计票记录于 ${shortMoment(seal.signedAt)} 由${round.councilName}签署。用“院落议事”软件的“核验文件”打开本文件，即可核对它是否与签署时的内容完全一致；签署后被改动过的文件无法通过核验。`,
        { face: 'fangsong', sizePt: 9, leading: 1.5 },
      ),
    );
  }
  const section = { ...formSection(blocks), footers: pageNumberFooters(seal ? `核验码 ${seal.code}` : '草稿 · 尚未签署') };
  return packDocx(chineseDocument([section], { title: `${round.title} 计票记录` }));
}
