import type { sealsArea } from '../../../../shared/api/areas/seals';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { sealExtras } from './keys';
import { exportMinutes, openMinutesAmendment, sealStatus, signMinutes } from './seal';
import { verifyRecordFile } from '../paper/files';
import { verifyMinutesFile } from './verify';

export function sealsHandlers(context: AreaContext): AreaHandlers<typeof sealsArea> {
  const { db, sqlite, now } = context;
  const { keyProtector } = sealExtras(context);
  return {
    'seals:status': ({ meetingId }) => sealStatus(db, sqlite, meetingId),
    'seals:sign': (input) => signMinutes(db, sqlite, input, now(), keyProtector),
    'seals:amend': (input) => openMinutesAmendment(db, sqlite, input, now()),
    'seals:export': (input) => exportMinutes(db, sqlite, input, now()),
    // One page checks every sealed paper: minutes, or else a written vote's count record.
    'seals:verify': async ({ dataBase64 }) => {
      const data = Buffer.from(dataBase64, 'base64');
      const minutes = await verifyMinutesFile(db, data);
      if (minutes.verdict !== 'unknown') return minutes;
      const countRecord = await verifyRecordFile(db, data);
      return countRecord.verdict === 'unknown' ? minutes : countRecord;
    },
  };
}
