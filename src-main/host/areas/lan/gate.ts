/**
 * The host's side of access control for the browser host: who a request is (from its address and
 * session token), whether a long-lived connection may stay, and whether the LAN is wanted.
 * Only 127.0.0.1 and ::1 are this computer; every other address, 127.0.0.2 included, is someone
 * else and needs a participant session for anything beyond the public pages.
 */
import { eq } from 'drizzle-orm';
import type { Caller } from '../../core/caller';
import { localCaller } from '../../core/caller';
import type { Db } from '../../db/client';
import { councilSettings } from '../councils/schema';
import type { AccessSessions } from './sessions';

export interface AccessGate {
  /** The caller of a request from `address` carrying `token` (or none). */
  identify(address: string, token: string | null): Caller;
  /** Whether a participant may still be connected (removed, code closed or expired: no). */
  stillValid(participantId: number): boolean;
  /** Whether anyone on the LAN needs to reach the host now: a join code is valid or residents' intake is open. */
  lanWanted(): boolean;
}

export function isLocalAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function createAccessGate(db: () => Db | null, sessions: () => AccessSessions | null): AccessGate {
  return {
    identify(address, token) {
      if (isLocalAddress(address)) return localCaller;
      const found = token ? sessions()?.identify(token, address) : null;
      return found ?? { kind: 'public', address };
    },
    stillValid: (participantId) => sessions()?.stillValid(participantId) ?? false,
    lanWanted() {
      const database = db();
      if (!database?.$client.open) return false;
      if (sessions()?.anyValidCode()) return true;
      return database.select({ councilId: councilSettings.councilId }).from(councilSettings).where(eq(councilSettings.intakeOpen, true)).limit(1).get() !== undefined;
    },
  };
}
