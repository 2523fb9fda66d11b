import type { attendanceArea } from '../../../../shared/api/areas/attendance';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { absentHouseholds, recordPaperSignIn, signInRoll } from './door-sheet';
import { attendanceSummary } from './sheet';
import { checkIn, checkOut, undoCheckIn, getAttendance, grantProxy, receiveWrittenProxy, revokeProxy } from './service';

export function attendanceHandlers({ db, now }: AreaContext): AreaHandlers<typeof attendanceArea> {
  return {
    'attendance:get': ({ meetingId }) => getAttendance(db, meetingId),
    'attendance:summary': ({ meetingId }) => attendanceSummary(db, meetingId),
    'attendance:checkIn': (input) => checkIn(db, input, now()),
    'attendance:undoCheckIn': (input) => undoCheckIn(db, input, now()),
    'attendance:recordPaper': (input) => recordPaperSignIn(db, input, now()),
    'attendance:roll': ({ meetingId }) => signInRoll(db, meetingId),
    'attendance:absent': ({ meetingId }) => absentHouseholds(db, meetingId),
    'attendance:checkOut': (input) => checkOut(db, input, now()),
    'proxy:grant': (input) => grantProxy(db, input, now()),
    'proxy:revoke': ({ proxyId }) => revokeProxy(db, proxyId, now()),
    'proxy:receiveWritten': ({ proxyId }) => receiveWrittenProxy(db, proxyId, now()),
  };
}
