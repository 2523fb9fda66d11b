/**
 * Exports in the desktop app: the system's save dialog, opened on the Documents folder with the
 * export's Chinese name (made safe again here), and the file written exactly where the user chose.
 * A failed write is told in a dialog; nothing else is written anywhere.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { shellChannels } from '../shared/api/bridge';
import { proposedSavePath } from './host/exports/file-name';
import { isTrustedSender } from './windows';

/** A council archive holds the whole roster with every phone number: only this user may read it. */
const privateExtensions = new Set(['courtyard']);

/** The largest export accepted over IPC (base64 of about 150 MB). */
const maxBase64Length = 200 * 1024 * 1024;

interface FileToSave {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

function isFile(value: unknown): value is FileToSave {
  const file = value as Partial<FileToSave> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.fileName === 'string' &&
    file.fileName.length <= 300 &&
    typeof file.mimeType === 'string' &&
    typeof file.dataBase64 === 'string' &&
    file.dataBase64.length <= maxBase64Length &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(file.dataBase64)
  );
}

export function setupSaveFile(): void {
  ipcMain.handle(shellChannels.saveFile, async (event, file: unknown) => {
    if (!isTrustedSender(event) || !isFile(file)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const defaultPath = proposedSavePath(app.getPath('documents'), file.fileName);
    const extension = defaultPath.slice(defaultPath.lastIndexOf('.') + 1);
    const options = { title: '保存文件', defaultPath, buttonLabel: '保存', filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    try {
      const isPrivate = privateExtensions.has(choice.filePath.slice(choice.filePath.lastIndexOf('.') + 1).toLowerCase());
      // The mode given to writeFile applies only to a new file: one written over is made private first.
      if (isPrivate && process.platform !== 'win32') await chmod(choice.filePath, 0o600).catch(() => undefined);
      await writeFile(choice.filePath, Buffer.from(file.dataBase64, 'base64'), isPrivate ? { mode: 0o600 } : undefined);
      return { saved: true, path: choice.filePath };
    } catch (error) {
      dialog.showErrorBox('文件没有保存', `没能写入 ${choice.filePath}：${(error as Error).message}。请换一个文件夹再试。`);
      return { saved: false, path: null };
    }
  });
}
