import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

const docxBytes = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64');

describe('signing the minutes', () => {
  it('the first signature freezes the minutes, the second seals them with an audit entry', async () => {
    const held = await heldMeeting(tempHost());
    const { host, meetingId } = held;
    const before = await host.ok('seals:status', { meetingId });
    expect(before).toMatchObject({ version: 1, lockedAt: null, complete: false, blockers: [], signatures: [] });

    const afterChair = await host.ok('seals:sign', { meetingId, role: 'chair', signaturePngBase64: held.signatures.chair });
    expect(afterChair.lockedAt).not.toBeNull();
    expect(afterChair.signatures.map((s) => s.name)).toEqual(['王建国']);
    expect(afterChair.seals).toHaveLength(0);
    const twice = await host.invoke('seals:sign', { meetingId, role: 'chair', signaturePngBase64: held.signatures.chair });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const sealed = await host.ok('seals:sign', { meetingId, role: 'secretary', signaturePngBase64: held.signatures.secretary });
    expect(sealed.complete).toBe(true);
    expect(sealed.seals).toHaveLength(1);
    expect(sealed.seals[0]!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(sealed.seals[0]!.signers.map((s) => s.role)).toEqual(['chair', 'secretary']);

    const sqlite = host.database.sqlite;
    const kinds = (sqlite.prepare('SELECT kind FROM audit_log WHERE meeting_id = ? ORDER BY seq').all(meetingId) as Array<{ kind: string }>).map((r) => r.kind);
    expect(kinds.slice(-3)).toEqual(['minutes.signature', 'minutes.signature', 'minutes.seal']);
    const seal = sqlite.prepare('SELECT canonical, digest FROM seals WHERE meeting_id = ?').get(meetingId) as { canonical: string; digest: string };
    const record = JSON.parse(seal.canonical);
    expect(record).toMatchObject({ format: 'courtyard-minutes/3', version: 1, meeting: { id: meetingId, chair: '王建国', secretary: '李秀英' } });
    expect(record.auditHead.seq).toBeGreaterThan(0);
    expect(record.votes).toHaveLength(2);
    expect(record.attendance.entries).toHaveLength(6);
    expect(JSON.stringify(record.minutes)).toContain('杜绝飞线充电');

    const again = await host.invoke('seals:sign', { meetingId, role: 'chair', signaturePngBase64: held.signatures.chair });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The council's key is created once and kept.
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM council_keys').get() as { n: number }).n).toBe(1);
  });

  it('refuses to sign while the meeting is open or a vote is not locked, and says why', async () => {
    const held = await heldMeeting(tempHost());
    const { host, meetingId } = held;
    const meeting = await host.ok('meeting:get', { meetingId });
    await host.ok('meeting:update', { ...meeting, meetingId, status: 'in_progress' });
    const refused = await host.invoke('seals:sign', { meetingId, role: 'chair', signaturePngBase64: held.signatures.chair });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('会议还没有结束');
    expect((await host.ok('seals:status', { meetingId })).lockedAt).toBeNull();
  });

  it('an amendment is signed and sealed as version 2, naming what it amends', async () => {
    const held = await heldMeeting(tempHost());
    const { host, meetingId } = held;
    const first = await signBoth(held);
    const opened = await host.ok('seals:amend', { meetingId, reason: '更正何兆品的发言记录' });
    expect(opened).toMatchObject({ complete: false, version: 2, lockedAt: null, amendment: { reason: '更正何兆品的发言记录' } });
    const sealed = await signBoth(held);
    expect(sealed.complete).toBe(true);
    expect(sealed.seals.map((s) => [s.version, s.kind])).toEqual([
      [1, 'minutes'],
      [2, 'amendment'],
    ]);
    expect(sealed.seals[1]!.digest).not.toBe(first.seals[0]!.digest);
    const record = JSON.parse(
      (host.database.sqlite.prepare('SELECT canonical FROM seals WHERE meeting_id = ? AND version = 2').get(meetingId) as { canonical: string }).canonical,
    );
    expect(record.amends).toEqual({ version: 1, digest: first.seals[0]!.digest, note: '更正何兆品的发言记录' });
  });
});

describe('verifying an exported file', () => {
  it('signed when untouched; altered after one character changes, in the text or in the sealed record; unknown from another council', async () => {
    const held = await heldMeeting(tempHost());
    const { host, meetingId } = held;
    await signBoth(held);
    const file = await host.ok('seals:export', { meetingId, version: null });
    expect(file.fileName).toMatch(/会议记录 \d{4}年\d{1,2}月\d{1,2}日\.docx$/);

    const good = await host.ok('seals:verify', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(good.verdict).toBe('signed');
    expect(good.headline).toContain('完全一致');
    expect(good.signers.map((s) => s.name)).toEqual(['王建国', '李秀英']);

    // One character of visible text changed in document.xml: 20 charging points become 30.
    const zip = await JSZip.loadAsync(docxBytes(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('20 个充电口');
    zip.file('word/document.xml', xml.replace('20 个充电口', '30 个充电口'));
    const edited = await zip.generateAsync({ type: 'nodebuffer' });
    const altered = await host.ok('seals:verify', { fileName: 'x.docx', dataBase64: edited.toString('base64') });
    expect(altered.verdict).toBe('altered');
    expect(altered.details.join()).toContain('30 个充电口');

    // One character changed inside the embedded record (the canonical JSON, base64).
    const zip2 = await JSZip.loadAsync(docxBytes(file));
    const part = await zip2.file('customXml/item1.xml')!.async('string');
    const record = /<record encoding="base64">([^<]*)<\/record>/.exec(part)![1]!;
    const json = Buffer.from(record, 'base64').toString('utf8').replace('杜绝飞线充电', '允许飞线充电');
    zip2.file('customXml/item1.xml', part.replace(record, Buffer.from(json, 'utf8').toString('base64')));
    const tampered = await host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip2.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(tampered.verdict).toBe('altered');

    // A signature image swapped.
    const zip3 = await JSZip.loadAsync(docxBytes(file));
    const media = Object.keys(zip3.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(6 + 2 + 1);
    zip3.file(media[0]!, Buffer.from((await zip3.file(media[1]!)!.async('nodebuffer'))));
    const swapped = await host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip3.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(swapped.verdict).toBe('altered');

    // Another council's database, with its own key: the same kind of file is unknown here.
    const other = await heldMeeting(tempHost());
    await signBoth(other);
    const foreign = await other.host.ok('seals:export', { meetingId: other.meetingId, version: null });
    expect((await other.host.ok('seals:verify', { fileName: 'y.docx', dataBase64: foreign.dataBase64 })).verdict).toBe('signed');
    const unknown = await host.ok('seals:verify', { fileName: 'y.docx', dataBase64: foreign.dataBase64 });
    expect(unknown.verdict).toBe('unknown');
    expect(unknown.headline).toContain('另一个议事会');

    // A draft (exported before signing) carries no seal: unknown, not signed.
    const draftHost = await heldMeeting(tempHost());
    const draft = await draftHost.host.ok('seals:export', { meetingId: draftHost.meetingId, version: null });
    expect(draft.fileName).toContain('草稿');
    expect((await draftHost.host.ok('seals:verify', { fileName: 'd.docx', dataBase64: draft.dataBase64 })).verdict).toBe('unknown');

    // Not a Word file at all.
    const junk = await host.ok('seals:verify', { fileName: 'a.docx', dataBase64: Buffer.from('hello').toString('base64') });
    expect(junk.verdict).toBe('unknown');
  });

  it('signature images are checked in their places: the chair’s and the secretary’s swapped, or both showing one, read as altered', async () => {
    const held = await heldMeeting(tempHost());
    const { host, meetingId } = held;
    await signBoth(held);
    const file = await host.ok('seals:export', { meetingId, version: null });
    const zip = await JSZip.loadAsync(docxBytes(file));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const xml = await zip.file('word/document.xml')!.async('string');
    /** The relationship id through which the document shows this PNG. */
    const embedOf = async (pngBase64: string) => {
      const png = Buffer.from(pngBase64, 'base64');
      for (const name of Object.keys(zip.files).filter((entry) => entry.startsWith('word/media/'))) {
        if (!png.equals(await zip.file(name)!.async('nodebuffer'))) continue;
        const target = name.slice('word/'.length);
        return new RegExp(`Id="([^"]+)"[^>]*Target="${target}"|Target="${target}"[^>]*Id="([^"]+)"`).exec(rels)!.slice(1).find(Boolean)!;
      }
      throw new Error('signature image not in the file');
    };
    const chair = await embedOf(held.signatures.chair);
    const secretary = await embedOf(held.signatures.secretary);
    const withDocument = async (document: string) => {
      zip.file('word/document.xml', document);
      return host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    };
    const embed = (id: string) => `r:embed="${id}"`;
    const swapped = await withDocument(xml.replaceAll(embed(chair), embed('swap')).replaceAll(embed(secretary), embed(chair)).replaceAll(embed('swap'), embed(secretary)));
    expect(swapped.verdict).toBe('altered');
    expect(swapped.details.join()).toContain('签名图片');
    const oneImage = await withDocument(xml.replaceAll(embed(secretary), embed(chair)));
    expect(oneImage.verdict).toBe('altered');
    expect((await withDocument(xml)).verdict).toBe('signed');
  });

  it('minutes sealed before the texts took full-width punctuation still verify: the width of a mark is compared as one, the words exactly', async () => {
    const held = await heldMeeting(tempHost());
    await signBoth(held);
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const zip = await JSZip.loadAsync(docxBytes(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('担心夜间噪音。');
    // As the earlier version wrote them: ASCII marks.
    zip.file('word/document.xml', xml.replaceAll('：', ':').replaceAll('，', ',').replaceAll('（', '(').replaceAll('）', ')'));
    const earlier = await held.host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(earlier.verdict).toBe('signed');
    zip.file('word/document.xml', xml.replace('担心夜间噪音。', '担心夜间噪音。改'));
    const changed = await held.host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(changed.verdict).toBe('altered');
  });

  it('a file whose seal was taken out but which prints one of our 核验码 reads as altered: 签署信息被删除', async () => {
    const held = await heldMeeting(tempHost());
    await signBoth(held);
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const zip = await JSZip.loadAsync(docxBytes(file));
    for (const name of Object.keys(zip.files).filter((entry) => entry.startsWith('customXml/'))) zip.remove(name);
    const stripped = await held.host.ok('seals:verify', { fileName: 'x.docx', dataBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(stripped.verdict).toBe('altered');
    expect(stripped.headline).toContain('签署信息被删除');
    // A draft prints no 核验码 and stays unknown.
    const draft = await heldMeeting(tempHost());
    const unsigned = await draft.host.ok('seals:export', { meetingId: draft.meetingId, version: null });
    expect((await held.host.ok('seals:verify', { fileName: 'd.docx', dataBase64: unsigned.dataBase64 })).verdict).toBe('unknown');
  });

  it('an older version still verifies, with a note that a later amendment exists', async () => {
    const held = await heldMeeting(tempHost());
    await signBoth(held);
    const v1 = await held.host.ok('seals:export', { meetingId: held.meetingId, version: 1 });
    await held.host.ok('seals:amend', { meetingId: held.meetingId, reason: '补记一项任务分工' });
    await signBoth(held);
    const report = await held.host.ok('seals:verify', { fileName: 'v1.docx', dataBase64: v1.dataBase64 });
    expect(report.verdict).toBe('signed');
    expect(report.details.join()).toContain('第 2 版修订');
    const v2 = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    expect(v2.fileName).toContain('第2版');
  });
});

describe('npm run verify', () => {
  it('reports signed (exit 0) and altered (exit 1) in plain words from the command line', async () => {
    const { spawnSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const held = await signedMeeting();
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const good = join(held.host.dir, 'good.docx');
    writeFileSync(good, docxBytes(file));
    const zip = await JSZip.loadAsync(docxBytes(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('王建国介绍了方案', '王建国否定了方案'));
    const bad = join(held.host.dir, 'bad.docx');
    writeFileSync(bad, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = (path: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/host/cli/verify.ts', path, '--db', held.host.databasePath], { encoding: 'utf8' });
    const signed = run(good);
    expect(signed.status).toBe(0);
    expect(signed.stdout).toContain('已签署，未改动');
    const altered = run(bad);
    expect(altered.status).toBe(1);
    expect(altered.stdout).toContain('已被改动');
    expect(altered.stdout).toContain('王建国否定了方案');
  }, 60_000);
});

async function signedMeeting() {
  const held = await heldMeeting(tempHost());
  await signBoth(held);
  return held;
}

describe('export file names and codes', () => {
  it('default to the meeting title and date in Chinese, and stay inside the chosen folder', async () => {
    const { exportFileName } = await import('../../src-main/host/areas/seals/seal');
    const meeting = { id: 1, title: '院落议事会（12 月）', date: '2026-12-05', startTime: '19:30', place: '', chair: null, secretary: null };
    expect(exportFileName({ meeting, version: 1 }, false)).toBe('院落议事会（12 月） 会议记录 2026年12月5日.docx');
    expect(exportFileName({ meeting, version: 2 }, false)).toBe('院落议事会（12 月） 会议记录 2026年12月5日 第2版.docx');
    expect(exportFileName({ meeting, version: 1 }, true)).toBe('院落议事会（12 月） 会议记录 2026年12月5日 草稿.docx');
    const hostile = exportFileName({ meeting: { ...meeting, title: '../../..\\Windows/system32\u0000\n会议' }, version: 1 }, false);
    for (const bad of ['/', '\\', '\u0000', '\n']) expect(hostile).not.toContain(bad);
    expect(hostile.startsWith('.')).toBe(false);
    expect(hostile.endsWith('.docx')).toBe(true);
  });

  it('the verification code is 12 characters from the digest, in groups of four, and survives typing slips', async () => {
    const { normaliseCode, verificationCode } = await import('../../src-main/host/areas/seals/code');
    const code = verificationCode('6a93de83fc0d6df8b7af26144c8cd62a83abf0fd686e49ff08ff76da760a7046');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(verificationCode('7a93de83fc0d6df8b7af26144c8cd62a83abf0fd686e49ff08ff76da760a7046')).not.toBe(code);
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
});
