/**
 * The baselines the minutes' peer latency is divided by, on the same harness: the stock Tiptap
 * collaborative editor and a bare y-webrtc Y.Text (tests/bench/pages), built with Vite into a
 * temporary folder and served by a bare Node server that also carries the signaling (our signaling
 * server, which speaks y-webrtc's protocol, with every room open).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSignalingServer, signalingPath } from '../../src-main/host/areas/minutes/signaling-server';

const pagesFolder = fileURLToPath(new URL('./pages/', import.meta.url));
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

export interface BaselinePages {
  /** The page's address for one peer of `room`. */
  url(page: 'stock-editor' | 'bare-text', room: string, name: string): string;
  stop(): Promise<void>;
}

export async function serveBaselinePages(port: number): Promise<BaselinePages> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'courtyard-bench-pages-'));
  await build({
    root: pagesFolder,
    base: '/',
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { 'stock-editor': join(pagesFolder, 'stock-editor.html'), 'bare-text': join(pagesFolder, 'bare-text.html') } },
    },
  });
  const signaling = createSignalingServer({ roomOpened: () => true });
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith(signalingPath)) signaling.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: (page, room, name) => `http://127.0.0.1:${port}/${page}.html?room=${encodeURIComponent(room)}&password=bench-password&name=${encodeURIComponent(name)}`,
    stop: async () => {
      signaling.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
