/**
 * Where the seals area reads and freezes the collaborative minutes: the minutes area's own store
 * (snapshot then every update in order, damaged rows skipped and reported there; the lock column).
 */
import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { lockMinutes, minutesLockedAt, readMinutesDoc, unlockMinutes } from '../minutes/store';

export function readMinutesForSeal(sqlite: Database.Database, meetingId: number): Y.Doc {
  return readMinutesDoc(sqlite, meetingId);
}

export function minutesLockTime(sqlite: Database.Database, meetingId: number): string | null {
  return minutesLockedAt(sqlite, meetingId);
}

/** Makes the minutes read-only, or editable again for an amendment, at `now`. */
export function setMinutesLock(sqlite: Database.Database, meetingId: number, locked: boolean, now: Date): void {
  if (locked) lockMinutes(sqlite, meetingId, now);
  else unlockMinutes(sqlite, meetingId, now);
}
