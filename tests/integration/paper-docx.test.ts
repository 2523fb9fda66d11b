/**
 * The paper round's Word files, opened as Word would: unzip, read the document XML, read each
 * picture's QR code with a decoder that is not ours, follow each page's picture to its media file.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ballotsDocx, recordDocx, recordQrText, registerDocx, reminderDocx } from '../../src-main/host/areas/paper/docx';
import { decodeQrPng, qrCodesInDocx } from '../e2e/qr-decode';
import { sampleBallots, sampleRecord, sampleRegister, sampleRound } from './paper-docx-fixture';
import { signaturePng } from './seals-fixture';

interface Opened {
  zip: JSZip;
  xml: string;
  styles: string;
  /** The text of the document, runs joined (a cell's paragraphs joined by newlines). */
  text: string;
}

async function open(docx: Buffer): Promise<Opened> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return { zip, xml, styles, text };
}

/** Paragraphs that start a new page: set directly, or through a paragraph style that says so. */
function pageBreaks({ xml, styles }: Opened): number {
  const breakingStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)]
    .filter(([, , inner]) => inner!.includes('<w:pageBreakBefore/>'))
    .map(([, id]) => id!);
  const direct = (xml.match(/<w:pageBreakBefore\/>/g) ?? []).length + (xml.match(/<w:br w:type="page"\/>/g) ?? []).length;
  const styled = breakingStyles.reduce((sum, id) => sum + (xml.match(new RegExp(`<w:pStyle w:val="${id}"/>`, 'g')) ?? []).length, 0);
  return direct + styled;
}

/** The QR text of each picture in document order, following r:embed through the relationships. */
async function picturesInOrder({ zip, xml }: Opened): Promise<string[]> {
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(([, id, target]) => [id!, target!]));
  const out: string[] = [];
  for (const [, id] of xml.matchAll(/r:embed="([^"]+)"/g)) {
    const target = targets.get(id!);
    expect(target, `relationship ${id}`).toBeTruthy();
    out.push(decodeQrPng(await zip.file(`word/${target!}`)!.async('nodebuffer')));
  }
  return out;
}

describe('表决票', () => {
  it('prints one page per ballot with the owner, units, area, matters, rules, boxes, deadline, signature line and a QR code that reads back', async () => {
    const round = sampleRound();
    const ballots = sampleBallots(round, 5);
    const doc = await open(await ballotsDocx(round, ballots));
    for (const expected of [round.councilName, round.title, '表决票', '同意', '反对', '弃权', '填票说明', '业主签字', '2026年12月20日（星期日）', round.returnTo, '手工录入码']) {
      expect(doc.text).toContain(expected);
    }
    for (const matter of round.matters) {
      expect(doc.text).toContain(matter.title);
      expect(doc.text).toContain(matter.ruleSummary);
    }
    expect(doc.text).toContain('【特别事项】');
    for (const ballot of ballots) {
      expect(doc.text).toContain(ballot.names!);
      for (const unit of ballot.units) expect(doc.text).toContain(unit);
      expect(doc.text).toContain(`${ballot.serial} ${ballot.checkCode}`);
    }
    expect(doc.text).toContain('89.50㎡');
    expect(doc.text).toContain(`${ballots[3]!.units[0]}、${ballots[3]!.units[1]}`); // an owner of two units: one ballot, both units
    expect((doc.text.match(/□/g) ?? []).length).toBe(ballots.length * round.matters.length * 3);
    expect(pageBreaks(doc)).toBe(ballots.length - 1);
    // Each page's picture is that ballot's own QR code, and it reads back to the ballot's QR text.
    expect(await picturesInOrder(doc)).toEqual(ballots.map((ballot) => ballot.qrText));
    // The marker words of the template never reach the file.
    expect(doc.xml).not.toMatch(/@@[A-Z]+@@/);
  });

  it('prints the council\'s own marking rules, escaped, where it wrote some', async () => {
    const round = sampleRound({ markingRules: '在选项下打“√”；打“×”或其他记号的视为未表示意见。\n夹带纸条 <附言> & 签名的为废票。', returnTo: '3号楼大堂 & 北门票箱' });
    const doc = await open(await ballotsDocx(round, sampleBallots(round, 2)));
    expect(doc.text).toContain('夹带纸条 <附言> & 签名的为废票。');
    expect(doc.text).toContain('3号楼大堂 & 北门票箱');
    expect(doc.text).not.toContain('每一表决事项只能在');
  });

  it('prints a secret ballot with no name, no units and no signature line, only its random serial', async () => {
    const round = sampleRound({ secret: true });
    const ballots = sampleBallots(round, 3);
    const doc = await open(await ballotsDocx(round, ballots));
    expect(doc.text).toContain('表决票（不记名）');
    expect(doc.text).toContain('不记名');
    expect(doc.text).not.toContain('业主签字');
    expect(doc.text).not.toMatch(/\d+-\d+-\d{3,4}/);
    for (const ballot of ballots) expect(doc.text).toContain(ballot.serial);
    expect(await picturesInOrder(doc)).toEqual(ballots.map((ballot) => ballot.qrText));
  });

  it('keeps twenty matters on one page each (dense layout: each rule spelt out once)', async () => {
    const base = sampleRound();
    const round = sampleRound({
      matters: Array.from({ length: 20 }, (_, index) => ({ ...base.matters[index % 3]!, voteId: 500 + index, position: index + 1, title: `事项${index + 1}：${base.matters[index % 3]!.title}` })),
    });
    const doc = await open(await ballotsDocx(round, sampleBallots(round, 2)));
    expect((doc.text.match(/□/g) ?? []).length).toBe(2 * 20 * 3);
    expect(doc.text).toContain('通过所需：');
    expect((doc.text.match(/经参与表决专有部分面积四分之三以上/g) ?? []).length).toBe(2);
    expect(pageBreaks(doc)).toBe(1);
  });

  it('refuses to print no ballots, in Chinese', async () => {
    await expect(ballotsDocx(sampleRound(), [])).rejects.toThrow(/没有可打印的表决票/);
  });

  it('prints 3,000 ballots as 3,000 pages, each with its own QR picture', async () => {
    const round = sampleRound();
    const ballots = sampleBallots(round, 3000);
    const doc = await open(await ballotsDocx(round, ballots));
    expect(pageBreaks(doc)).toBe(2999);
    const media = Object.keys(doc.zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3000);
    const embeds = [...doc.xml.matchAll(/r:embed="([^"]+)"/g)].map(([, id]) => id);
    expect(new Set(embeds).size).toBe(3000);
    const drawingIds = [...doc.xml.matchAll(/<wp:docPr id="(\d+)"/g)].map(([, id]) => id);
    expect(new Set(drawingIds).size).toBe(3000);
    // The last page's picture is the last ballot's code.
    const last = await open(await ballotsDocx(round, ballots.slice(-1)));
    expect(await picturesInOrder(last)).toEqual([ballots[2999]!.qrText]);
    expect(doc.text).toContain(`${ballots[2999]!.serial} ${ballots[2999]!.checkCode}`);
  }, 120_000);
});

describe('发放回收登记册', () => {
  const round = sampleRound();
  const lines = sampleRegister(sampleBallots(round, 300));

  it('prints a sheet per building with its heading, the columns and a blank signature column, with page numbers', async () => {
    const doc = await open(await registerDocx(round, lines, null));
    for (const expected of ['表决票发放回收登记册', '1号楼', '2号楼', '3号楼', '序号', '房号', '业主', '面积', '发放时间', '方式', '发放人', '回收时间', '业主签字', '备注', '上门', '信报箱', '当面']) {
      expect(doc.text).toContain(expected);
    }
    expect((doc.xml.match(/<w:sectPr/g) ?? []).length).toBe(3);
    const footers = Object.keys(doc.zip.files).filter((name) => /word\/footer\d+\.xml/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    expect(await doc.zip.file(footers[0]!)!.async('string')).toMatch(/PAGE/);
    // Every household is one row.
    expect((doc.xml.match(/<w:tr>/g) ?? []).length).toBe(lines.length + 3);
  });

  it('prints one building only when asked', async () => {
    const doc = await open(await registerDocx(round, lines, '2'));
    expect(doc.text).toContain('2号楼');
    expect(doc.text).not.toContain('1号楼');
    expect((doc.xml.match(/<w:tr>/g) ?? []).length).toBe(lines.filter((entry) => entry.building === '2').length + 1);
  });
});

describe('催告', () => {
  const round = sampleRound();
  const lines = sampleRegister(sampleBallots(round, 40));

  it('lists the households whose ballot has not come back, by building, and prints a calm notice for each', async () => {
    const doc = await open(await reminderDocx(round, lines, null, '2026-12-15'));
    const absent = lines.filter((entry) => !entry.returnedAt);
    const returned = lines.filter((entry) => entry.returnedAt);
    expect(doc.text).toContain('未交回表决票名单');
    expect(doc.text).toContain(`共 ${absent.length} 户`);
    expect((doc.text.match(/表决票交回提醒/g) ?? []).length).toBe(absent.length);
    expect(pageBreaks(doc)).toBe(absent.length);
    for (const entry of absent) expect(doc.xml).toContain(`>${entry.units[0]}<`);
    for (const entry of returned) expect(doc.xml).not.toContain(`>${entry.units[0]}<`);
    for (const expected of ['2026年12月20日（星期日）', round.returnTo, '第二百七十八条', '三分之二以上', '同意、反对或弃权，都是您的权利', '2026年12月15日', '未发放']) {
      expect(doc.text).toContain(expected);
    }
  });

  it('says there is no one to remind when every ballot is back', async () => {
    const doc = await open(await reminderDocx(round, lines.map((entry) => ({ ...entry, returnedAt: '2026-12-10T08:00:00.000Z' })), null));
    expect(doc.text).toContain('所有业主的表决票均已交回');
    expect(doc.text).not.toContain('表决票交回提醒');
  });
});

describe('计票记录', () => {
  const round = sampleRound();

  it('names tellers and scrutineers, reconciles the counts with the mismatch in words, gives each result under its rule, and carries the signatures and the seal', async () => {
    const record = sampleRecord(round, signaturePng(3));
    const seal = { digest: 'f'.repeat(64), code: 'K7QM-3XPD-8TWA', signedAt: '2026-12-21T13:10:00.000Z' };
    const file = await recordDocx(record, seal);
    const doc = await open(file);
    for (const expected of [
      '计票记录',
      '计票人：王芳、李建国；监票人：赵桂兰。',
      '2026年第二次业主大会',
      `不相符：${record.reconciliation.mismatches[0]!}`,
      '均达到《民法典》第二百七十八条',
      '废票 2 张：',
      '票面涂改，无法确认本人意思',
      '第 2 项：反对 → 第 2 项：同意',
      '核验码：K7QM-3XPD-8TWA',
      'f'.repeat(64),
    ]) {
      expect(doc.text).toContain(expected);
    }
    for (const matter of record.matters) {
      expect(doc.text).toContain(matter.title);
      expect(doc.text).toContain(matter.explanation);
    }
    expect(doc.text).toContain('未通过');
    expect(doc.text).toContain('表决规则：特别事项，需经参与表决专有部分面积四分之三以上');
    expect(await qrCodesInDocx(file)).toEqual([recordQrText(round, seal.code, seal.digest)]);
    // Three signature pictures (two tellers, one scrutineer) beside the QR code.
    expect((doc.xml.match(/r:embed=/g) ?? []).length).toBe(4);
    expect(doc.text).not.toContain('（未签名）');
  });

  it('says the register and the ballot box agree when they do, and marks a draft as not signed', async () => {
    const record = sampleRecord(round, null);
    const agreeing = { ...record, reconciliation: { ...record.reconciliation, returned: 41, mismatches: [] } };
    const doc = await open(await recordDocx(agreeing, null));
    expect(doc.text).toContain('登记册记录收回 41 张，计票读入 41 张（有效票 39 张 ＋ 废票 2 张），相符。');
    expect(doc.text).not.toContain('不相符');
    expect((doc.text.match(/（未签名）/g) ?? []).length).toBe(3);
    expect(doc.text).not.toContain('核验码');
    const footers = await Promise.all(Object.keys(doc.zip.files).filter((name) => /word\/footer\d+\.xml/.test(name)).map((name) => doc.zip.file(name)!.async('string')));
    expect(footers.join('')).toContain('草稿 · 尚未签署');
  });

  it('writes the same text on a computer in another time zone (the verifier lays the record out again)', async () => {
    const record = sampleRecord(round, signaturePng(3));
    const seal = { digest: 'e'.repeat(64), code: 'K7QM-3XPD-8TWA', signedAt: '2026-12-21T13:10:00.000Z' };
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const here = await open(await recordDocx(record, seal));
      process.env.TZ = 'America/New_York';
      const there = await open(await recordDocx(record, seal));
      // (The XML differs only in docx's drawing ids, which count up through the process.)
      expect(there.text).toBe(here.text);
      expect(here.text).toContain('12月21日 21:05'); // 13:05 UTC is 21:05 in Beijing
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('says when participation falls short of two thirds', async () => {
    const record = sampleRecord(round, null);
    const short = { ...record, participation: { ...record.participation, returnedHeadcount: 35, headcountMet: false } };
    const doc = await open(await recordDocx(short, null));
    expect(doc.text).toContain('人数未达到《民法典》第二百七十八条规定的参与表决要求');
  });
});
