/**
 * Signed minutes opened and saved again in LibreOffice (as an office does before printing or
 * mailing them) still verify as signed; an edit made before the re-save is still found.
 */
import JSZip from 'jszip';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resaveDocx } from './libreoffice';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

describe('signed minutes re-saved in LibreOffice', () => {
  it('verify as signed when nothing was changed, and as altered when a word was', async () => {
    const held = await heldMeeting(tempHost());
    await signBoth(held);
    const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const signed = Buffer.from(file.dataBase64, 'base64');
    const work = mkdtempSync(join(tmpdir(), 'courtyard-resave-'));

    const resaved = resaveDocx(work, 'untouched', signed);
    expect(resaved.equals(signed)).toBe(false);
    const untouched = await held.host.ok('seals:verify', { fileName: 'untouched.docx', dataBase64: resaved.toString('base64') });
    expect(untouched.details).toEqual(expect.arrayContaining([expect.stringContaining('由主持人王建国、记录人李秀英签字')]));
    expect(untouched.verdict).toBe('signed');

    const zip = await JSZip.loadAsync(signed);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('20 个充电口', '30 个充电口'));
    const edited = resaveDocx(work, 'edited', await zip.generateAsync({ type: 'nodebuffer' }));
    const altered = await held.host.ok('seals:verify', { fileName: 'edited.docx', dataBase64: edited.toString('base64') });
    expect(altered.verdict).toBe('altered');
    expect(altered.details.join()).toContain('30 个充电口');
  }, 240_000);
});
