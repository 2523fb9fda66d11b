/**
 * Who is calling. The desktop window and the browser on the chair's own machine (loopback)
 * are the council's staff; a participant joined over the LAN with a join code has the role
 * that code gave them. Handlers may read it (e.g. to name an update's origin); access rules
 * are checked before any handler runs (see DispatchOptions.authorize).
 */
export type ParticipantRole = 'viewer' | 'editor' | 'door' | 'counter';

export type Caller =
  | { kind: 'local' }
  | { kind: 'participant'; participantId: number; meetingId: number; role: ParticipantRole; name: string }
  /** The public resident page (/wish) reached without any code; from the network address it came from, where known. */
  | { kind: 'public'; address?: string };

export const localCaller: Caller = { kind: 'local' };
