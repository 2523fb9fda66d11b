/**
 * The count record's Word file, sealed: it verifies as signed, and one changed character (in the
 * visible text, or in the embedded record) makes it altered. The other Word files of a round
 * come out as Word files.
 */
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, courtyard, fakeClock, png, refused, twoMatterRound } from './paper-fixture';

afterEach(() => {
  vi.useRealTimers();
});

async function changed(dataBase64: string, path: string, change: (text: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  const before = await zip.file(path)!.async('string');
  const after = change(before);
  expect(after).not.toBe(before);
  zip.file(path, after);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

describe('the count record', () => {
  it('verifies as signed, and fails after one character changes', async () => {
    fakeClock();
    at(1, 9);
    const { host, people, meeting } = await courtyard(9);
    const round = await twoMatterRound(host, meeting.id);
    const [first, second] = round.matters.map((matter) => String(matter.voteId)) as [string, string];

    const ballotsFile = await host.ok('paper:ballotsDocx', { roundId: round.id });
    expect(ballotsFile.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(ballotsFile.fileName).toMatch(/表决票.*\.docx$/);
    const ballotsText = await (await JSZip.loadAsync(Buffer.from(ballotsFile.dataBase64, 'base64'))).file('word/document.xml')!.async('string');
    const ballots = await host.ok('paper:ballots', { roundId: round.id });
    expect(ballotsText).toContain(ballots[0]!.checkCode);

    await host.ok('paper:issueAll', { roundId: round.id, how: 'door', by: '刘楼长' });
    for (const person of people.slice(0, 7)) await host.ok('paper:return', { roundId: round.id, voterKey: person.key, onPaper: true });
    expect((await host.ok('paper:registerDocx', { roundId: round.id })).fileName).toMatch(/登记册/);
    expect((await host.ok('paper:reminderDocx', { roundId: round.id, building: '3' })).fileName).toMatch(/催告/);
    expect((await refused(host, 'paper:recordDocx', { roundId: round.id })).message).toMatch(/签字封存/);

    at(4, 19);
    await host.ok('paper:close', { roundId: round.id });
    expect((await refused(host, 'paper:reminderDocx', { roundId: round.id })).message).toMatch(/不再需要催告/);
    await host.ok('paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['陈静'] });
    for (const ballot of ballots.slice(0, 6)) {
      await host.ok('paper:count', { roundId: round.id, code: ballot.qrText, teller: '王芳', marks: { [first]: 'for', [second]: 'against' } });
    }
    await host.ok('paper:invalid', { roundId: round.id, code: ballots[6]!.qrText, teller: '王芳', reason: '无法辨认' });
    await host.ok('paper:sign', { roundId: round.id, role: 'teller', name: '王芳', signaturePngBase64: png });
    const status = await host.ok('paper:sign', { roundId: round.id, role: 'scrutineer', name: '陈静', signaturePngBase64: png });
    expect(status.sealed).not.toBeNull();

    const file = await host.ok('paper:recordDocx', { roundId: round.id });
    expect(file.fileName).toMatch(/计票记录/);
    const signed = await host.ok('paper:verifyRecord', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(signed.verdict).toBe('signed');
    expect(signed.code).toBe(status.sealed!.code);
    expect(signed.details.join('')).toContain('计票人王芳');

    // One character of the visible text.
    const text = await changed(file.dataBase64, 'word/document.xml', (xml) => xml.replace('续聘物业服务企业', '续聘物业服务企亚'));
    const altered = await host.ok('paper:verifyRecord', { fileName: file.fileName, dataBase64: text });
    expect(altered.verdict).toBe('altered');
    expect(altered.details.join('')).toMatch(/与签署时不同|签署时/);

    // One character of the embedded record (the result turned around).
    const record = await changed(file.dataBase64, 'customXml/item1.xml', (xml) =>
      xml.replace(/<record encoding="base64">([^<]*)<\/record>/, (_, data: string) => {
        const canonical = Buffer.from(data, 'base64').toString('utf8').replace('"passed":false', '"passed":true ').replace('"passed":true,', '"passed":fals,');
        return `<record encoding="base64">${Buffer.from(canonical, 'utf8').toString('base64')}</record>`;
      }),
    );
    expect((await host.ok('paper:verifyRecord', { fileName: file.fileName, dataBase64: record })).verdict).toBe('altered');

    // Another file altogether: not ours.
    expect((await host.ok('paper:verifyRecord', { fileName: 'x.docx', dataBase64: ballotsFile.dataBase64 })).verdict).toBe('unknown');

    // The one 核验 page (seals:verify) checks a count record as well as minutes: the same verdicts.
    const throughPage = await host.ok('seals:verify', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(throughPage).toMatchObject({ verdict: 'signed', code: status.sealed!.code });
    expect((await host.ok('seals:verify', { fileName: file.fileName, dataBase64: text })).verdict).toBe('altered');
    expect((await host.ok('seals:verify', { fileName: file.fileName, dataBase64: record })).verdict).toBe('altered');
    expect((await host.ok('seals:verify', { fileName: 'x.docx', dataBase64: ballotsFile.dataBase64 })).verdict).toBe('unknown');
  });
});
