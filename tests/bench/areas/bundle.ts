/**
 * What a phone downloads to open its page (issue: scale): the browser build (out/web, built here
 * first) read through its manifest, one figure per page the phones open, in kB (1,000 bytes) after
 * gzip, the scripts and style sheets of the page's module and everything they import statically,
 * the app's entry and the Chinese strings included. Goal: under 150 each.
 * - join: the join form (the entry alone);
 * - wish: a resident writing a matter (/wish);
 * - door: the door's check-in page;
 * - minutes: the minutes editor (the collaborative editor is most of it);
 * - projector: a viewer's phone showing the projector's picture.
 * app-gzip-kb-all is every file of the build, for scale.
 * phone-page-gzip-kb-stock-editor, beside them: the stock collaborative editor with nothing of the app
 * around it (tests/bench/pages/stock-editor: Tiptap StarterKit, Collaboration, CollaborationCaret,
 * y-webrtc with a room password; no React), built here with Vite's defaults. It is the floor of any
 * minutes editor on this stack, and it is over 150 on its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Report } from '../run';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outWeb = join(root, 'out/web');

/** Vite's manifest: a chunk per source module that starts one, with what it imports statically. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const pages: Record<string, string[]> = {
  join: [],
  wish: ['features/wishes/wish-public-page.tsx'],
  door: ['features/attendance/check-in-page.tsx'],
  minutes: ['features/minutes/minutes-page.tsx'],
  projector: ['features/console/projector-view.tsx'],
};

const gzipped = (file: string) => gzipSync(readFileSync(join(outWeb, file))).length;

/** The files a page needs: its modules' chunks and their static imports, transitively, with their styles. */
function filesOf(manifest: Record<string, ManifestChunk>, starts: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not a chunk of the build: has the page moved?`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const start of ['index.html', 'locales/zh-CN.ts', ...starts]) visit(start);
  return files;
}

/** The stock editor page's scripts, built into a temporary folder, in bytes after gzip. */
async function stockEditorBytes(): Promise<number> {
  const { build } = await import('vite');
  const pagesFolder = join(root, 'tests/bench/pages');
  const outDir = mkdtempSync(join(tmpdir(), 'courtyard-bench-stock-editor-'));
  try {
    await build({
      root: pagesFolder,
      base: '/',
      logLevel: 'warn',
      configFile: false,
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: { 'stock-editor': join(pagesFolder, 'stock-editor.html') } } },
    });
    const assets = join(outDir, 'assets');
    return readdirSync(assets).reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function bundleBench(report: Report): Promise<void> {
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(outWeb, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  for (const [page, starts] of Object.entries(pages)) {
    const bytes = [...filesOf(manifest, starts)].reduce((sum, file) => sum + gzipped(file), 0);
    report(`phone-page-gzip-kb-${page}`, bytes / 1000, 'kB');
  }
  const all = readdirSync(join(outWeb, 'assets')).reduce((sum, name) => sum + gzipped(join('assets', name)), 0);
  report('app-gzip-kb-all', all / 1000, 'kB');
  report('phone-page-gzip-kb-stock-editor', (await stockEditorBytes()) / 1000, 'kB');
}
