/** Courtyard compacts through the real host: versions, adoption by a vote, signatures, the Word file. */
import JSZip from 'jszip';
import { passMatters } from './followup-fixture';
import { describe, expect, it } from 'vitest';
import { adoptedCompact, firstDraft, padSignature, secondDraft } from './compacts-fixture';

async function documentXml(dataBase64: string) {
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
  return { xml, text, media, zip };
}

describe('compact versions', () => {
  it('saves each edit as a new version; refuses empty, too long, too many and unchanged articles in Chinese', async () => {
    const { host, compactId } = await adoptedCompact();
    const detail = await host.ok('compacts:get', { compactId });
    expect(detail.versions.map((v) => [v.version, v.articles.length, v.note])).toEqual([
      [1, 3, '初稿'],
      [2, 4, '充电地点写明'],
    ]);
    expect(detail.versions[0]!.articles).toEqual(firstDraft);

    const refused = async (articles: string[]) => {
      const result = await host.invoke('compacts:saveVersion', { compactId, articles, note: '' });
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused(secondDraft)).toBe('条款与第 2 版完全相同，没有需要保存的修改。');
    expect(await refused(['一', ' '])).toBe('第二条是空的：请填写内容，或删除这一条。');
    expect(await refused(['一', '二', '三', '字'.repeat(1001)])).toContain('第四条有 1001 个字');
    expect(await refused(Array.from({ length: 61 }, (_, i) => `条款${i}`))).toContain('最多 60 条');
    expect(await refused([])).toBe('公约至少要有一条。');
    expect((await host.ok('compacts:get', { compactId })).versions).toHaveLength(2);
  });

  it('a typed "第三条" at the start is dropped: numbering is the app’s', async () => {
    const { host, compactId } = await adoptedCompact();
    const detail = await host.ok('compacts:saveVersion', { compactId, articles: [...secondDraft, '第五条 饲养宠物出门牵绳。'], note: '' });
    expect(detail.versions.at(-1)!.articles.at(-1)).toBe('饲养宠物出门牵绳。');
  });

  it('the demo courtyard has a draft compact of seven articles to revise', async () => {
    const { host, councilId } = await adoptedCompact();
    const demo = (await host.ok('compacts:list', { councilId })).find((compact) => compact.title === '平安小区院落公约')!;
    expect(demo).toMatchObject({ versionCount: 1, latestVersion: 1, inForceVersion: null });
    const detail = await host.ok('compacts:get', { compactId: demo.id });
    expect(detail.versions[0]!.articles).toHaveLength(7);
    expect(detail.versions[0]!.articles.join('')).not.toMatch(/罚款|罚/);
  });

  it('titles are unique per council and required', async () => {
    const { host, councilId } = await adoptedCompact();
    const same = await host.invoke('compacts:create', { councilId, title: '平安小区文明公约' });
    expect(!same.ok && same.error.message).toBe('已经有一份名为“平安小区文明公约”的公约了。');
    const empty = await host.invoke('compacts:create', { councilId, title: '  ' });
    expect(!empty.ok && empty.error.message).toContain('请填写公约名称');
  });
});

describe('adoption by a vote', () => {
  it('offers the voted matters and says why a failed one cannot adopt the compact', async () => {
    const { host, version2, passed, failed } = await adoptedCompact();
    expect(passed.problem).toBeNull();
    expect(passed.passed).toBe(true);
    expect([passed.votesFor, passed.votesAgainst]).toEqual([5, 0]);
    expect(failed.problem).toBe('这次表决没有通过，公约不能据此通过。');
    const refused = await host.invoke('compacts:adopt', { versionId: version2.id, voteId: failed.voteId });
    expect(!refused.ok && refused.error.message).toBe('这次表决没有通过，公约不能据此通过。');
  });

  it('a vote that passed on a matter that does not name the compact cannot adopt it', async () => {
    const { host, councilId, compactId, version2, passed, planned } = await adoptedCompact();
    // The same meeting passes a matter of its own business (the third), which does not name the compact.
    const third = (await host.ok('meeting:get', { meetingId: planned.id })).agenda[2]!;
    await passMatters(host, planned.id, [{ agendaItemId: third.id, for: 5, against: 0 }]);
    const candidates = await host.ok('compacts:adoptionCandidates', { councilId, compactId });
    const unrelated = candidates.find((candidate) => candidate.agendaItemId === third.id)!;
    expect(unrelated.passed).toBe(true);
    expect(unrelated.problem).toContain('没有写明《平安小区文明公约》');
    expect(candidates.find((candidate) => candidate.voteId === passed.voteId)!.problem).toBeNull();
    const refused = await host.invoke('compacts:adopt', { versionId: version2.id, voteId: unrelated.voteId });
    expect(!refused.ok && refused.error.message).toContain('没有写明《平安小区文明公约》');
    expect((await host.ok('compacts:get', { compactId })).versions.at(-1)!.adoption).toBeNull();
  });

  it('adopts with a passed vote, records the outcome and the audit entry; the version is then frozen', async () => {
    const { host, compactId, version2, passed, passedMatter, councilId } = await adoptedCompact();
    const detail = await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const adopted = detail.versions.at(-1)!;
    expect(adopted.adoption).toMatchObject({ agendaItemId: passedMatter.id, agendaTitle: passedMatter.title, votesFor: 5, votesAgainst: 0, passed: true, meetingTitle: '院落议事会（12 月）' });
    expect(detail.inForceVersionId).toBe(version2.id);
    expect(detail.signing).toMatchObject({ version: 2, signed: 0, total: 60 });

    const again = await host.invoke('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    expect(!again.ok && again.error.message).toContain('已经通过，不能再次通过');
    const older = await host.invoke('compacts:adopt', { versionId: detail.versions[0]!.id, voteId: passed.voteId });
    expect(!older.ok && older.error.message).toContain('较早的第 1 版');
    const deleting = await host.invoke('compacts:delete', { compactId });
    expect(!deleting.ok && deleting.error.message).toContain('已经表决通过，不能删除');

    // Editing after adoption is a new draft version; version 2 stays as it was, and stays in force.
    const edited = await host.ok('compacts:saveVersion', { compactId, articles: [...secondDraft, '饲养宠物出门牵绳。'], note: '' });
    expect(edited.versions.map((v) => [v.version, v.adoption !== null])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(edited.versions[1]!.articles).toEqual(secondDraft);
    expect(edited.inForceVersionId).toBe(version2.id);
    const summary = (await host.ok('compacts:list', { councilId })).find((compact) => compact.id === compactId);
    expect(summary).toMatchObject({ latestVersion: 3, inForceVersion: 2, households: 60, signed: 0 });

    const audit = host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'compact.adopt'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ version: 2, voteId: passed.voteId, votes: { for: 5, against: 0 } });
  });
});

describe('household signatures', () => {
  it('takes a drawn signature and one signed on paper, lists who has not signed, and refuses a second signature', async () => {
    const { host, compactId, version2, passed, councilId } = await adoptedCompact();
    const draft = await host.invoke('compacts:sign', { versionId: version2.id, householdId: 1, signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: null });
    expect(!draft.ok && draft.error.message).toBe('这一版公约还没有经表决通过，通过后才能签字。');

    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const households = await host.ok('household:list', { councilId });
    const household = (code: string) => households.find((h) => h.code === code)!;
    await host.ok('compacts:sign', { versionId: version2.id, householdId: household('3-2-501').id, signerName: '何兆品', mode: 'pad', signaturePngBase64: padSignature(7), signedOn: null });
    const detail = await host.ok('compacts:sign', { versionId: version2.id, householdId: household('1-1-301').id, signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: '2026-01-03' });
    expect(detail.signing).toMatchObject({ signed: 2, total: 60 });
    expect(detail.signing!.unsigned.map((h) => h.code)).not.toContain('3-2-501');
    expect(detail.signing!.unsigned).toHaveLength(58);
    expect(detail.signing!.unsigned.find((h) => h.code === '2-1-502')?.suggestedSigner).toBe('李秀英');
    const paper = detail.signing!.signatures.find((s) => s.householdCode === '1-1-301')!;
    expect(paper).toMatchObject({ onPaper: true, hasImage: false, signedOn: '2026-01-03' });
    const drawn = detail.signing!.signatures.find((s) => s.householdCode === '3-2-501')!;
    expect((await host.ok('compacts:signatureImage', { signatureId: drawn.id })).pngBase64).toBe(padSignature(7));

    const twice = await host.invoke('compacts:sign', { versionId: version2.id, householdId: household('3-2-501').id, signerName: '何兆品', mode: 'paper', signaturePngBase64: null, signedOn: null });
    expect(!twice.ok && twice.error.message).toBe('3-2-501 这一户已经在这一版公约上签过字了。');
    const noImage = await host.invoke('compacts:sign', { versionId: version2.id, householdId: household('4-1-201').id, signerName: '张桂兰', mode: 'pad', signaturePngBase64: null, signedOn: null });
    expect(!noImage.ok && noImage.error.message).toBe('请先在签名区域签字。');
    const notPng = await host.invoke('compacts:sign', { versionId: version2.id, householdId: household('4-1-201').id, signerName: '张桂兰', mode: 'pad', signaturePngBase64: 'R0lGODlh', signedOn: null });
    expect(!notPng.ok && notPng.error.message).toContain('签名必须是 PNG 图片');

    const removed = await host.ok('compacts:removeSignature', { signatureId: paper.id, reason: '户号登记错误' });
    expect(removed.signing!.signed).toBe(1);
    const kinds = host.database.sqlite.prepare("SELECT kind FROM audit_log WHERE kind LIKE 'compact.%' ORDER BY seq").pluck().all();
    expect(kinds).toEqual(['compact.adopt', 'compact.sign', 'compact.sign', 'compact.signature-removed']);
    expect((await host.ok('compacts:list', { councilId })).find((compact) => compact.id === compactId)!.signed).toBe(1);
  });

  it('everything survives a restart of the host', async () => {
    const { host, compactId, version2, passed } = await adoptedCompact();
    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: 1, signerName: '某某', mode: 'paper', signaturePngBase64: null, signedOn: null });
    const before = await host.ok('compacts:get', { compactId });
    const after = await host.reopen().ok('compacts:get', { compactId });
    expect(after).toEqual(before);
  });
});

describe('Word export', () => {
  it('holds the title, the adoption line with the vote, the numbered articles and the signature table with the images', async () => {
    const { host, councilId, version2, passed, passedMatter } = await adoptedCompact();
    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const households = await host.ok('household:list', { councilId });
    const id = (code: string) => households.find((h) => h.code === code)!.id;
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('3-2-501'), signerName: '何兆品', mode: 'pad', signaturePngBase64: padSignature(3), signedOn: null });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('4-1-201'), signerName: '张桂兰', mode: 'pad', signaturePngBase64: padSignature(4), signedOn: null });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('1-1-301'), signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: '2026-01-03' });

    const file = await host.ok('compacts:export', { versionId: version2.id });
    expect(file.fileName).toMatch(/^平安小区文明公约 第2版 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);
    const { xml, text, media } = await documentXml(file.dataBase64);
    expect(text).toContain('平安小区文明公约');
    expect(text).toContain('（第 2 版）');
    expect(text).toContain(`“院落议事会（12 月）”议题“${passedMatter.title}”表决通过（同意 5 票，反对 0 票，弃权 0 票，按“议事会过半数表决”规则，结果：通过）`);
    const labels = [...text.matchAll(/第[一二三四五六七八九十]+条/g)].map((match) => match[0]);
    expect(labels).toEqual(['第一条', '第二条', '第三条', '第四条']);
    for (const article of secondDraft) expect(text).toContain(article);
    expect(text.indexOf('第一条')).toBeLessThan(text.indexOf(secondDraft[0]!));
    expect(text).toContain('平安小区院落议事会');
    // The last article, the 落款 and the date stay on one page: each paragraph up to the date keeps with the next.
    const paragraphs = xml.slice(0, xml.indexOf('<w:tbl>')).split('</w:p>');
    const lastArticle = paragraphs.findIndex((p) => p.includes(secondDraft[secondDraft.length - 1]!));
    const councilLine = paragraphs.findIndex((p, index) => index > lastArticle && p.includes('平安小区院落议事会'));
    expect(councilLine).toBeGreaterThan(lastArticle);
    for (const paragraph of paragraphs.slice(lastArticle, councilLine + 1)) expect(paragraph).toContain('<w:keepNext/>');
    // The signature table: header, every household, the two drawn signatures as images, the paper one in words.
    const tableXml = xml.slice(xml.indexOf('<w:tbl>'));
    const tableText = [...tableXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(tableText.startsWith('户号|户代表|签字|日期')).toBe(true);
    expect(tableText).toContain('3-2-501|何兆品');
    expect(tableText).toContain('1-1-301|王建国|已在纸面签字|2026年1月3日');
    expect((tableXml.match(/<w:tr[ >]/g) ?? []).length).toBe(61);
    expect(media).toHaveLength(2);
    expect((tableXml.match(/<pic:pic/g) ?? []).length).toBe(2);
    expect(tableXml).toContain('descr="何兆品的手写签名"');
    // Chinese faces on every run.
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  it('a draft says it is for comment, and the blank sheet lists the households still to sign', async () => {
    const { host, compactId, version2, passed, councilId } = await adoptedCompact();
    const draftFile = await host.ok('compacts:export', { versionId: version2.id });
    expect(draftFile.fileName).toMatch(/征求意见稿\.docx$/);
    expect((await documentXml(draftFile.dataBase64)).text).toContain('本稿为第 2 版征求意见稿，尚未经表决通过。');
    const early = await host.invoke('compacts:blankSheet', { versionId: version2.id });
    expect(!early.ok && early.error.message).toContain('通过后才能打印签字表');

    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const households = await host.ok('household:list', { councilId });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: households[0]!.id, signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: null });
    const sheet = await host.ok('compacts:blankSheet', { versionId: version2.id });
    expect(sheet.fileName).toMatch(/^平安小区文明公约 第2版 签字表 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);
    const { xml, text } = await documentXml(sheet.dataBase64);
    expect(text).toContain('《平安小区文明公约》住户签字表');
    expect(text).toContain('户号户代表签字日期');
    expect(text).not.toContain(households[0]!.code + '王建国');
    for (const household of households.slice(1)) expect(text).toContain(household.code);
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(1 + 59 + 5);
    void compactId;
  });
});
