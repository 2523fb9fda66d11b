/**
 * Articles of a courtyard compact (院落公约): numbered 第一条, 第二条 … in Chinese numerals, as
 * the notice board shows them. The numbers are never stored: an article's number is its place,
 * so inserting or deleting one renumbers the rest, as it would on paper.
 */
import type { Result } from '../voting/result';

export const maxArticles = 60;
export const maxArticleChars = 1000;
export const maxTitleChars = 60;

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const units = ['', '十', '百', '千'];

/**
 * A positive whole number below 10,000 in Chinese numerals as written in legal texts:
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n}`);
  const parts = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  parts.forEach((digit, index) => {
    const unit = units[parts.length - 1 - index]!;
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十一, not 一十一, when the number starts with the tens.
    const skipOne = digit === 1 && unit === '十' && index === 0;
    out += (skipOne ? '' : digits[digit]!) + unit;
  });
  return out;
}

/** 0 → 第一条 (the label of the article at that place). */
export function articleLabel(index: number): string {
  return `第${chineseNumeral(index + 1)}条`;
}

const labelPattern = /^\s*第\s*[一二三四五六七八九十百零〇两0-9０-９]+\s*条[\s:：、，,.．]*/;

/** Text pasted from an old compact often starts with its own "第三条": the app numbers articles itself. */
export function stripArticleLabel(text: string): string {
  return text.replace(labelPattern, '');
}

/** Length as a person counts it: one per character, whatever its UTF-16 size. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * Checks the articles of a version as typed: trims each, drops a leading "第X条" the user typed,
 * and refuses (in Chinese) an empty article, one over 1,000 characters, or more than 60.
 */
export function normaliseArticles(texts: readonly string[]): Result<string[]> {
  if (texts.length === 0) return { ok: false, error: '公约至少要有一条。' };
  if (texts.length > maxArticles) return { ok: false, error: `公约最多 ${maxArticles} 条，现在有 ${texts.length} 条。请合并或删除一些条款。` };
  const out: string[] = [];
  for (const [index, raw] of texts.entries()) {
    const text = stripArticleLabel(raw.replace(/\r\n?/g, '\n').trim()).trim();
    const label = articleLabel(index);
    if (!text) return { ok: false, error: `${label}是空的：请填写内容，或删除这一条。` };
    const length = charCount(text);
    if (length > maxArticleChars) {
      return { ok: false, error: `${label}有 ${length} 个字，超过了每条 ${maxArticleChars} 字的上限。请精简，或拆成两条。` };
    }
    out.push(text);
  }
  return { ok: true, value: out };
}

export function sameArticles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}
