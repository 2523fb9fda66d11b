import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'src-main/host/db/migrations/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/ runs on both sides: no Node built-ins, no Electron, no DOM.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeOnly, 'electron', 'react', 'react-dom'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator'],
    },
  },
  {
    // The host runs in plain Node for the browser host and the tests: it may not need Electron.
    files: ['src-main/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron'] }] },
  },
  {
    // The peer-latency bench's baseline pages run in Chromium.
    files: ['tests/bench/pages/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeOnly, 'electron', '**/src-main/**'] }] },
  },
);
