import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeHeading, diffVersions, similarity, textPieces, type ArticleChange, type TextPiece } from './diff';

const v1 = [
  '各户垃圾分类投放，不在楼道堆放杂物。',
  '电动自行车不进楼道、不飞线充电，统一到集中充电点充电。',
  '晚上十点至早上七点不在院内大声喧哗。',
];

const oldSide = (pieces: TextPiece[]) => pieces.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
const newSide = (pieces: TextPiece[]) => pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');

function sides(changes: ArticleChange[]) {
  const before: string[] = [];
  const after: string[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged') {
      before.push(change.text);
      after.push(change.text);
    } else if (change.kind === 'changed') {
      before.push(change.oldText);
      after.push(change.newText);
    } else if (change.kind === 'removed') before.push(change.text);
    else after.push(change.text);
  }
  return { before, after };
}

describe('diff between two versions, article by article', () => {
  it('shows one edited article as changed, with the changed characters', () => {
    const v2 = [v1[0]!, '电动自行车不进楼道、不飞线充电，统一到3号楼北侧充电棚充电。', v1[2]!];
    const diff = diffVersions(v1, v2);
    expect(diff.summary).toBe('修改 1 条');
    expect(diff.changes.map((c) => c.kind)).toEqual(['unchanged', 'changed', 'unchanged']);
    const changed = diff.changes[1] as Extract<ArticleChange, { kind: 'changed' }>;
    expect(changeHeading(changed)).toBe('第二条 修改');
    expect(changed.pieces.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['集中充电点']);
    expect(changed.pieces.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['3号楼北侧充电棚']);
  });

  it('an inserted article renumbers the rest without calling them changed', () => {
    const v2 = [v1[0]!, '饲养宠物的住户出门牵绳，及时清理宠物粪便。', v1[1]!, v1[2]!];
    const diff = diffVersions(v1, v2);
    expect(diff.summary).toBe('新增 1 条；另有 2 条内容未改、序号变化');
    expect(diff.changes.map(changeHeading)).toEqual(['第一条 未改', '第二条 新增', '第三条（原第二条）未改', '第四条（原第三条）未改']);
  });

  it('a deleted article and an unrelated new one are not paired as an edit', () => {
    const v2 = [v1[0]!, v1[1]!, '公共收益每月在公示栏公布一次。'];
    const diff = diffVersions(v1, v2);
    expect(diff.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'removed', 'added']);
    expect(diff.summary).toBe('新增 1 条、删除 1 条');
  });

  it('pairs an edit even when a new article is inserted before it', () => {
    const v2 = [v1[0]!, '饲养宠物的住户出门牵绳。', '电动自行车不进楼道、不飞线充电，统一到充电棚充电。', v1[2]!];
    expect(diffVersions(v1, v2).changes.map(changeHeading)).toEqual(['第一条 未改', '第二条 新增', '第三条（原第二条）修改', '第四条（原第三条）未改']);
  });

  it('says when nothing changed', () => {
    expect(diffVersions(v1, v1).summary).toBe('两个版本内容相同');
  });

  it('folds a stranded shared character into the change so it reads as one replacement', () => {
    const pieces = textPieces('每月公布一次收支', '每季度在公示栏公布收支');
    expect(pieces.filter((p) => p.kind !== 'same').length).toBeLessThanOrEqual(4);
    expect(oldSide(pieces)).toBe('每月公布一次收支');
    expect(newSide(pieces)).toBe('每季度在公示栏公布收支');
  });

  it('similarity is 1 for the same text and low for unrelated articles', () => {
    expect(similarity(v1[0]!, v1[0]!)).toBe(1);
    expect(similarity(v1[0]!, v1[2]!)).toBeLessThan(0.35);
  });
});

const article = fc.string({ unit: fc.constantFrom(...'垃圾分类电动车充电停车宠物噪音公共收益邻里互助的在不。，ab1'), minLength: 1, maxLength: 30 });
const articles = fc.array(article, { maxLength: 12 });

describe('diff properties', () => {
  it('the old and new sides of the diff give back the two versions exactly', () => {
    fc.assert(
      fc.property(articles, articles, (before, after) => {
        const diff = diffVersions(before, after);
        const seen = sides(diff.changes);
        expect(seen.before).toEqual(before);
        expect(seen.after).toEqual(after);
        for (const change of diff.changes) {
          if (change.kind === 'changed') {
            expect(oldSide(change.pieces)).toBe(change.oldText);
            expect(newSide(change.pieces)).toBe(change.newText);
          }
        }
      }),
    );
  });

  it('numbers on each side run 0, 1, 2 … in order; counts add up', () => {
    fc.assert(
      fc.property(articles, articles, (before, after) => {
        const diff = diffVersions(before, after);
        const oldIndexes = diff.changes.flatMap((c) => ('oldIndex' in c ? [c.oldIndex] : []));
        const newIndexes = diff.changes.flatMap((c) => ('newIndex' in c ? [c.newIndex] : []));
        expect(oldIndexes).toEqual(before.map((_, i) => i));
        expect(newIndexes).toEqual(after.map((_, i) => i));
        expect(diff.added - diff.removed).toBe(after.length - before.length);
      }),
    );
  });

  it('a version compared with itself has no changes', () => {
    fc.assert(
      fc.property(articles, (same) => {
        const diff = diffVersions(same, same);
        expect(diff.changes.every((c) => c.kind === 'unchanged')).toBe(true);
        expect(diff.summary).toBe('两个版本内容相同');
      }),
    );
  });

  it('character pieces never hold two changes of the same kind in a row, nor empty text', () => {
    fc.assert(
      fc.property(article, article, (a, b) => {
        const pieces = textPieces(a, b);
        expect(oldSide(pieces)).toBe(a);
        expect(newSide(pieces)).toBe(b);
        for (const [index, piece] of pieces.entries()) {
          expect(piece.text).not.toBe('');
          expect(pieces[index + 1]?.kind === piece.kind).toBe(false);
        }
      }),
    );
  });
});
