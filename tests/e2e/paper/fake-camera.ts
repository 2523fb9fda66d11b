/**
 * A fake camera pointed at a printed 表决票, for Chromium's `--use-file-for-fake-video-capture`:
 * the page as LibreOffice prints it (PDF → PNG with pdftoppm), cropped around its QR code as a
 * phone held over the ballot would frame it, written as a looping .y4m (raw I420 frames; Debian's
 * ffmpeg is not on every machine, so the conversion is done here with pngjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface Picture {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

export function readPng(png: Buffer): Picture {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength) };
}

/** The QR codes' text and where it lies in the picture (its corners' bounding box), read by jsQR. */
export function findQr(picture: Picture): { text: string; left: number; top: number; right: number; bottom: number } {
  const found = jsQR(new Uint8ClampedArray(picture.data.buffer, picture.data.byteOffset, picture.data.byteLength), picture.width, picture.height);
  if (!found) throw new Error('no QR code could be read on the printed page');
  const corners = [found.location.topLeftCorner, found.location.topRightCorner, found.location.bottomLeftCorner, found.location.bottomRightCorner];
  return {
    text: found.data,
    left: Math.min(...corners.map((c) => c.x)),
    top: Math.min(...corners.map((c) => c.y)),
    right: Math.max(...corners.map((c) => c.x)),
    bottom: Math.max(...corners.map((c) => c.y)),
  };
}

/**
 * A `width × height` frame of `picture`'s region centred on (cx, cy) that is `span` pixels wide
 * (area averaging when shrinking; white outside the page).
 */
export function frameAround(picture: Picture, cx: number, cy: number, span: number, width: number, height: number): Picture {
  const scale = span / width;
  const out = new Uint8Array(width * height * 4);
  const left = cx - span / 2;
  const top = cy - (height * scale) / 2;
  const step = Math.max(1, Math.floor(scale));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < step; dy += 1) {
        for (let dx = 0; dx < step; dx += 1) {
          const sx = Math.floor(left + x * scale + dx);
          const sy = Math.floor(top + y * scale + dy);
          if (sx < 0 || sy < 0 || sx >= picture.width || sy >= picture.height) {
            r += 255;
            g += 255;
            b += 255;
          } else {
            const at = (sy * picture.width + sx) * 4;
            const alpha = picture.data[at + 3]! / 255;
            r += picture.data[at]! * alpha + 255 * (1 - alpha);
            g += picture.data[at + 1]! * alpha + 255 * (1 - alpha);
            b += picture.data[at + 2]! * alpha + 255 * (1 - alpha);
          }
          n += 1;
        }
      }
      const at = (y * width + x) * 4;
      out[at] = r / n;
      out[at + 1] = g / n;
      out[at + 2] = b / n;
      out[at + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** One I420 frame (full-range BT.601, as YUV4MPEG2's default 420jpeg): Y, then U and V at half size. */
export function toI420(picture: Picture): Buffer {
  const { width, height, data } = picture;
  if (width % 2 || height % 2) throw new Error('an I420 frame needs an even width and height');
  const luma = Buffer.alloc(width * height);
  const chromaWidth = width / 2;
  const u = Buffer.alloc((width * height) / 4);
  const v = Buffer.alloc((width * height) / 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      luma[y * width + x] = Math.round(0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const at = ((y + dy) * width + x + dx) * 4;
        r += data[at]!;
        g += data[at + 1]!;
        b += data[at + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
      u[(y / 2) * chromaWidth + x / 2] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      v[(y / 2) * chromaWidth + x / 2] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  return Buffer.concat([luma, u, v]);
}

/** A .y4m of the pictures in turn, each held for its number of frames; Chromium plays it in a loop. */
export function writeY4m(path: string, shots: ReadonlyArray<{ picture: Picture; frames: number }>, fps = 10): void {
  const { width, height } = shots[0]!.picture;
  if (shots.some((shot) => shot.picture.width !== width || shot.picture.height !== height)) throw new Error('every frame of a .y4m has one size');
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const marker = Buffer.from('FRAME\n', 'ascii');
  const parts: Buffer[] = [header];
  for (const shot of shots) {
    const frame = toI420(shot.picture);
    for (let i = 0; i < shot.frames; i += 1) parts.push(marker, frame);
  }
  writeFileSync(path, Buffer.concat(parts));
}

/** An empty table top: what the camera sees between two ballots. */
function tableTop(width: number, height: number): Picture {
  const data = new Uint8Array(width * height * 4);
  for (let at = 0; at < data.length; at += 4) {
    data[at] = 120;
    data[at + 1] = 96;
    data[at + 2] = 72;
    data[at + 3] = 255;
  }
  return { width, height, data };
}

/** A Word file printed as LibreOffice prints it: its first page as a PNG at `dpi`. */
export function printFirstPage(docx: Buffer, dpi = 200): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'courtyard-ballot-'));
  const docxPath = join(folder, 'ballots.docx');
  writeFileSync(docxPath, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docxPath], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', join(folder, 'ballots.pdf'), join(folder, 'page')], { stdio: 'pipe', timeout: 60_000 });
  const page = readdirSync(folder).find((name) => name.startsWith('page') && name.endsWith('.png'));
  if (!page) throw new Error('pdftoppm wrote no page');
  return readFileSync(join(folder, page));
}

/**
 * The .y4m of a camera over the counting table: the printed ballot laid under it for 1.6 s
 * (960 × 540 at 5 frames a second, the QR code about a third of the frame's width, a little off
 * centre, as a hand lays it), then taken away for 4 s (the teller saves meanwhile, and the page
 * says so), and again (the file loops): so the same ballot is scanned a second time. Answers the
 * QR text read on the printed page.
 */
export function cameraOverBallot(pagePng: Buffer, y4mPath: string): string {
  const page = readPng(pagePng);
  const qr = findQr(page);
  const size = Math.max(qr.right - qr.left, qr.bottom - qr.top);
  const ballot = frameAround(page, (qr.left + qr.right) / 2 + size * 0.3, (qr.top + qr.bottom) / 2 + size * 0.1, size * 3, 960, 540);
  writeY4m(
    y4mPath,
    [
      { picture: ballot, frames: 8 },
      { picture: tableTop(960, 540), frames: 20 },
    ],
    5,
  );
  return qr.text;
}
