/** Reading a QR code the way a phone camera would: from pixels, with a decoder that is not ours. */
import jsQR from 'jsqr';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG picture (a screenshot, or an image inside a Word file). */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
  if (!found) throw new Error('no QR code could be read in the picture');
  return found.data;
}

/** The texts of every QR code among a Word file's pictures. */
export async function qrCodesInDocx(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const pictures = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
  const texts: string[] = [];
  for (const name of pictures) {
    try {
      texts.push(decodeQrPng(await zip.file(name)!.async('nodebuffer')));
    } catch {
      // A picture that is not a QR code (a seal, a signature).
    }
  }
  return texts;
}
