/**
 * 表决票: one A4 page per ballot. Every ballot of a round has the same layout and only a few
 * words differ (owner, units, area, serial, check code, QR code), so the page is drawn once with
 * docx, with markers where those words go, and the Word body is then repeated per ballot as text
 * with the markers filled in and each ballot's QR picture related to its own media file. 3,000
 * ballots take seconds this way; drawing 3,000 pages through docx's object tree took much longer.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import JSZip from 'jszip';
import { chineseDocument, packDocx, run, type Face } from '../../exports/docx-style';
import { qrPngCompact } from '../../exports/qr';
import { areaText, dateWithWeekday, escapeXml, formSection, formTable, line, pictureLine, textCell, type FormCell } from './docx-kit';
import type { PaperRound, PrintedBallot } from './docx-types';
import { writeZip, type ZipEntry } from './zip-writer';

/** Markers the template carries where each ballot's own words go (ASCII, nothing XML would escape). */
const marks = {
  names: '@@NAMES@@',
  units: '@@UNITS@@',
  area: '@@AREA@@',
  serial: '@@SERIAL@@',
  code: '@@CODE@@',
  typed: '@@TYPED@@',
} as const;

/**
 * Type sizes shrink as matters are added, so twenty matters still fit one page. Past eight
 * matters the page is dense: each rule is named in its row and spelt out once under the table.
 */
function matterSizes(count: number): { title: number; rule: number; box: number; rowPt: number; dense: boolean } {
  if (count <= 4) return { title: 14, rule: 10.5, box: 26, rowPt: 56, dense: false };
  if (count <= 6) return { title: 12, rule: 10, box: 22, rowPt: 40, dense: false };
  if (count <= 8) return { title: 11, rule: 9, box: 20, rowPt: 32, dense: false };
  if (count <= 14) return { title: 10.5, rule: 9, box: 16, rowPt: 24, dense: true };
  return { title: 9, rule: 8, box: 13, rowPt: 15, dense: true };
}

/** Each distinct rule once, with the short name its rows carry (the rule's name, numbered where two rules share one). */
function ruleLegend(round: PaperRound): Map<string, { label: string; summary: string }> {
  const byKey = new Map<string, { label: string; summary: string }>();
  const names = new Map<string, number>();
  for (const matter of round.matters) {
    const key = `${matter.ruleName}\u0000${matter.ruleSummary}`;
    if (byKey.has(key)) continue;
    const seen = (names.get(matter.ruleName) ?? 0) + 1;
    names.set(matter.ruleName, seen);
    byKey.set(key, { label: seen > 1 ? `${matter.ruleName}${seen}` : matter.ruleName, summary: matter.ruleSummary });
  }
  return byKey;
}

const box = '□';

/** The default wording where a council has not written its own. */
export const defaultMarkingRules =
  '1. 每一表决事项只能在“同意”“反对”“弃权”中选择一项，在对应的方框内打“√”。\n' +
  '2. 某一事项未选或多选的，该事项按未表示意见计；整张票各事项均未填写、字迹无法辨认或票面被涂改无法确认本人意思的，为废票。\n' +
  '3. 废票计入参与表决的人数和面积，但不计入同意或反对。\n' +
  '4. 请勿复印、涂改本票；遗失的，请向业主委员会说明情况后补领。';

function headerBlocks(round: PaperRound, placeholderQr: Buffer, breakBefore: boolean): Array<Paragraph | Table> {
  const { dense } = matterSizes(round.matters.length);
  const kind = round.secret ? '表决票（不记名）' : '表决票';
  const titleLines = dense
    ? [
        line(round.councilName, { face: 'hei', sizePt: 12, align: 'center', pageBreakBefore: breakBefore, after: 2 }),
        line(`${round.title}${kind}`, { face: 'xiaobiaosong', sizePt: 15, align: 'center', leading: 1.35, after: 3 }),
      ]
    : [
        line(round.councilName, { face: 'hei', sizePt: 14, align: 'center', pageBreakBefore: breakBefore, after: 2 }),
        line(round.title, { face: 'xiaobiaosong', sizePt: 18, align: 'center', leading: 1.35 }),
        line(kind, { face: 'xiaobiaosong', sizePt: 22, align: 'center', after: 6 }),
      ];
  const label = (text: string): FormCell => textCell(text, { face: 'hei', sizePt: 11, shade: true });
  const value = (text: string, face: Face = 'song'): FormCell => ({ children: [line(text, { face, sizePt: 12, leading: 1.3 })] });
  const qrCell: FormCell = {
    rowSpan: round.secret ? 3 : 4,
    children: [
      pictureLine([new ImageRun({ type: 'png', data: placeholderQr, transformation: dense ? { width: 92, height: 92 } : { width: 120, height: 120 }, altText: { name: '表决票二维码', title: '计票扫码', description: '表决票二维码' } })]),
      line('计票扫码', { sizePt: 8, align: 'center', leading: 1.2 }),
    ],
  };
  const rows: FormCell[][] = round.secret
    ? [
        [label('业主'), value('不记名（本票不写姓名，不与登记册对应）'), qrCell],
        [label('计票面积'), value(marks.area)],
        [label('票号'), value(`${marks.serial}\u3000校验码 ${marks.code}`)],
      ]
    : [
        [label('业主'), value(marks.names), qrCell],
        [label('房号'), value(marks.units)],
        [label('专有部分面积'), value(marks.area)],
        [label('票号'), value(`${marks.serial}\u3000校验码 ${marks.code}`)],
      ];
  return [...titleLines, formTable(rows, [0.17, 0.61, 0.22])];
}

function matterBlocks(round: PaperRound): Array<Paragraph | Table> {
  const size = matterSizes(round.matters.length);
  const legend = ruleLegend(round);
  const head = (text: string): FormCell => textCell(text, { face: 'hei', sizePt: 11, shade: true });
  const rows: FormCell[][] = [[head(size.dense ? '序' : '序号'), head('表决事项及通过所需'), head('同意'), head('反对'), head('弃权')]];
  for (const [index, matter] of round.matters.entries()) {
    const rule = `${matter.special ? '【特别事项】' : ''}需${matter.ruleSummary}`;
    const tag = legend.get(`${matter.ruleName}\u0000${matter.ruleSummary}`)!.label;
    const description = size.dense
      ? [line([run(matter.title, { face: 'song', sizePt: size.title, bold: true }), run(`［${tag}］`, { face: 'kai', sizePt: size.rule })], { sizePt: size.title, leading: 1.3 })]
      : [line(matter.title, { face: 'song', sizePt: size.title, bold: true, leading: 1.3 }), line(rule, { face: 'kai', sizePt: size.rule, leading: 1.3 })];
    rows.push([
      textCell(String(index + 1), { sizePt: size.title }),
      { children: description },
      textCell(box, { sizePt: size.box, leading: 1.1 }),
      textCell(box, { sizePt: size.box, leading: 1.1 }),
      textCell(box, { sizePt: size.box, leading: 1.1 }),
    ]);
  }
  const widths = size.dense ? [0.05, 0.71, 0.08, 0.08, 0.08] : [0.07, 0.63, 0.1, 0.1, 0.1];
  const table = formTable(rows, widths, { header: 1, minHeightPt: size.rowPt });
  if (!size.dense) return [table];
  const legendLines = [...legend.values()].map(({ label, summary }, index) =>
    line([...(index === 0 ? [run('通过所需：', { face: 'hei', sizePt: 9 })] : []), run(`［${label}］需${summary}`, { face: 'kai', sizePt: 9 })], {
      sizePt: 9,
      leading: 1.35,
      before: index === 0 ? 3 : 0,
      indentChars: 5,
      firstLineChars: index === 0 ? -5 : 0,
    }),
  );
  return [table, ...legendLines];
}

function instructionBlocks(round: PaperRound): Paragraph[] {
  const rules = round.markingRules.trim() || defaultMarkingRules;
  const { dense } = matterSizes(round.matters.length);
  const textPt = dense ? 9 : 10.5;
  const headPt = 12;
  const small = { face: 'fangsong' as const, sizePt: textPt, leading: dense ? 1.35 : 1.45 };
  const returnRuns = [
    run(`请于 ${dateWithWeekday(round.deadline)} 前将本票交回：`, { face: 'fangsong', sizePt: textPt }),
    run(round.returnTo, { face: 'fangsong', sizePt: textPt, bold: true }),
    run('。截止后交回的表决票不计入。', { face: 'fangsong', sizePt: textPt }),
  ];
  const ruleLines = rules.split('\n');
  // A dense page runs each heading into its first line.
  const out = dense
    ? [
        ...ruleLines.map((text, index) => line([...(index === 0 ? [run('填票说明：', { face: 'hei', sizePt: textPt })] : []), run(text, { face: 'fangsong', sizePt: textPt })], { ...small, before: index === 0 ? 4 : 0 })),
        line([run('交回方式：', { face: 'hei', sizePt: textPt }), ...returnRuns], { ...small, before: 3 }),
      ]
    : [
        line('填票说明', { face: 'hei', sizePt: headPt, before: 8, after: 2 }),
        ...ruleLines.map((text) => line(text, small)),
        line('交回方式', { face: 'hei', sizePt: headPt, before: 6, after: 2 }),
        line(returnRuns, small),
      ];
  if (round.secret) {
    out.push(line('本票为不记名表决票：请勿签名，也不要写下可以认出您身份的任何记号；写有姓名或记号的，可能被认定为废票。', { ...small, before: 8 }));
  } else {
    out.push(
      line('业主签字：＿＿＿＿＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日', { face: 'song', sizePt: 12, before: dense ? 8 : 16, leading: 1.6 }),
      ...(dense ? [] : [line('委托他人代为表决的，请附授权委托书。', { face: 'fangsong', sizePt: 9, leading: 1.4 })]),
    );
  }
  // A dense page has no room for it: the 票号 row above carries the same serial and code.
  if (!dense) out.push(line(`手工录入码：${marks.typed}（扫码不成时，计票人输入此码）`, { face: 'song', sizePt: 9, before: 8, leading: 1.3 }));
  return out;
}

const emptyPng = qrPngCompact('courtyard-ballot:template');

interface Template {
  /** The body XML of one ballot, markers in place, without the page break before. */
  first: string;
  /** The same with the page break before. */
  next: string;
  /** The rest of the package: styles, fonts, the section properties. */
  zip: JSZip;
  head: string;
  tail: string;
}

async function template(round: PaperRound): Promise<Template> {
  const ballot = (breakBefore: boolean) => [...headerBlocks(round, emptyPng, breakBefore), ...matterBlocks(round), ...instructionBlocks(round)];
  const document = chineseDocument([formSection([...ballot(false), ...ballot(true)])], { title: `${round.title} 表决票` });
  const zip = await JSZip.loadAsync(await packDocx(document));
  const xml = await zip.file('word/document.xml')!.async('string');
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sectionStart = xml.lastIndexOf('<w:sectPr');
  const body = xml.slice(bodyStart, sectionStart);
  // The second ballot starts at the paragraph whose properties hold the page break.
  const breakAt = body.indexOf('<w:pageBreakBefore/>');
  const secondStart = body.lastIndexOf('<w:p>', breakAt) >= 0 ? body.lastIndexOf('<w:p>', breakAt) : body.lastIndexOf('<w:p ', breakAt);
  const first = body.slice(0, secondStart);
  const next = body.slice(secondStart);
  if (!/r:embed="/.test(first) || !/r:embed="/.test(next)) throw new Error('ballot template has no picture');
  const shared = shareProperties([first, next]);
  const stylesXml = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', stylesXml.replace('</w:styles>', `${shared.styles}</w:styles>`));
  return {
    first: shared.parts[0]!,
    next: shared.parts[1]!,
    zip,
    head: xml.slice(0, bodyStart),
    tail: xml.slice(sectionStart),
  };
}

/**
 * Each distinct set of run properties becomes a character style the runs name, and each distinct
 * set of paragraph properties a paragraph style: a ballot page repeats a dozen of each, and
 * written out on every run and paragraph they made up most of its XML.
 */
function shareProperties(parts: string[]): { parts: string[]; styles: string } {
  const runIds = new Map<string, string>();
  const paragraphIds = new Map<string, string>();
  const idOf = (ids: Map<string, string>, prefix: string, inner: string) => {
    let id = ids.get(inner);
    if (!id) {
      id = `${prefix}${ids.size + 1}`;
      ids.set(inner, id);
    }
    return id;
  };
  const shared = parts.map((part) =>
    part
      .replace(/<w:rPr>([\s\S]*?)<\/w:rPr>/g, (_, inner: string) => `<w:rPr><w:rStyle w:val="${idOf(runIds, 'PaperRun', inner)}"/></w:rPr>`)
      // Paragraph properties holding run properties or a section stay as they are.
      .replace(/<w:pPr>((?:(?!<w:rPr>|<w:sectPr)[\s\S])*?)<\/w:pPr>/g, (_, inner: string) => `<w:pPr><w:pStyle w:val="${idOf(paragraphIds, 'PaperPara', inner)}"/></w:pPr>`),
  );
  const style = (type: 'character' | 'paragraph', id: string, properties: string) =>
    `<w:style w:type="${type}" w:customStyle="1" w:styleId="${id}"><w:name w:val="${id}"/>${properties}</w:style>`;
  const styles =
    [...runIds.entries()].map(([inner, id]) => style('character', id, `<w:rPr>${inner}</w:rPr>`)).join('') +
    [...paragraphIds.entries()].map(([inner, id]) => style('paragraph', id, `<w:pPr>${inner}</w:pPr>`)).join('');
  return { parts: shared, styles };
}

/** The Word file of a round's ballots, in the order given (the caller sorts by building and unit). */
export async function ballotsDocx(round: PaperRound, ballots: PrintedBallot[]): Promise<Buffer> {
  if (ballots.length === 0) throw new Error('没有可打印的表决票：请先确认本次表决的业主名单。');
  const shape = await template(round);
  const { zip } = shape;
  const relsPath = 'word/_rels/document.xml.rels';
  // The template's own pictures go: every ballot relates to its own QR code.
  const imageRelation = /<Relationship [^>]*relationships\/image"[^>]*\/>/g;
  const rels = await zip.file(relsPath)!.async('string');
  for (const relation of rels.match(imageRelation) ?? []) {
    const target = /Target="([^"]+)"/.exec(relation)?.[1];
    if (target) zip.remove(`word/${target.replace(/^\/?word\//, '')}`);
  }
  const relations: string[] = [];
  const pictures = new Map<string, string>();
  const media: ZipEntry[] = [];
  const parts: string[] = [shape.head];
  let drawingId = 1;
  for (const [index, ballot] of ballots.entries()) {
    let target = pictures.get(ballot.qrText);
    if (!target) {
      target = `media/ballot-qr-${pictures.size + 1}.png`;
      pictures.set(ballot.qrText, target);
      media.push({ name: `word/${target}`, data: qrPngCompact(ballot.qrText), store: true });
    }
    const relationId = `rIdBallotQr${index + 1}`;
    relations.push(`<Relationship Id="${relationId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/>`);
    const fills: Record<string, string> = {
      [marks.names]: escapeXml(ballot.names ?? '不记名'),
      [marks.units]: escapeXml(ballot.units.length ? ballot.units.join('、') : '—'),
      [marks.area]: escapeXml(areaText(ballot.areaCenti)),
      [marks.serial]: escapeXml(ballot.serial),
      [marks.code]: escapeXml(ballot.checkCode),
      [marks.typed]: escapeXml(`${ballot.serial} ${ballot.checkCode}`),
    };
    const page = (index === 0 ? shape.first : shape.next)
      .replace(/@@[A-Z]+@@/g, (marker) => fills[marker] ?? marker)
      .replace(/r:embed="[^"]+"/, `r:embed="${relationId}"`)
      .replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${drawingId++}"`)
      .replace(/<pic:cNvPr id="\d+"/g, () => `<pic:cNvPr id="${drawingId++}"`);
    parts.push(page);
  }
  parts.push(shape.tail);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    if (file.name === 'word/document.xml') entries.push({ name: file.name, data: parts.join('') });
    else if (file.name === relsPath) entries.push({ name: file.name, data: rels.replace(imageRelation, '').replace('</Relationships>', `${relations.join('')}</Relationships>`) });
    else entries.push({ name: file.name, data: await file.async('nodebuffer') });
  }
  return writeZip([...entries, ...media]);
}
