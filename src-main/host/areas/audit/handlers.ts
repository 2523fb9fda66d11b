import type Database from 'better-sqlite3';
import type { AuditReport, AuditStatus, auditArea } from '../../../../shared/api/areas/audit';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { sealExtras } from '../seals/keys';
import { signAuditHeadAtShutdown } from './heads';
import { checkAudit } from './integrity';

/**
 * The audit log's calls. The host checks the log once as it starts (the chair's banner shows the
 * result: the app still opens, so the evidence can be kept) and signs the chain's head when it
 * closes cleanly (the host's close runs the areas' clean-up before the database closes).
 */
export function auditHandlers(context: AreaContext): AreaHandlers<typeof auditArea> {
  const { db, sqlite, now, onClose } = context;
  const { keyProtector } = sealExtras(context);
  const atStart: AuditStatus = { ...startCheck(sqlite), checkedAt: now().toISOString() };
  onClose(() => signAuditHeadAtShutdown(db, now(), keyProtector));
  return {
    'audit:verify': () => checkAudit(sqlite),
    'audit:status': () => atStart,
  };
}

/** The check at start never keeps the host from opening: a check that cannot run says so instead. */
function startCheck(sqlite: Database.Database): AuditReport {
  try {
    return checkAudit(sqlite);
  } catch (error) {
    const problem = `无法核对审计记录：${(error as Error).message}`;
    return { ok: false, entries: 0, brokenAt: null, headHash: null, signedHead: null, problems: [problem], message: problem };
  }
}
