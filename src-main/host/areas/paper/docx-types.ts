/** The shapes the paper-round Word files are drawn from: the contract's, and the sealed count record's. */
export type { IssueHow, MatterTally, PaperMatter, PaperRound, Participation, PrintedBallot, RegisterLine } from '../../../../shared/api/areas/paper';
export type { CountRecordDoc, CountRecordMatter, CountRecordSeal } from './record';
