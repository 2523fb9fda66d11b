import type { minutesContract } from '../../../../shared/api/contracts/minutes';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { MinutesService } from './service';

export function minutesHandlers(context: AreaContext): AreaHandlers<typeof minutesContract> {
  const service = new MinutesService({ db: context.db, sqlite: context.sqlite, now: context.now });
  context.onClose(() => service.close());
  return {
    'minutes:open': ({ meetingId }) => context.tx(() => service.openDocument(meetingId)),
    'minutes:push': (input, caller) => service.push(input, caller),
    'minutes:refresh': ({ meetingId }) => context.tx(() => service.refresh(meetingId)),
  };
}
