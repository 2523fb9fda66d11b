import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../../shared/api/areas/audit';
import { useAction } from '../../api/action';
import { call } from '../../api/client';

/** Checks the hash chain of the audit log and says, in plain words, whether anything was changed behind the app's back. */
export function AuditCheck() {
  const { t } = useTranslation();
  const [report, setReport] = useState<AuditReport>();
  const action = useAction();
  const check = async () => {
    const result = await action.run(call('audit:verify', {}));
    if (result.ok) setReport(result.value);
  };
  return (
    <section className="form" aria-label={t('council.audit')}>
      <h2>{t('council.audit')}</h2>
      <p className="muted">{t('council.auditHelp')}</p>
      <div>
        <button type="button" onClick={check}>
          {t('council.auditCheck')}
        </button>
      </div>
      {report && (
        <p className={report.ok ? 'saved-note' : 'error-note'} role="status">
          {report.message}
        </p>
      )}
      {action.error && <p className="error-note">{action.error}</p>}
    </section>
  );
}
