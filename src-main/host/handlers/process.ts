import type { processContract } from '../../../shared/api/contracts/process';
import type { AreaContext, AreaHandlers } from '../handlers';

export function processHandlers(context: AreaContext): AreaHandlers<typeof processContract> {
  void context;
  return {};
}
