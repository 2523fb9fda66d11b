/**
 * The audit log: an append-only hash chain of what was recorded, anchored by heads signed with
 * the councils' keys, and checked against the tables it records (ballots, counts, results,
 * attendance): on demand, and once at every start.
 */
import { z } from 'zod';
import { query, returns } from '../kit';

export interface SignedHeadSummary {
  seq: number;
  hash: string;
  signedAt: string;
  /** vote.close, vote.lock, minutes.seal, shutdown, or minutes (the head sealed into the minutes). */
  reason: string;
}

export interface AuditReport {
  ok: boolean;
  entries: number;
  /** The first entry that does not follow from the one before, or null when the chain walks whole. */
  brokenAt: number | null;
  /** The hash of the last entry, or null when the chain is broken. */
  headHash: string | null;
  /** The newest head signed with a council's key whose signature holds. */
  signedHead: SignedHeadSummary | null;
  /** Everything found wrong, one sentence each, in Chinese; empty when ok. */
  problems: string[];
  message: string;
}

/** The check the host made when it started, as the chair's banner shows it. */
export interface AuditStatus extends AuditReport {
  checkedAt: string;
}

export const auditArea = {
  'audit:verify': query(z.object({}), returns<AuditReport>()),
  'audit:status': query(z.object({}), returns<AuditStatus>()),
} as const;
