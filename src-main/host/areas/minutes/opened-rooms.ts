/**
 * Which signaling rooms the chair has opened: exactly the rooms `minutes:open` created, one per
 * meeting, stored in minutes_docs. Looked up on every subscribe, so a deleted meeting's room
 * closes to newcomers at once, and a restored database is seen without a restart.
 */
import type { Database } from 'better-sqlite3';

export function roomOpenedIn(sqlite: () => Database | null | undefined): (name: string) => boolean {
  return (name) => {
    const database = sqlite();
    if (!database?.open) return false;
    return database.prepare('SELECT 1 FROM minutes_docs WHERE room_name = ? AND locked_at IS NULL').get(name) !== undefined;
  };
}
