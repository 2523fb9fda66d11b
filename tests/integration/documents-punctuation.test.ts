/**
 * Every paper the app makes keeps the rule of Chinese text: no ASCII : , ; ? ! ( ) touching a
 * Chinese character, in the signed minutes, the compact and its sheet, both notices and the roster.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FilePayload } from '../../shared/api/kit';
import { asciiPunctuationTouchingChinese } from '../unit/chinese-punctuation';
import { adoptedCompact } from './compacts-fixture';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

/** The text of a Word file (body, headers, footers) or an Excel file (its shared strings), paragraph by paragraph. */
async function fileText(file: FilePayload): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$|^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name));
  expect(parts.length).toBeGreaterThan(0);
  const texts: string[] = [];
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    for (const paragraph of xml.split(/<\/w:p>|<\/si>|<\/c>/)) {
      const text = paragraph.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
      if (text.trim()) texts.push(text);
    }
  }
  return texts;
}

async function offending(name: string, file: FilePayload): Promise<string[]> {
  return (await fileText(file)).flatMap((text) => asciiPunctuationTouchingChinese(text).map((near) => `${name}: ${near}`));
}

describe('the papers use full-width punctuation in Chinese text', () => {
  it('signed minutes', async () => {
    const held = await heldMeeting(tempHost());
    await signBoth(held);
    expect(await offending('会议记录', await held.host.ok('seals:export', { meetingId: held.meetingId, version: null }))).toEqual([]);
  });

  it('the compact, its signature sheet, the meeting notice, the results notice and the roster', async () => {
    const { host, councilId, version2, passed, planned } = await adoptedCompact();
    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const files: Array<[string, FilePayload]> = [
      ['院落公约', await host.ok('compacts:export', { versionId: version2.id })],
      ['签字表', await host.ok('compacts:blankSheet', { versionId: version2.id })],
      ['会议通知', await host.ok('followup:exportNotice', { meetingId: planned.id, publicBaseUrl: 'http://192.168.1.10:4820' })],
      ['决议公示', await host.ok('followup:exportResultsNotice', { councilId, meetingId: planned.id })],
      ['名册', await host.ok('roster:exportXlsx', { councilId })],
    ];
    const found: string[] = [];
    for (const [name, file] of files) found.push(...(await offending(name, file)));
    expect(found).toEqual([]);
  });
});
