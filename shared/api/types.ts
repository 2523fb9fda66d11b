import type { MeetingStatus, PersonRole, Tenure } from '../domain/roster/roles';
import type { ProcessTemplateId } from '../domain/process/templates';
import type { Outcome } from '../domain/voting/tally';
import type { VotingRule } from '../domain/voting/rules';

/** What the host returns. Areas travel as whole hundredths of a m² (see domain/area.ts). */
export interface Council {
  id: number;
  name: string;
  community: string;
  address: string;
  processTemplate: ProcessTemplateId;
  createdAt: string;
}

export interface Household {
  id: number;
  councilId: number;
  code: string;
  building: string;
  unit: string;
  room: string;
  areaCenti: number | null;
  tenure: Tenure;
  note: string;
  memberCount: number;
  /** The unit's owners (产权人) as recorded, by person id and name; empty when none is recorded. */
  owners: Array<{ id: number; name: string }>;
}

export interface Person {
  id: number;
  councilId: number;
  name: string;
  pinyinInitials: string;
  pinyinFull: string;
  phone: string;
  roles: PersonRole[];
  householdId: number | null;
  householdCode: string | null;
}

export interface AgendaItem {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  text: string;
  /** The proposal as amended in the meeting; null while it stands as tabled. */
  amendedText: string | null;
  stepIndex: number;
}

export interface MeetingSummary {
  id: number;
  councilId: number;
  title: string;
  date: string;
  startTime: string;
  place: string;
  status: MeetingStatus;
  chairId: number | null;
  secretaryId: number | null;
  chairName: string | null;
  secretaryName: string | null;
  agendaCount: number;
}

export interface Meeting extends MeetingSummary {
  agenda: AgendaItem[];
}

export interface ImportIssue {
  /** Row number as the user sees it in the spreadsheet (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportRowPreview {
  row: number;
  name: string;
  householdCode: string;
  areaCenti: number | null;
  tenure: Tenure;
  phone: string;
  roles: PersonRole[];
  /** Recorded as an owner (产权人) of the household's unit. */
  titleHolder: boolean;
  /** 'new' household, 'existing' household, or 'updated' when area/tenure change. */
  household: 'new' | 'existing' | 'updated';
}

export interface ImportPreview {
  fileName: string;
  encoding: 'utf-8' | 'gbk' | 'xlsx';
  rows: ImportRowPreview[];
  issues: ImportIssue[];
  householdsNew: number;
  householdsUpdated: number;
  peopleNew: number;
  /** Titles to record: people marked 产权人 and the rows of the sheet 产权. */
  titlesNew: number;
}

export interface ImportResult {
  householdsCreated: number;
  householdsUpdated: number;
  peopleCreated: number;
}

export interface FilePayload {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  host: 'desktop' | 'browser';
}

export interface AttendanceEntry {
  personId: number;
  name: string;
  householdId: number | null;
  householdCode: string | null;
  observer: boolean;
  arrivedAt: string;
  leftAt: string | null;
  hasSignature: boolean;
}

export interface ProxyGrant {
  id: number;
  grantorId: number;
  grantorName: string;
  grantorHouseholdCode: string | null;
  holderId: number;
  holderName: string;
  note: string;
  createdAt: string;
}

/** Who is in the room now, by person and by household (in person or by proxy). */
export interface AttendanceSheet {
  meetingId: number;
  entries: AttendanceEntry[];
  proxies: ProxyGrant[];
  present: number;
  observers: number;
  membersPresent: number;
  membersTotal: number;
  householdsRepresented: number;
  householdsTotal: number;
}

export interface CouncilSettings {
  councilId: number;
  maxProxiesPerHolder: number | null;
  requireSignature: boolean;
  intakeOpen: boolean;
  /** What a new vote starts from, as the council saved it; null until it saves one. */
  defaultVote: { rule: VotingRule; mode: VoteMode } | null;
}

export type AuditReport =
  | { ok: true; entries: number; headHash: string; message: string }
  | { ok: false; entries: number; brokenAt: number; message: string };

export type BallotChoice = 'for' | 'against' | 'abstain' | 'blank';
export type VoteMode = 'hands' | 'roll_call' | 'secret';
export type VoterBasis = 'members' | 'households' | 'owners';

export interface ChoiceTotals {
  headcount: number;
  areaCenti: number;
}

export interface VoteState {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  title: string;
  mode: VoteMode;
  status: 'open' | 'closed' | 'locked';
  voterBasis: VoterBasis;
  entitled: number;
  present: number;
  ballotsCast: number;
  totals: Record<BallotChoice, ChoiceTotals>;
  openedAt: string;
  closedAt: string | null;
  replacesVoteId: number | null;
  correctionReason: string | null;
  rule: VotingRule;
  /** The outcome as the rule decides it now; for a locked vote, the stored result. */
  outcome: Outcome | null;
  /** Why there is no outcome yet (e.g. no ballots), in plain Chinese. */
  outcomeProblem: string | null;
  lockedAt: string | null;
}

export interface BallotReceipt {
  voteId: number;
  voterKey: string;
  choice: BallotChoice;
  ballotsCast: number;
}

export interface BackupInfo {
  fileName: string;
  kind: 'daily' | 'manual' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  sizeBytes: number;
}

export type RecoveryStatus =
  | { damaged: false }
  | { damaged: true; databasePath: string; reason: string; latestBackup: BackupInfo | null };

export interface RecoveryResult {
  restoredFrom: BackupInfo;
  keptAs: string;
}

export interface RollCallVoter {
  key: string;
  label: string;
  /** The names of the people who can cast this vote now: in the room, or a proxy holder for them. */
  present: boolean;
  choice: BallotChoice | null;
}

export interface Speaker {
  id: number;
  agendaItemId: number;
  personId: number;
  name: string;
  householdCode: string | null;
  status: 'waiting' | 'speaking' | 'done';
  startedAt: string | null;
  endedAt: string | null;
  view: 'for' | 'against' | 'suggestion' | null;
  note: string;
}

export interface ConsoleState {
  meetingId: number;
  currentAgendaItemId: number | null;
  screen: 'meeting' | 'blank' | 'break';
  speakingLimitSeconds: number;
  /** The current matter's queue: who spoke, who speaks, who waits, in order. */
  speakers: Speaker[];
  /** The host's clock, so screens can run the countdown against it. */
  now: string;
  /** The council's six step names (renamed or its template's), for the step bar. */
  stepNames: string[];
}

export interface Wish {
  id: number;
  councilId: number;
  text: string;
  category: string;
  building: string;
  name: string;
  household: string;
  supporters: number;
  source: 'public' | 'staff';
  status: 'new' | 'accepted' | 'declined' | 'merged';
  reason: string;
  agendaItemId: number | null;
  /** For a merged duplicate: the wish it was merged into. */
  mergedIntoId: number | null;
  createdAt: string;
}

/** A matter as the public page lists it: its words, never who raised it. */
export interface PublicWish {
  id: number;
  text: string;
  category: string;
  supporters: number;
  status: 'new' | 'accepted';
}

export interface IntakeStatus {
  councilId: number;
  councilName: string;
  open: boolean;
  /** Matters still open, for residents' "me too" (empty while intake is closed). */
  openWishes: PublicWish[];
}
