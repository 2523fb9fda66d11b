import { classifyQuery, compareNames, type Searchable } from './pinyin-search';

/**
 * The door's search over a large roster without looking at every person: the same answers as
 * `searchPeople` (rank, then name as zh-CN sorts it, then the roster's own order), from keys sorted
 * once. Prefix matches (pinyin initials, full pinyin, household number) are one contiguous run of a
 * sorted key, found by binary search; only a Chinese-text query (which may match inside a name) reads
 * every name. Built once per roster and thrown away when the roster changes.
 */
export interface SearchIndex<T extends Searchable> {
  search(raw: string, limit: number): T[];
}

interface SortedKey {
  /** The key of each entry, in code-unit order, so every key starting with a prefix lies in one run. */
  keys: string[];
  /** The person's place in name order, per entry. */
  ordinals: Int32Array;
}

function sortedKey<T>(people: readonly T[], ordinalOf: Int32Array, keyOf: (person: T) => string): SortedKey {
  const order = people.map((_, index) => index).sort((a, b) => {
    const [x, y] = [keyOf(people[a]!), keyOf(people[b]!)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { keys: order.map((index) => keyOf(people[index]!)), ordinals: Int32Array.from(order, (index) => ordinalOf[index]!) };
}

/** The first entry whose key is not below `prefix`. */
function lowerBound(keys: readonly string[], prefix: string): number {
  let [low, high] = [0, keys.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Calls `visit(ordinal, exact)` for every entry whose key starts with `prefix`. */
function eachWithPrefix(index: SortedKey, prefix: string, visit: (ordinal: number, exact: boolean) => void): void {
  for (let at = lowerBound(index.keys, prefix); at < index.keys.length && index.keys[at]!.startsWith(prefix); at += 1) {
    visit(index.ordinals[at]!, index.keys[at] === prefix);
  }
}

export function buildSearchIndex<T extends Searchable>(people: readonly T[]): SearchIndex<T> {
  // Name order with the roster's order kept among equal names: exactly the pure search's tie-break.
  const byName = people.map((_, index) => index).sort((a, b) => compareNames(people[a]!, people[b]!) || a - b);
  const named = byName.map((index) => people[index]!);
  const ordinalOf = new Int32Array(people.length);
  byName.forEach((index, ordinal) => (ordinalOf[index] = ordinal));
  const initials = sortedKey(people, ordinalOf, (person) => person.pinyinInitials);
  const full = sortedKey(people, ordinalOf, (person) => person.pinyinFull);
  const households = sortedKey(people, ordinalOf, (person) => person.householdCode ?? '');
  // Best rank so far per person in name order, reset after each search (-1: not matched).
  const rankOf = new Int8Array(people.length).fill(-1);

  return {
    search(raw, limit) {
      const query = classifyQuery(raw);
      if (!query) return people.slice(0, limit);
      const matched: number[] = [];
      const offer = (ordinal: number, rank: number) => {
        const was = rankOf[ordinal]!;
        if (was === -1) matched.push(ordinal);
        if (was === -1 || rank < was) rankOf[ordinal] = rank;
      };
      switch (query.kind) {
        case 'household':
          eachWithPrefix(households, query.code, (ordinal, exact) => offer(ordinal, exact ? 0 : 1));
          break;
        case 'latin':
          eachWithPrefix(initials, query.text, (ordinal, exact) => offer(ordinal, exact ? 0 : 1));
          eachWithPrefix(full, query.text, (ordinal) => offer(ordinal, 2));
          break;
        case 'text':
          named.forEach((person, ordinal) => {
            if (person.name === query.text) offer(ordinal, 0);
            else if (person.name.startsWith(query.text)) offer(ordinal, 1);
            else if (person.name.includes(query.text)) offer(ordinal, 2);
          });
          break;
      }
      // Each rank's matches in name order (ordinals are name order), best rank first.
      const byRank: number[][] = [[], [], []];
      for (const ordinal of matched) byRank[rankOf[ordinal]!]!.push(ordinal);
      for (const ordinal of matched) rankOf[ordinal] = -1;
      const found: T[] = [];
      for (const ordinals of byRank) {
        if (found.length >= limit) break;
        for (const ordinal of Int32Array.from(ordinals).sort()) {
          if (found.length >= limit) break;
          found.push(named[ordinal]!);
        }
      }
      return found;
    },
  };
}
