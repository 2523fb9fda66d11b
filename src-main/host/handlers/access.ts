import type { accessContract } from '../../../shared/api/contracts/access';
import type { AreaContext, AreaHandlers } from '../handlers';

export function accessHandlers(context: AreaContext): AreaHandlers<typeof accessContract> {
  void context;
  return {};
}
