import type { minutesArea } from '../../../../shared/api/areas/minutes';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { MinutesService } from './service';

export function minutesHandlers(context: AreaContext): AreaHandlers<typeof minutesArea> {
  const service = new MinutesService({ db: context.db, sqlite: context.sqlite, now: context.now });
  context.onClose(() => service.close());
  return {
    'minutes:open': ({ meetingId }) => service.openDocument(meetingId),
    'minutes:push': (input, caller) => service.push(input, caller),
    'minutes:refresh': ({ meetingId }) => service.refresh(meetingId),
  };
}
