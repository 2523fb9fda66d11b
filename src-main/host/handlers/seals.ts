import type { sealsContract } from '../../../shared/api/contracts/seals';
import type { AreaContext, AreaHandlers } from '../handlers';

export function sealsHandlers(context: AreaContext): AreaHandlers<typeof sealsContract> {
  void context;
  return {};
}
