import type { paperArea } from '../../../../shared/api/areas/paper';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { HostError } from '../../core/errors';

const notYet = (): never => {
  throw new HostError('conflict', '书面表决功能还在建设中，暂时不能使用。');
};

export function paperHandlers(_context: AreaContext): AreaHandlers<typeof paperArea> {
  return {
    'paper:open': notYet,
    'paper:get': () => null,
    'paper:ballots': notYet,
    'paper:register': notYet,
    'paper:issue': notYet,
    'paper:issueAll': notYet,
    'paper:return': notYet,
    'paper:absentees': notYet,
    'paper:participation': notYet,
    'paper:close': notYet,
    'paper:startCount': notYet,
    'paper:scan': notYet,
    'paper:count': notYet,
    'paper:invalid': notYet,
    'paper:correct': notYet,
    'paper:corrections': notYet,
    'paper:confirmCorrection': notYet,
    'paper:tally': notYet,
    'paper:sign': notYet,
    'paper:recordStatus': notYet,
    'paper:post': notYet,
    'paper:ballotsDocx': notYet,
    'paper:registerDocx': notYet,
    'paper:reminderDocx': notYet,
    'paper:recordDocx': notYet,
    'paper:verifyRecord': notYet,
  };
}
