import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/query';

const banner = { background: 'var(--danger)', color: '#fff', borderColor: 'var(--danger)' };

/**
 * What the host's check of the audit log found when it started, for the chair: a red banner
 * naming every problem. The app still works (so the evidence can be kept and looked at); nothing
 * shows when the log is whole, or when this screen may not ask (a participant on the LAN).
 */
export function AuditBanner() {
  const { t } = useTranslation();
  const status = useQuery('audit:status', {});
  const report = status.data;
  if (!report || report.ok) return null;
  return (
    <section className="error-note" role="alert" aria-label={t('auditBanner.title')} style={banner}>
      <strong>{t('auditBanner.title')}</strong>
      <p>{t('auditBanner.text')}</p>
      <ul>
        {report.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </section>
  );
}
