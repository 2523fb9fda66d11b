import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shellChannels } from '../../../shared/api/bridge';
import { WebContentsDouble, app, dialog, doubleOf, ipcMain, resetElectron, type BrowserWindowDouble } from './electron';

vi.mock('electron', () => import('./electron'));

const { setupSaveFile } = await import('../../../src-main/save-file');
const { createMainWindow, showHost } = await import('../../../src-main/windows');

const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bytes = Buffer.from('PK\u0003\u0004 a Word file');
const minutes = { fileName: '第三次议事会 会议记录 2025年3月8日.docx', mimeType: wordType, dataBase64: bytes.toString('base64') };

let folder: string;
let documents: string;
let consoleWindow: BrowserWindowDouble;

function save(file: unknown, sender = consoleWindow.webContents) {
  return ipcMain.invoke({ sender }, shellChannels.saveFile, file);
}

beforeEach(async () => {
  resetElectron();
  await showHost('http://127.0.0.1:4820', 'chair-session-token');
  folder = mkdtempSync(join(tmpdir(), 'save-file-'));
  documents = join(folder, 'Documents');
  app.setPath('documents', documents);
  setupSaveFile();
  consoleWindow = doubleOf(createMainWindow());
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('saving an export (Electron replaced by a test double)', () => {
  it('asks where with the system’s save dialog on the console, proposing the export’s name in Documents', async () => {
    await save(minutes);
    expect(dialog.saveDialogs).toEqual([
      {
        window: consoleWindow,
        options: expect.objectContaining({
          defaultPath: join(documents, '第三次议事会 会议记录 2025年3月8日.docx'),
          filters: [{ name: 'DOCX', extensions: ['docx'] }],
        }),
      },
    ]);
  });

  it('writes the bytes exactly where the user chose, and says so', async () => {
    const chosen = join(folder, '会议记录.docx');
    dialog.saveAnswers.push({ canceled: false, filePath: chosen });
    await expect(save(minutes)).resolves.toEqual({ saved: true, path: chosen });
    expect(readFileSync(chosen)).toEqual(bytes);
  });

  it.skipIf(process.platform === 'win32')('writes a council archive (the whole roster) readable by this user only, also over an existing file', async () => {
    const archive = { fileName: '平安小区-2026-11-22.courtyard', mimeType: 'application/gzip', dataBase64: Buffer.from('archive').toString('base64') };
    const fresh = join(folder, 'new.courtyard');
    const existing = join(folder, 'old.courtyard');
    writeFileSync(existing, 'old', { mode: 0o644 });
    for (const chosen of [fresh, existing]) {
      dialog.saveAnswers.push({ canceled: false, filePath: chosen });
      await expect(save(archive)).resolves.toEqual({ saved: true, path: chosen });
      expect(statSync(chosen).mode & 0o777).toBe(0o600);
      expect(readFileSync(chosen, 'utf8')).toBe('archive');
    }
  });

  it('writes nothing when the user cancels', async () => {
    dialog.saveAnswers.push({ canceled: true, filePath: join(folder, 'x.docx') });
    await expect(save(minutes)).resolves.toEqual({ saved: false, path: null });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('proposes a name made safe again, inside Documents, whatever name the page sent', async () => {
    await save({ ...minutes, fileName: '../../.bashrc/..\\..\\CON.docx' });
    await save({ ...minutes, fileName: '/etc/cron.d/job' });
    for (const { options } of dialog.saveDialogs) {
      expect(options.defaultPath?.startsWith(documents + '/') || options.defaultPath?.startsWith(documents + '\\')).toBe(true);
      expect(options.defaultPath?.slice(documents.length + 1)).not.toMatch(/[\\/]|^\./);
    }
  });

  it('tells the user when the file cannot be written there, and writes nothing else anywhere', async () => {
    const chosen = join(folder, 'no-such-folder', 'x.docx');
    dialog.saveAnswers.push({ canceled: false, filePath: chosen });
    await expect(save(minutes)).resolves.toEqual({ saved: false, path: null });
    expect(dialog.errorBoxes).toEqual([{ title: '文件没有保存', content: expect.stringContaining(chosen) }]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a page that is not one of our windows without asking the user anything', async () => {
    const stranger = new WebContentsDouble();
    stranger.url = consoleWindow.webContents.getURL();
    dialog.saveAnswers.push({ canceled: false, filePath: join(folder, 'x.docx') });
    await expect(save(minutes, stranger)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, subframe: true }, shellChannels.saveFile, minutes)).resolves.toBeNull();
    expect(dialog.saveDialogs).toEqual([]);
    expect(existsSync(join(folder, 'x.docx'))).toBe(false);
  });

  it('refuses anything that is not a file to save without asking the user anything', async () => {
    const refused = [
      null,
      'minutes.docx',
      { ...minutes, dataBase64: 'not base64!' },
      { ...minutes, dataBase64: 42 },
      { ...minutes, fileName: 'x'.repeat(301) },
      { fileName: minutes.fileName, dataBase64: minutes.dataBase64 },
    ];
    for (const file of refused) await expect(save(file), JSON.stringify(file)?.slice(0, 60)).resolves.toBeNull();
    expect(dialog.saveDialogs).toEqual([]);
  });
});
