import type { sealsContract } from '../../../../shared/api/contracts/seals';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { exportMinutes, openMinutesAmendment, sealStatus, signMinutes } from './seal';
import { verifyMinutesFile } from './verify';

export function sealsHandlers(context: AreaContext): AreaHandlers<typeof sealsContract> {
  const { db, sqlite, tx, now } = context;
  return {
    'seals:status': ({ meetingId }) => sealStatus(db, sqlite, meetingId),
    'seals:sign': (input) => tx(() => signMinutes(db, sqlite, input, now())),
    'seals:amend': (input) => tx(() => openMinutesAmendment(db, sqlite, input, now())),
    'seals:export': (input) => exportMinutes(db, sqlite, input, now()),
    'seals:verify': ({ dataBase64 }) => verifyMinutesFile(db, Buffer.from(dataBase64, 'base64')),
  };
}
