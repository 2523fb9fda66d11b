import type { minutesContract } from '../../../shared/api/contracts/minutes';
import { HostError } from '../errors';
import type { AreaContext, AreaHandlers } from '../handlers';

export function minutesHandlers(context: AreaContext): AreaHandlers<typeof minutesContract> {
  void context;
  const notYet = (): never => {
    throw new HostError('conflict', '会议记录功能正在建设中。');
  };
  return {
    'minutes:open': notYet,
    'minutes:push': notYet,
    'minutes:refresh': notYet,
  };
}
