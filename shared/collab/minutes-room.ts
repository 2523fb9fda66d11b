/**
 * A meeting's minutes room name: `minutes-<copy>` when the room is first made, and
 * `minutes-<copy>.<fresh>` after each move (removing an editor or closing joining gives the room
 * a new name and password). The `<copy>` part stays for the life of the meeting's minutes: a
 * browser keeps its own copy of the minutes under it, so a move does not leave that copy behind,
 * and two hosts (or a restored database) still never share one. Knowing it gives no way in: the
 * host admits only the current name, and only to the chair and the editors still in.
 */
const separator = '.';

/** The part of a room name a browser's own copy of the minutes is kept under. */
export function localCopyKey(roomName: string): string {
  const at = roomName.indexOf(separator);
  return at < 0 ? roomName : roomName.slice(0, at);
}

/** The room's next name: the same copy key, a fresh part (random, from the caller). */
export function movedRoomName(roomName: string, fresh: string): string {
  return `${localCopyKey(roomName)}${separator}${fresh}`;
}
