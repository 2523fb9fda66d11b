/** The QR code on the announcement: the residents' page on the address the host is reached at. */
import QRCode from 'qrcode';

/** `publicBaseUrl` (already checked as http/https) + the council's wish page. */
export function wishUrl(publicBaseUrl: string, wishPath: string): string {
  const base = new URL(publicBaseUrl);
  return new URL(wishPath, base.origin).toString();
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 300 });
}
