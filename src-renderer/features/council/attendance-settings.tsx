import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

/** The council's own rules for the door: a cap on proxies per holder, and whether signatures are required. */
export function AttendanceSettings({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const settings = useQuery('council:getSettings', { councilId });
  const [cap, setCap] = useState('');
  const [requireSignature, setRequireSignature] = useState(false);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setCap(settings.data.maxProxiesPerHolder === null ? '' : String(settings.data.maxProxiesPerHolder));
    setRequireSignature(settings.data.requireSignature);
    setIntakeOpen(settings.data.intakeOpen);
  }, [settings.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const maxProxiesPerHolder = cap.trim() === '' ? null : Number(cap);
    if (maxProxiesPerHolder !== null && !Number.isInteger(maxProxiesPerHolder)) {
      setError(t('council.proxyCapInvalid'));
      return;
    }
    const result = await call('council:updateSettings', { councilId, maxProxiesPerHolder, requireSignature, intakeOpen });
    setError(result.ok ? undefined : result.error.message);
    setSaved(result.ok);
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t('council.attendanceRules')}>
      <h2>{t('council.attendanceRules')}</h2>
      <Field label={t('council.proxyCap')} hint={t('council.proxyCapHint')}>
        <input value={cap} onChange={(e) => setCap(e.target.value)} inputMode="numeric" />
      </Field>
      <label className="check">
        <input type="checkbox" checked={requireSignature} onChange={(e) => setRequireSignature(e.target.checked)} />
        {t('council.requireSignature')}
      </label>
      <label className="check">
        <input type="checkbox" checked={intakeOpen} onChange={(e) => setIntakeOpen(e.target.checked)} />
        {t('council.intakeOpen')}
      </label>
      {intakeOpen && (
        <p className="muted">
          {t('council.intakeLink')} <a href={`/wish?council=${councilId}`}>{`${window.location.origin}/wish?council=${councilId}`}</a>
        </p>
      )}
      {error && <ErrorNote message={error} />}
      {saved && !error && <p className="saved-note">{t('common.saved')}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
