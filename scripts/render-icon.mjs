// Renders the app's icon from build/icon.svg, offline, with the Chromium the browser tests use:
// build/icon.png (512×512, Linux and electron-builder's default) and build/icon.ico (Windows: one
// 256×256 PNG image in an .ico container, as Windows Vista and later read it).
//   node scripts/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const build = join(dirname(fileURLToPath(import.meta.url)), '../build');
const svg = readFileSync(join(build, 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
/** The SVG drawn at `size` pixels square, transparent around the rounded square. */
async function render(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return png;
}
try {
  writeFileSync(join(build, 'icon.png'), await render(512));
  const png = await render(256);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(0, 6); // width 256
  header.writeUInt8(0, 7); // height 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  writeFileSync(join(build, 'icon.ico'), Buffer.concat([header, png]));
} finally {
  await browser.close();
}
