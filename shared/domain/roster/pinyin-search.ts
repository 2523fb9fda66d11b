import { normaliseHouseholdCode } from './household-code';

export interface Searchable {
  name: string;
  pinyinInitials: string;
  pinyinFull: string;
  householdCode: string | null;
}

export type SearchQuery =
  | { kind: 'household'; code: string }
  | { kind: 'latin'; text: string }
  | { kind: 'text'; text: string };

export function classifyQuery(raw: string): SearchQuery | null {
  const text = raw.trim();
  if (!text) return null;
  const code = normaliseHouseholdCode(text);
  if (code) return { kind: 'household', code };
  if (/^[0-9]+(-[0-9A-Za-z]*)*$/.test(text)) return { kind: 'household', code: text };
  if (/^[a-zA-Z]+$/.test(text)) return { kind: 'latin', text: text.toLowerCase() };
  return { kind: 'text', text };
}

/**
 * Ranks a match: 0 best. Latin queries match pinyin initials (`hzp` → 何兆品) or the
 * start of the full pinyin (`hezhao`); digits match household numbers from the start.
 */
export function matchRank(person: Searchable, query: SearchQuery): number | null {
  switch (query.kind) {
    case 'household': {
      const code = person.householdCode ?? '';
      if (code === query.code) return 0;
      return code.startsWith(query.code) ? 1 : null;
    }
    case 'latin': {
      if (person.pinyinInitials === query.text) return 0;
      if (person.pinyinInitials.startsWith(query.text)) return 1;
      if (person.pinyinFull.startsWith(query.text)) return 2;
      return null;
    }
    case 'text': {
      if (person.name === query.text) return 0;
      if (person.name.startsWith(query.text)) return 1;
      return person.name.includes(query.text) ? 2 : null;
    }
  }
}

const nameCollator = new Intl.Collator('zh-CN');

/** Names as a Chinese reader sorts them (the order among people of equal rank). */
export function compareNames(a: Searchable, b: Searchable): number {
  return nameCollator.compare(a.name, b.name);
}

export function searchPeople<T extends Searchable>(people: readonly T[], raw: string, limit = 50): T[] {
  const query = classifyQuery(raw);
  if (!query) return people.slice(0, limit);
  return people
    .map((person) => ({ person, rank: matchRank(person, query) }))
    .filter((entry): entry is { person: T; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || compareNames(a.person, b.person))
    .slice(0, limit)
    .map((entry) => entry.person);
}
