import { describe, expect, it } from 'vitest';
import { articleLabel, chineseNumeral, maxArticleChars, maxArticles, normaliseArticles, stripArticleLabel } from './articles';

describe('article numbers in Chinese numerals', () => {
  it.each([
    [1, '一'],
    [2, '二'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [60, '六十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [2300, '二千三百'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it('labels articles by place: 第一条 … 第六十条', () => {
    expect(Array.from({ length: 60 }, (_, index) => articleLabel(index)).filter((_, index) => [0, 1, 9, 10, 19, 20, 59].includes(index))).toEqual([
      '第一条',
      '第二条',
      '第十条',
      '第十一条',
      '第二十条',
      '第二十一条',
      '第六十条',
    ]);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('articles as typed', () => {
  it('drops a typed 第X条 (the app numbers articles itself) and trims', () => {
    expect(stripArticleLabel('第三条 不在楼道内飞线充电。')).toBe('不在楼道内飞线充电。');
    expect(stripArticleLabel('第十二条：按时倒垃圾')).toBe('按时倒垃圾');
    expect(stripArticleLabel('遵守第三条的规定')).toBe('遵守第三条的规定');
    expect(normaliseArticles(['  第一条、爱护环境 ', '邻里和睦\r\n互帮互助'])).toEqual({ ok: true, value: ['爱护环境', '邻里和睦\n互帮互助'] });
  });

  it('says in Chinese which article is empty or too long, and when there are too many', () => {
    expect(normaliseArticles([])).toEqual({ ok: false, error: '公约至少要有一条。' });
    expect(normaliseArticles(['一', '  '])).toEqual({ ok: false, error: '第二条是空的：请填写内容，或删除这一条。' });
    const long = normaliseArticles(['一', '二', '字'.repeat(maxArticleChars + 1)]);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error).toContain('第三条有 1001 个字');
    expect(normaliseArticles(['字'.repeat(maxArticleChars)]).ok).toBe(true);
    const many = normaliseArticles(Array.from({ length: maxArticles + 1 }, () => '条款'));
    expect(!many.ok && many.error).toContain('最多 60 条');
    expect(normaliseArticles(Array.from({ length: maxArticles }, () => '条款')).ok).toBe(true);
  });

  it('counts characters as people do (an emoji or a rare character outside the BMP is one)', () => {
    expect(normaliseArticles(['𠮷'.repeat(maxArticleChars)]).ok).toBe(true);
  });
});
