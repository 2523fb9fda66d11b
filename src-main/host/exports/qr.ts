/** The QR code on the announcement: the residents' page on the address the host is reached at. */
import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** `publicBaseUrl` (already checked as http/https) + the council's wish page. */
export function wishUrl(publicBaseUrl: string, wishPath: string): string {
  const base = new URL(publicBaseUrl);
  return new URL(wishPath, base.origin).toString();
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 300 });
}

/**
 * A QR code as a small black-and-white PNG drawn straight from the code's modules (1 bit a pixel,
 * `scale` pixels a module, a quiet zone of `margin` modules). About 30 times faster than
 * `qrPng` (which paints an RGBA canvas), for files that print one code a page by the thousand.
 */
export function qrPngCompact(text: string, { scale = 8, margin = 4 }: { scale?: number; margin?: number } = {}): Buffer {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const side = (size + margin * 2) * scale;
  const stride = Math.ceil(side / 8) + 1;
  // White is 1 in a 1-bit grayscale PNG: each module row is drawn once as a scanline (filter byte 0,
  // dark modules' bits cleared) and copied `scale` times.
  const raw = Buffer.alloc(stride * side, 0xff);
  const scanline = Buffer.alloc(stride);
  for (let y = 0; y < side; y += 1) raw[y * stride] = 0;
  for (let row = 0; row < size; row += 1) {
    scanline.fill(0xff);
    scanline[0] = 0;
    for (let column = 0; column < size; column += 1) {
      if (!code.modules.get(row, column)) continue;
      for (let x = (column + margin) * scale, end = x + scale; x < end; x += 1) scanline[1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
    for (let dy = 0; dy < scale; dy += 1) scanline.copy(raw, ((row + margin) * scale + dy) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([pngSignature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}
