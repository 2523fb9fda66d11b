import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiPunctuationTouchingChinese } from './chinese-punctuation';

const rendererRoot = new URL('../../src-renderer/', import.meta.url).pathname;

function localeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? localeFiles(join(dir, entry.name)) : entry.name.endsWith('.zh-CN.json') ? [join(dir, entry.name)] : [],
  );
}

function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

/** A placeholder stands for a name or a word, Chinese on a Chinese screen: `{{from}}(` is a mark touching Chinese. */
function asFilled(text: string): string {
  return text.replace(/\{\{[^}]+\}\}/g, '某');
}

describe('Chinese punctuation', () => {
  it('the rule finds ASCII marks touching Chinese and leaves numbers, times, codes and addresses alone', () => {
    expect(asciiPunctuationTouchingChinese('会议名称:院落议事会(12 月)')).toHaveLength(3);
    expect(asciiPunctuationTouchingChinese('同意 4 票,反对 1 票')).toEqual(['同意 4 票,反对 1 票']);
    expect(asciiPunctuationTouchingChinese('时间：19:00，3-2-501，1,234 元，见 http://192.168.1.10:4820/wish?council=1。')).toEqual([]);
  });

  it('every Chinese text of the screens uses full-width punctuation', () => {
    const files = localeFiles(rendererRoot);
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      strings(JSON.parse(readFileSync(file, 'utf8'))).flatMap(([key, text]) =>
        asciiPunctuationTouchingChinese(asFilled(text)).map((near) => `${file.slice(rendererRoot.length)} ${key}: ${near}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
