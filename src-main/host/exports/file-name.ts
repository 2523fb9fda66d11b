import { basename, extname, join } from 'node:path';

/**
 * File names for exports: the meeting (or compact) title and date in Chinese, made safe for
 * every file system: no path separators, no control or reserved characters, no leading dots,
 * no Windows device names, at most 80 characters before the extension.
 */
const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileName(parts: Array<string | null | undefined>, extension: string): string {
  const joined = parts
    .filter((part): part is string => Boolean(part && part.trim()))
    .map((part) => part.trim())
    .join(' ');
  let name = joined
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u2028\u2029]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  name = Array.from(name).slice(0, 80).join('');
  if (!name || reserved.test(name)) name = `导出 ${name}`.trim();
  const ext = extension.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return `${name}.${ext}`;
}

/**
 * Where the desktop app's save dialog first proposes an export: the file's name made safe again
 * (it came through the renderer) and put inside the chosen folder, never outside it.
 */
export function proposedSavePath(folder: string, fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/'));
  const extension = extname(base).slice(1) || 'bin';
  const stem = base.slice(0, base.length - extname(base).length);
  return join(folder, safeFileName([stem], extension));
}
