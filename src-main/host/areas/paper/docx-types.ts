/**
 * The shapes the paper-round Word files are drawn from. Copied from the shared design until the
 * contract (shared/api/areas/paper.ts) and the count record (./record.ts) land; then these
 * re-export them.
 */
export type IssueHow = 'in_person' | 'door' | 'mailbox';
export interface PaperMatter { voteId: number; position: number; title: string; ruleName: string; ruleSummary: string; special: boolean }
export interface PaperRound {
  id: number;
  meetingId: number;
  councilName: string;
  title: string;
  opensOn: string;
  deadline: string;
  returnTo: string;
  markingRules: string;
  secret: boolean;
  status: 'open' | 'closed' | 'counting' | 'sealed';
  matters: PaperMatter[];
  tellers: string[];
  scrutineers: string[];
  postedOn: string | null;
  postedUntil: string | null;
}
export interface PrintedBallot { serial: string; checkCode: string; qrText: string; names: string | null; units: string[]; areaCenti: number; building: string | null }
export interface RegisterLine {
  voterKey: string;
  label: string;
  building: string | null;
  units: string[];
  areaCenti: number;
  issuedAt: string | null;
  issuedHow: IssueHow | null;
  issuedBy: string | null;
  returnedAt: string | null;
  returnedOnPaper: boolean;
  hasSignature: boolean;
  returnedBox: string | null;
}
export interface Participation {
  entitledHeadcount: number;
  entitledAreaCenti: number;
  returnedHeadcount: number;
  returnedAreaCenti: number;
  neededHeadcount: number;
  neededAreaCenti: number;
  headcountMet: boolean;
  areaMet: boolean;
  issued: number;
  returned: number;
  counted: number;
  invalid: number;
}
export interface Share { headcount: number; areaCenti: number }
export interface MatterTally { voteId: number; title: string; for: Share; against: Share; abstain: Share; blank: Share; neededHeadcount: number; neededAreaCenti: number }

/** The count record as the Word file shows it (the host builds it from the sealed record). */
export interface CountRecordDoc {
  round: PaperRound;
  participation: Participation;
  /** Returned according to the register (signatures), beside the ballots counted + invalid. */
  registerReturned: number;
  /** Each mismatch between register and ballots, in words; empty when they agree. */
  mismatches: string[];
  matters: Array<{ voteId: number; title: string; ruleName: string; ruleSummary: string; tally: MatterTally; passed: boolean; explanation: string }>;
  countedAt: string | null;
  signatures: Array<{ role: 'teller' | 'scrutineer'; name: string; signedAt: string; png: Buffer | null }>;
}
