/**
 * A readable difference between two versions of a compact, article by article: which articles
 * were added, removed or changed (and, inside a changed one, which characters), and which kept
 * their text but moved to a new number. Articles are matched with jsdiff's array diff; a run of
 * removed articles next to a run of added ones is then paired by similarity, so an edited
 * article shows as "changed" rather than as one removed and one added.
 */
import { diffArrays, diffChars } from 'diff';
import { articleLabel, charCount } from './articles';

export interface TextPiece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type ArticleChange =
  | { kind: 'unchanged'; oldIndex: number; newIndex: number; text: string }
  | { kind: 'changed'; oldIndex: number; newIndex: number; oldText: string; newText: string; pieces: TextPiece[] }
  | { kind: 'added'; newIndex: number; text: string }
  | { kind: 'removed'; oldIndex: number; text: string };

export interface VersionDiff {
  changes: ArticleChange[];
  added: number;
  removed: number;
  changed: number;
  /** Articles whose text is the same but whose number changed (e.g. 第三条 became 第四条). */
  renumbered: number;
  /** One line: 新增 1 条、修改 2 条、删除 1 条 (or that nothing changed). */
  summary: string;
}

/** Below this, two articles are too different to call one an edit of the other. */
export const similarityThreshold = 0.35;

function grams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const out = new Map<string, number>();
  const size = chars.length < 2 ? 1 : 2;
  for (let i = 0; i + size <= chars.length; i += 1) {
    const gram = chars.slice(i, i + size).join('');
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams (0 = nothing in common, 1 = the same characters in the same pairs). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = grams(a);
  const right = grams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Character changes inside an edited article. Chinese text diffed character by character
 * leaves single shared characters (的, 在) stranded between changes, which makes the result
 * hard to read; such a sliver of one or two characters between two changes is folded into the
 * change, and each run of changes is shown as one removal followed by one addition.
 */
export function textPieces(oldText: string, newText: string): TextPiece[] {
  let pieces: TextPiece[] = diffChars(oldText, newText).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
  for (let pass = 0; pass < 4; pass += 1) {
    const folded: TextPiece[] = [];
    let changed = false;
    pieces.forEach((piece, index) => {
      const before = pieces[index - 1];
      const after = pieces[index + 1];
      if (piece.kind === 'same' && before && after && before.kind !== 'same' && after.kind !== 'same' && charCount(piece.text) <= 2) {
        folded.push({ kind: 'removed', text: piece.text }, { kind: 'added', text: piece.text });
        changed = true;
      } else folded.push(piece);
    });
    pieces = mergeRuns(folded);
    if (!changed) break;
  }
  return pieces;
}

function mergeRuns(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'removed') removed += piece.text;
    else if (piece.kind === 'added') added += piece.text;
    else if (piece.text) {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'same') last.text += piece.text;
      else out.push({ ...piece });
    }
  }
  flush();
  return out;
}

interface Indexed {
  index: number;
  text: string;
}

/** Pairs removed and added articles of one block, in order, maximising the total similarity of the pairs. */
function pairBlock(removed: Indexed[], added: Indexed[]): ArticleChange[] {
  const m = removed.length;
  const n = added.length;
  const score = removed.map((r) => added.map((a) => similarity(r.text, a.text)));
  // best[i][j]: best total for removed[i..] and added[j..].
  const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i -= 1) {
    for (let j = n - 1; j >= 0; j -= 1) {
      const s = score[i]![j]!;
      const pair = s >= similarityThreshold ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const out: ArticleChange[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    const r = removed[i];
    const a = added[j];
    if (r && a) {
      const s = score[i]![j]!;
      if (s >= similarityThreshold && best[i]![j] === s + best[i + 1]![j + 1]!) {
        out.push({ kind: 'changed', oldIndex: r.index, newIndex: a.index, oldText: r.text, newText: a.text, pieces: textPieces(r.text, a.text) });
        i += 1;
        j += 1;
      } else if (best[i]![j] === best[i + 1]![j]) {
        out.push({ kind: 'removed', oldIndex: r.index, text: r.text });
        i += 1;
      } else {
        out.push({ kind: 'added', newIndex: a.index, text: a.text });
        j += 1;
      }
    } else if (r) {
      out.push({ kind: 'removed', oldIndex: r.index, text: r.text });
      i += 1;
    } else if (a) {
      out.push({ kind: 'added', newIndex: a.index, text: a.text });
      j += 1;
    }
  }
  return out;
}

export function diffVersions(oldArticles: readonly string[], newArticles: readonly string[]): VersionDiff {
  const changes: ArticleChange[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: Indexed[] = [];
  let added: Indexed[] = [];
  const flush = () => {
    if (removed.length || added.length) changes.push(...pairBlock(removed, added));
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...oldArticles], [...newArticles])) {
    if (part.removed) {
      for (const text of part.value) removed.push({ index: oldIndex++, text });
    } else if (part.added) {
      for (const text of part.value) added.push({ index: newIndex++, text });
    } else {
      flush();
      for (const text of part.value) changes.push({ kind: 'unchanged', oldIndex: oldIndex++, newIndex: newIndex++, text });
    }
  }
  flush();
  const count = (kind: ArticleChange['kind']) => changes.filter((change) => change.kind === kind).length;
  const result = {
    changes,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    renumbered: changes.filter((change) => change.kind === 'unchanged' && change.oldIndex !== change.newIndex).length,
  };
  return { ...result, summary: diffSummary(result) };
}

export function diffSummary({ added, removed, changed, renumbered }: Pick<VersionDiff, 'added' | 'removed' | 'changed' | 'renumbered'>): string {
  const parts = [added && `新增 ${added} 条`, changed && `修改 ${changed} 条`, removed && `删除 ${removed} 条`].filter(Boolean);
  if (parts.length === 0) return renumbered ? `内容相同，${renumbered} 条的序号有变化` : '两个版本内容相同';
  return parts.join('、') + (renumbered ? `；另有 ${renumbered} 条内容未改、序号变化` : '');
}

/** How a change is headed for a reader: 第四条(原第三条)修改 …; the words are the same in every language the app shows. */
export function changeHeading(change: ArticleChange): string {
  switch (change.kind) {
    case 'added':
      return `${articleLabel(change.newIndex)} 新增`;
    case 'removed':
      return `原${articleLabel(change.oldIndex)} 删除`;
    case 'changed':
      return change.oldIndex === change.newIndex
        ? `${articleLabel(change.newIndex)} 修改`
        : `${articleLabel(change.newIndex)}（原${articleLabel(change.oldIndex)}）修改`;
    case 'unchanged':
      return change.oldIndex === change.newIndex
        ? `${articleLabel(change.newIndex)} 未改`
        : `${articleLabel(change.newIndex)}（原${articleLabel(change.oldIndex)}）未改`;
  }
}
