import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Person } from '../../../../shared/api/areas/roster';
import { buildSearchIndex, type SearchIndex } from '../../../../shared/domain/roster/search-index';
import type { Db } from '../../db/client';
import { getCouncil } from '../councils/service';
import { listPeople } from './people';

export type PeopleSearch = (input: ParsedInput<'person:search'>) => Person[];

/**
 * The door's search, answered from an in-memory index per council rather than by reading and ranking
 * the whole roster on every keystroke (7,500 people took ~30 ms a call). In memory rather than SQL
 * indexes because the ranking ties on names as zh-CN sorts them, which SQLite cannot collate, and a
 * substring of a name needs every name anyway; a few thousand rows cost well under a megabyte.
 *
 * The index is dropped whenever a person or household row changes, by whatever code path: temporary
 * triggers on this connection call back into JavaScript (better-sqlite3's `function`), so the roster
 * import, an edit, a cascade from a deleted council all invalidate it without each having to remember.
 * An index is only kept when built outside a transaction, so rows a later rollback removes never stay.
 */
export function createPeopleSearch(db: Db, sqlite: Database.Database): PeopleSearch {
  const indexes = new Map<number, SearchIndex<Person>>();
  sqlite.function('courtyard_roster_changed', { deterministic: false, varargs: false }, () => {
    indexes.clear();
    return null;
  });
  for (const table of ['people', 'households']) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS roster_search_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT courtyard_roster_changed(); END`,
      );
    }
  }
  return ({ councilId, query, limit }) => {
    let index = indexes.get(councilId);
    if (!index) {
      index = buildSearchIndex(listPeople(db, councilId));
      if (!sqlite.inTransaction) indexes.set(councilId, index);
    } else {
      getCouncil(db, councilId);
    }
    return index.search(query, limit);
  };
}
