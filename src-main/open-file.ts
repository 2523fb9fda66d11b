/**
 * Opening a file in the desktop app (a council archive to import): the system's open dialog, showing
 * only the kinds the page asked for, and the file read here, in the main process, so the page gets
 * its name and bytes and never a path. A file over the limit is refused before it is read.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type OpenDialogOptions } from 'electron';
import { openFileMaxBytes, shellChannels, type OpenedFile } from '../shared/api/bridge';
import { isTrustedSender } from './windows';

interface FileRequest {
  extensions: string[];
}

function isRequest(value: unknown): value is FileRequest {
  const extensions = (value as Partial<FileRequest> | null)?.extensions;
  return (
    Array.isArray(extensions) &&
    extensions.length >= 1 &&
    extensions.length <= 10 &&
    extensions.every((extension) => typeof extension === 'string' && /^[a-z0-9]{1,16}$/.test(extension))
  );
}

function extensionOf(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The file's bytes, or why not; read through one handle, so a file that grows meanwhile is still capped. */
async function readCapped(path: string): Promise<Buffer | 'too-large' | 'unreadable'> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > openFileMaxBytes) return 'too-large';
    const buffer = Buffer.allocUnsafe(openFileMaxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > openFileMaxBytes) return 'too-large';
    }
    return buffer.subarray(0, length);
  } catch {
    // Gone, a folder, or not ours to read.
    return 'unreadable';
  } finally {
    await handle?.close();
  }
}

export function setupOpenFile(): void {
  ipcMain.handle(shellChannels.openFile, async (event, request: unknown): Promise<OpenedFile | null> => {
    if (!isTrustedSender(event) || !isRequest(request)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: OpenDialogOptions = {
      title: '打开文件',
      defaultPath: app.getPath('documents'),
      buttonLabel: '打开',
      properties: ['openFile'],
      filters: [{ name: request.extensions.map((extension) => extension.toUpperCase()).join(', '), extensions: request.extensions }],
    };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { opened: false, refused: null };
    // The dialog's filter is a suggestion: a name can be typed in.
    if (!request.extensions.includes(extensionOf(path))) return { opened: false, refused: 'wrong-type' };
    const bytes = await readCapped(path);
    if (typeof bytes === 'string') return { opened: false, refused: bytes };
    return { opened: true, fileName: basename(path), dataBase64: bytes.toString('base64') };
  });
}
