import type { attendanceArea } from '../../../../shared/api/areas/attendance';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { checkIn, checkOut, undoCheckIn, getAttendance, grantProxy, revokeProxy } from './service';

export function attendanceHandlers({ db, now }: AreaContext): AreaHandlers<typeof attendanceArea> {
  return {
    'attendance:get': ({ meetingId }) => getAttendance(db, meetingId),
    'attendance:checkIn': (input) => checkIn(db, input, now()),
    'attendance:undoCheckIn': (input) => undoCheckIn(db, input, now()),
    'attendance:checkOut': (input) => checkOut(db, input, now()),
    'proxy:grant': (input) => grantProxy(db, input, now()),
    'proxy:revoke': ({ proxyId }) => revokeProxy(db, proxyId, now()),
  };
}
