import type { followupContract } from '../../../shared/api/contracts/followup';
import type { AreaContext, AreaHandlers } from '../handlers';

export function followupHandlers(context: AreaContext): AreaHandlers<typeof followupContract> {
  void context;
  return {};
}
