/**
 * The count record (计票记录) of a written vote, as it is sealed: this object, as canonical JSON
 * (shared/domain/seals/canonical-json.ts), is what the SHA-256 digest and the council's Ed25519
 * signature cover. The Word file (recordDocx in docx.ts) is laid out from it alone.
 */
import type { ChoiceCount, Participation } from '../../../../shared/api/areas/paper';

export interface CountRecordMatter {
  voteId: number;
  /** 1, 2, 3… as on the ballot. */
  position: number;
  title: string;
  ruleName: string;
  /** What the rule needs, in words. */
  ruleSummary: string;
  special: boolean;
  /** As counted: 'blank' = left unmarked on a valid ballot. Invalid ballots are in none of these. */
  counts: { for: ChoiceCount; against: ChoiceCount; abstain: ChoiceCount; blank: ChoiceCount };
  /** Invalid ballots (废票): taking part (returned), neither for nor against. */
  invalid: ChoiceCount;
  passed: boolean;
  /** The engine's explanation (shared/domain/voting/tally.ts), in plain Chinese. */
  explanation: string;
}

export interface CountRecordDoc {
  /** Format of this record; bump on any change of shape. */
  format: 1;
  councilName: string;
  meetingTitle: string;
  round: {
    id: number;
    title: string;
    opensOn: string;
    deadline: string;
    returnTo: string;
    secret: boolean;
    voterBasis: 'members' | 'households' | 'owners';
    /** ISO time the returns were stopped, and the count started. */
    closedAt: string | null;
    countStartedAt: string | null;
  };
  tellers: string[];
  scrutineers: string[];
  reconciliation: {
    /** Voters of the frozen electorate (let units no one may cast for included). */
    entitled: number;
    /** Ballot papers printed (no paper for a let unit with no owner on record). */
    printed: number;
    issued: number;
    /** Returned as the register says. */
    returned: number;
    counted: number;
    invalid: number;
    /** Printed and not read at the count. */
    uncounted: number;
    /** Each mismatch in words (e.g. 登记册记录收回 41 张，计票读入 40 张，相差 1 张); empty when all agree. */
    mismatches: string[];
  };
  participation: Participation;
  matters: CountRecordMatter[];
  /** Each invalid ballot by serial, with why. */
  invalidBallots: { serial: string; reason: string }[];
  /** Confirmed corrections, in order. */
  corrections: { serial: string; askedBy: string; askedAt: string; reason: string; from: string; to: string; confirmedBy: string; confirmedAt: string }[];
  /** Tellers' and scrutineers' signatures, in the order signed, each a PNG (base64). */
  signatures: { role: 'teller' | 'scrutineer'; name: string; signedAt: string; pngBase64: string }[];
  /** ISO time the record was sealed (the last signature). */
  sealedAt: string;
}

/** The seal as the Word file prints it. */
export interface CountRecordSeal {
  digest: string;
  /** Verification code XXXX-XXXX-XXXX. */
  code: string;
  signedAt: string;
}
