/** Who is in the room: sign-in at the door, departures, observers and proxies. */
import { z } from 'zod';
import { id, mutation, query, returns, signatureSchema, text } from '../kit';

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

export const attendanceArea = {
  'attendance:get': query(z.object({ meetingId: id }), returns<AttendanceSheet>(), { roles: ['viewer', 'editor', 'door'] }),
  'attendance:checkIn': mutation(
    z.object({
      meetingId: id,
      personId: id,
      observer: z.boolean().default(false),
      signaturePngBase64: signatureSchema.nullable().default(null),
    }),
    returns<AttendanceSheet>(),
    { roles: ['door'] },
  ),
  /** Takes back a sign-in made by mistake (the wrong 王建国): as if the person had not come. */
  'attendance:undoCheckIn': mutation(z.object({ meetingId: id, personId: id }), returns<AttendanceSheet>(), { roles: ['door'] }),
  'attendance:checkOut': mutation(z.object({ meetingId: id, personId: id }), returns<AttendanceSheet>(), { roles: ['door'] }),
  'proxy:grant': mutation(
    z.object({ meetingId: id, grantorId: id, holderId: id, note: text(200, '委托说明').default('') }),
    returns<AttendanceSheet>(),
    { roles: ['door'] },
  ),
  'proxy:revoke': mutation(z.object({ proxyId: id }), returns<AttendanceSheet>(), { roles: ['door'] }),
} as const;
