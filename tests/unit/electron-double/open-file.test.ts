import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFileMaxBytes, shellChannels } from '../../../shared/api/bridge';
import { WebContentsDouble, app, dialog, doubleOf, ipcMain, resetElectron, type BrowserWindowDouble } from './electron';

vi.mock('electron', () => import('./electron'));

const { setupOpenFile } = await import('../../../src-main/open-file');
const { createMainWindow, showHost } = await import('../../../src-main/windows');

const archive = Buffer.from('\u001f\u008b a council archive');
const request = { extensions: ['courtyard'] };

let folder: string;
let documents: string;
let consoleWindow: BrowserWindowDouble;

function open(given: unknown, sender = consoleWindow.webContents) {
  return ipcMain.invoke({ sender }, shellChannels.openFile, given);
}

function chooses(path: string): void {
  dialog.openAnswers.push({ canceled: false, filePaths: [path] });
}

beforeEach(async () => {
  resetElectron();
  await showHost('http://127.0.0.1:4820', 'chair-session-token');
  folder = mkdtempSync(join(tmpdir(), 'open-file-'));
  documents = join(folder, 'Documents');
  mkdirSync(documents);
  app.setPath('documents', documents);
  setupOpenFile();
  consoleWindow = doubleOf(createMainWindow());
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('opening a file from this computer (Electron replaced by a test double)', () => {
  it('asks with the system’s open dialog on the console, in Documents, showing only the files asked for', async () => {
    await open({ extensions: ['courtyard', 'gz'] });
    expect(dialog.openDialogs).toEqual([
      {
        window: consoleWindow,
        options: expect.objectContaining({
          defaultPath: documents,
          properties: ['openFile'],
          filters: [{ name: 'COURTYARD, GZ', extensions: ['courtyard', 'gz'] }],
        }),
      },
    ]);
  });

  it('gives the page the chosen file’s name and bytes', async () => {
    const chosen = join(folder, '平安小区-2026-11-22.courtyard');
    writeFileSync(chosen, archive);
    chooses(chosen);
    await expect(open(request)).resolves.toEqual({ opened: true, fileName: '平安小区-2026-11-22.courtyard', dataBase64: archive.toString('base64') });
  });

  it('gives nothing when the user cancels', async () => {
    await expect(open(request)).resolves.toEqual({ opened: false, refused: null });
  });

  it('refuses a file larger than the limit without reading it, and says why', async () => {
    const chosen = join(folder, 'huge.courtyard');
    writeFileSync(chosen, '');
    truncateSync(chosen, openFileMaxBytes + 1);
    chooses(chosen);
    await expect(open(request)).resolves.toEqual({ opened: false, refused: 'too-large' });
    // A file of exactly the limit is fine.
    truncateSync(chosen, openFileMaxBytes);
    chooses(chosen);
    await expect(open(request)).resolves.toMatchObject({ opened: true, fileName: 'huge.courtyard' });
  });

  it('refuses a file of another kind typed into the dialog, and one that cannot be read', async () => {
    const other = join(folder, 'notes.txt');
    writeFileSync(other, 'text');
    chooses(other);
    await expect(open(request)).resolves.toEqual({ opened: false, refused: 'wrong-type' });
    chooses(join(folder, 'gone.courtyard'));
    await expect(open(request)).resolves.toEqual({ opened: false, refused: 'unreadable' });
    mkdirSync(join(folder, 'folder.courtyard'));
    chooses(join(folder, 'folder.courtyard'));
    await expect(open(request)).resolves.toEqual({ opened: false, refused: 'unreadable' });
  });

  it('refuses a page that is not one of our windows without asking the user anything', async () => {
    const stranger = new WebContentsDouble();
    stranger.url = consoleWindow.webContents.getURL();
    await expect(open(request, stranger)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, subframe: true }, shellChannels.openFile, request)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, frameUrl: 'https://example.com/' }, shellChannels.openFile, request)).resolves.toBeNull();
    expect(dialog.openDialogs).toEqual([]);
  });

  it('refuses anything that is not a list of file extensions without asking the user anything', async () => {
    const refused = [null, 'courtyard', { extensions: [] }, { extensions: ['../etc'] }, { extensions: ['*'] }, { extensions: [42] }, { extensions: Array(11).fill('csv') }];
    for (const given of refused) await expect(open(given), JSON.stringify(given)).resolves.toBeNull();
    expect(dialog.openDialogs).toEqual([]);
  });
});
