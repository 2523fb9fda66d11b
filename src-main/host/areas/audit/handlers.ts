import type { auditArea } from '../../../../shared/api/areas/audit';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { describeChain, verifyAuditChain } from './audit-log';

export function auditHandlers({ sqlite }: AreaContext): AreaHandlers<typeof auditArea> {
  return {
    'audit:verify': () => describeChain(verifyAuditChain(sqlite)),
  };
}
