/**
 * Which signaling rooms the chair has opened: exactly the rooms `minutes:open` created, one per
 * meeting, stored in minutes_docs. Looked up on every subscribe, so a deleted meeting's room
 * closes to newcomers at once, and a restored database is seen without a restart.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { minutesDocs } from './schema';

export function roomOpenedIn(db: () => Db | null | undefined): (name: string) => boolean {
  return (name) => {
    const database = db();
    if (!database?.$client.open) return false;
    return (
      database
        .select({ meetingId: minutesDocs.meetingId })
        .from(minutesDocs)
        .where(and(eq(minutesDocs.roomName, name), isNull(minutesDocs.lockedAt)))
        .get() !== undefined
    );
  };
}
