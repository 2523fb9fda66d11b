import { customType } from 'drizzle-orm/sqlite-core';
import type { ZodType } from 'zod';

/**
 * A JSON value kept in a TEXT column (the SQL type stays text, so no migration): written with
 * `write` (JSON.stringify unless the column keeps canonical JSON) and checked with `schema` when
 * read, so a row that is not what the app wrote shows up as an error rather than passing a cast.
 * Text that is not JSON at all reaches the schema as undefined: a schema with .catch() can read
 * it as "nothing stored".
 */
export function jsonText<T>(name: string, schema: ZodType<T>, write: (value: T) => string = JSON.stringify) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => write(value),
    fromDriver: (text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return schema.parse(parsed);
    },
  })(name);
}
