import { bridgeKey } from '../../shared/api/bridge';
import type { FilePayload } from '../../shared/api/kit';

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Hands a file from the host to the user: in the desktop app the system's save dialog (the user
 * chooses the folder), in a browser a download under the file's Chinese name. Says whether it was
 * saved (not when the dialog was cancelled) and where, when the desktop knows.
 */
export async function downloadFile(file: FilePayload): Promise<{ saved: boolean; path: string | null }> {
  const shell = window[bridgeKey]?.saveFile;
  if (shell) return shell({ fileName: file.fileName, mimeType: file.mimeType, dataBase64: file.dataBase64 });
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.dataBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, path: null };
}
