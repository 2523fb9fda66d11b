import type { compactsContract } from '../../../shared/api/contracts/compacts';
import type { AreaContext, AreaHandlers } from '../handlers';

export function compactsHandlers(context: AreaContext): AreaHandlers<typeof compactsContract> {
  void context;
  return {};
}
