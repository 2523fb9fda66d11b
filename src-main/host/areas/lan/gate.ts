/**
 * The host's side of access control for the browser host: who a request is (from its address and
 * session token), whether a long-lived connection may stay, and whether the LAN is wanted.
 *
 * The chair is whoever holds a chair session (see chair-sessions.ts) and calls from this computer
 * (127.0.0.1 or ::1); being on this computer alone is no longer enough, as every user of the
 * computer and every page it opens (DNS rebinding) reaches loopback too. A participant is whoever
 * holds a participant session, from any address. Everyone else, and every token that is unknown,
 * expired or malformed, is the public caller.
 */
import { eq } from 'drizzle-orm';
import type { Caller } from '../../core/caller';
import { localCaller } from '../../core/caller';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { councilSettings } from '../councils/schema';
import { isWellFormedToken, type ChairSessions } from './chair-sessions';
import type { AccessSessions } from './sessions';

export interface AccessGate {
  /** The caller of a request from `address` carrying `token` (or none). */
  identify(address: string, token: string | null): Caller;
  /** Exchanges the login key of this run for a chair session token; null when refused. */
  login(address: string, key: string | null): string | null;
  /** Whether a participant may still be connected (removed, code closed or expired: no). */
  stillValid(participantId: number): boolean;
  /** Whether anyone on the LAN needs to reach the host now: a join code is valid or residents' intake is open. */
  lanWanted(): boolean;
}

export function isLocalAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The chair: a live chair session, used from this computer. */
export function isChair(chair: ChairSessions, address: string, token: string | null): boolean {
  return isLocalAddress(address) && isWellFormedToken(token) && chair.identify(token);
}

/** The login key is taken only from this computer: the chair's session never crosses the LAN. */
export function chairLogin(chair: ChairSessions, address: string, key: string | null): string | null {
  return isLocalAddress(address) ? chair.login(key) : null;
}

// Asked after every change of any area (whether the LAN listeners are wanted): compiled once per database.
const intakeOpenQuery = preparedOnce((db) =>
  db.select({ councilId: councilSettings.councilId }).from(councilSettings).where(eq(councilSettings.intakeOpen, true)).limit(1).prepare(),
);

export function createAccessGate(db: () => Db | null, sessions: () => AccessSessions | null, chair: ChairSessions): AccessGate {
  return {
    identify(address, token) {
      if (isChair(chair, address, token)) return localCaller;
      const found = isWellFormedToken(token) ? sessions()?.identify(token, address) : null;
      return found ?? { kind: 'public', address };
    },
    login: (address, key) => chairLogin(chair, address, key),
    stillValid: (participantId) => sessions()?.stillValid(participantId) ?? false,
    lanWanted() {
      const database = db();
      if (!database?.$client.open) return false;
      if (sessions()?.anyValidCode()) return true;
      return intakeOpenQuery(database).get() !== undefined;
    },
  };
}
