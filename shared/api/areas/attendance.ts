/** Who is in the room: sign-in at the door, departures, observers and proxies. */
import { z } from 'zod';
import type { PersonRole } from '../../domain/roster/roles';
import { id, mutation, query, returns, signatureSchema, text, timeSchema } from '../kit';

export interface AttendanceEntry {
  personId: number;
  name: string;
  householdId: number | null;
  householdCode: string | null;
  observer: boolean;
  arrivedAt: string;
  leftAt: string | null;
  hasSignature: boolean;
  /** Signed by hand on the printed sheet and entered afterwards (纸上签到). */
  onPaper: boolean;
}

export interface ProxyGrant {
  id: number;
  grantorId: number;
  grantorName: string;
  grantorHouseholdCode: string | null;
  holderId: number;
  holderName: string;
  note: string;
  /** The written authorisation (书面委托书) was handed in. */
  writtenReceived: boolean;
  createdAt: string;
}

/** How many are in the room now, by person and by household (in person or by proxy): what the projector shows. */
export interface AttendanceSummary {
  meetingId: number;
  present: number;
  observers: number;
  membersPresent: number;
  membersTotal: number;
  householdsRepresented: number;
  householdsTotal: number;
}

/** Who is in the room now, by person and by household (in person or by proxy). */
export interface AttendanceSheet extends AttendanceSummary {
  /** In order of arrival (then by person). */
  entries: AttendanceEntry[];
  /** The proxies in force, in the order they were recorded. */
  proxies: ProxyGrant[];
}

/**
 * What one tap at the door changed, and the counts after it: the one person's line (null: the
 * sign-in was taken back) or the one proxy (null: revoked). A screen patches its sheet with it
 * (shared/domain/attendance/patch.ts) instead of reading the whole sheet again.
 */
export type AttendanceChange = AttendanceSummary &
  ({ kind: 'person'; personId: number; entry: AttendanceEntry | null } | { kind: 'proxy'; proxyId: number; proxy: ProxyGrant | null });

/** One person on the printed sheet, and whether (and how) they have signed in. */
export interface RollPerson {
  personId: number;
  name: string;
  roles: PersonRole[];
  arrivedAt: string | null;
  leftAt: string | null;
  onPaper: boolean;
}

export interface RollHousehold {
  householdId: number;
  code: string;
  /** Someone of it has signed in, or a proxy of it is held by someone who has. */
  arrived: boolean;
  people: RollPerson[];
}

/**
 * The council's whole roster for the printed sign-in sheet (签到表) and the paper roster: every
 * household by building in household order, with who has signed in so far.
 */
export interface SignInRoll {
  buildings: Array<{ building: string; households: RollHousehold[] }>;
  /** People on the roster without a household (grid workers, cadres): after the buildings. */
  withoutHousehold: RollPerson[];
}

/** The households nobody has come for yet (未到), by building, for the volunteer at the door. */
export interface AbsentHouseholds {
  buildings: Array<{ building: string; households: Array<{ householdId: number; code: string; names: string[] }> }>;
  householdsAbsent: number;
  householdsTotal: number;
}

export const attendanceArea = {
  /** The whole sheet, names included: the door's; the projector (viewer) reads the counts alone. */
  'attendance:get': query(z.object({ meetingId: id }), returns<AttendanceSheet>(), { roles: ['editor', 'door'] }),
  /** The counts alone (a few hundred bytes), for screens that show no names: the projector. */
  'attendance:summary': query(z.object({ meetingId: id }), returns<AttendanceSummary>(), { roles: ['viewer', 'editor', 'door'] }),
  'attendance:checkIn': mutation(
    z.object({
      meetingId: id,
      personId: id,
      observer: z.boolean().default(false),
      signaturePngBase64: signatureSchema.nullable().default(null),
    }),
    returns<AttendanceChange>(),
    { roles: ['door'] },
  ),
  /** Takes back a sign-in made by mistake (the wrong 王建国): as if the person had not come. */
  'attendance:undoCheckIn': mutation(z.object({ meetingId: id, personId: id }), returns<AttendanceChange>(), { roles: ['door'] }),
  /**
   * A signature on the printed sheet, entered afterwards (纸上签到) at the time written beside it, on
   * the meeting's date; allowed after the meeting has ended too, as the paper comes back then.
   */
  'attendance:recordPaper': mutation(z.object({ meetingId: id, personId: id, time: timeSchema }), returns<AttendanceChange>(), { roles: ['door'] }),
  'attendance:roll': query(z.object({ meetingId: id }), returns<SignInRoll>(), { roles: ['door'] }),
  'attendance:absent': query(z.object({ meetingId: id }), returns<AbsentHouseholds>(), { roles: ['door'] }),
  'attendance:checkOut': mutation(z.object({ meetingId: id, personId: id }), returns<AttendanceChange>(), { roles: ['door'] }),
  'proxy:grant': mutation(
    z.object({ meetingId: id, grantorId: id, holderId: id, note: text(200, '委托说明').default(''), writtenReceived: z.boolean().default(false) }),
    returns<AttendanceChange>(),
    { roles: ['door'] },
  ),
  'proxy:revoke': mutation(z.object({ proxyId: id }), returns<AttendanceChange>(), { roles: ['door'] }),
  /** The written authorisation of a proxy already recorded is handed in. */
  'proxy:receiveWritten': mutation(z.object({ proxyId: id }), returns<AttendanceChange>(), { roles: ['door'] }),
} as const;
