/**
 * The QR code printed with the seal: the meeting and the digest in plain words, no outside
 * address. The same inputs always give the same PNG bytes, so the verifier can redraw it and
 * tell whether the printed code was swapped.
 */
import QRCode from 'qrcode';

export function sealQrText(meeting: { id: number; title: string; date: string }, version: number, code: string, digest: string): string {
  return [`院落议事·会议记录核验`, `会议：${meeting.title}（${meeting.date}，编号 ${meeting.id}，第 ${version} 版）`, `核验码：${code}`, `SHA-256:${digest}`].join('\n');
}

export function sealQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
