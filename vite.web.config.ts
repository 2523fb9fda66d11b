import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The renderer built for the browser host (out/web); electron-vite builds the same code to out/renderer. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The module graph of every chunk, read by the bundle bench (tests/bench/areas/bundle.ts).
    manifest: true,
  },
});
