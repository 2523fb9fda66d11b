import type { sealsArea } from '../../../../shared/api/areas/seals';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { sealExtras } from './keys';
import { exportMinutes, openMinutesAmendment, sealStatus, signMinutes } from './seal';
import { verifyMinutesFile } from './verify';

export function sealsHandlers(context: AreaContext): AreaHandlers<typeof sealsArea> {
  const { db, sqlite, now } = context;
  const { keyProtector } = sealExtras(context);
  return {
    'seals:status': ({ meetingId }) => sealStatus(db, sqlite, meetingId),
    'seals:sign': (input) => signMinutes(db, sqlite, input, now(), keyProtector),
    'seals:amend': (input) => openMinutesAmendment(db, sqlite, input, now()),
    'seals:export': (input) => exportMinutes(db, sqlite, input, now()),
    'seals:verify': ({ dataBase64 }) => verifyMinutesFile(db, Buffer.from(dataBase64, 'base64')),
  };
}
