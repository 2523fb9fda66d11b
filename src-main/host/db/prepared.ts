import type { Statement } from 'better-sqlite3';
import type { Db } from './client';

/**
 * A query built and compiled once per open database, then run with new values: drizzle's `.prepare()`
 * over `sql.placeholder`s. On a hot path (a ballot counted in public, a sign-in at the door, an audit
 * entry) building the query and having SQLite compile it again cost more than running it. The cache is
 * keyed by the database, so a second host or a reopened file gets its own statements.
 */
export function preparedOnce<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const byDatabase = new WeakMap<Db, Query>();
  return (db) => {
    let query = byDatabase.get(db);
    if (!query) byDatabase.set(db, (query = build(db)));
    return query;
  };
}

/** The same for a statement written in SQL: compiled once per open database. */
export function statementOnce(source: string): (db: Db) => Statement {
  const byDatabase = new WeakMap<Db, Statement>();
  return (db) => {
    let statement = byDatabase.get(db);
    if (!statement) byDatabase.set(db, (statement = db.$client.prepare(source)));
    return statement;
  };
}
