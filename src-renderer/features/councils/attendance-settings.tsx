import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

type Settings = Output<'council:getSettings'>;

/**
 * The council's own rules for the door: a cap on proxies per holder, whether signatures and the written
 * authorisation of a proxy are required, and whether residents may raise matters on the public page.
 * The form appears only once the stored settings have arrived: a box ticked before that would be reset
 * by them, and a save would write the defaults over the council's rules.
 */
export function AttendanceSettings({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const settings = useQuery('council:getSettings', { councilId });
  if (settings.data) {
    return (
      <section>
        <AttendanceSettingsForm councilId={councilId} stored={settings.data} />
      </section>
    );
  }
  return (
    <section>
      <h2>{t('council.attendanceRules')}</h2>
      {settings.error ? <ErrorNote message={settings.error.message} /> : <p className="muted">{t('common.loading')}</p>}
    </section>
  );
}

function AttendanceSettingsForm({ councilId, stored }: { councilId: number; stored: Settings }) {
  const { t } = useTranslation();
  const [cap, setCap] = useState(stored.maxProxiesPerHolder === null ? '' : String(stored.maxProxiesPerHolder));
  const [requireSignature, setRequireSignature] = useState(stored.requireSignature);
  const [requireWrittenProxy, setRequireWrittenProxy] = useState(stored.requireWrittenProxy);
  const [intakeOpen, setIntakeOpen] = useState(stored.intakeOpen);
  const action = useAction();
  const [saved, setSaved] = useState(false);
  /** A change after a save takes the "saved" note away until the next save. */
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setSaved(false);
      set(value);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const maxProxiesPerHolder = cap.trim() === '' ? null : Number(cap);
    if (maxProxiesPerHolder !== null && !Number.isInteger(maxProxiesPerHolder)) {
      action.setError(t('council.proxyCapInvalid'));
      return;
    }
    const result = await action.run(call('council:updateSettings', { councilId, maxProxiesPerHolder, requireSignature, requireWrittenProxy, intakeOpen }));
    setSaved(result.ok);
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t('council.attendanceRules')}>
      <h2>{t('council.attendanceRules')}</h2>
      <Field label={t('council.proxyCap')} hint={t('council.proxyCapHint')}>
        <input value={cap} onChange={(e) => edited(setCap)(e.target.value)} inputMode="numeric" />
      </Field>
      <label className="check">
        <input type="checkbox" checked={requireSignature} onChange={(e) => edited(setRequireSignature)(e.target.checked)} />
        {t('council.requireSignature')}
      </label>
      <label className="check">
        <input type="checkbox" checked={requireWrittenProxy} onChange={(e) => edited(setRequireWrittenProxy)(e.target.checked)} />
        {t('council.requireWrittenProxy')}
      </label>
      <label className="check">
        <input type="checkbox" checked={intakeOpen} onChange={(e) => edited(setIntakeOpen)(e.target.checked)} />
        {t('council.intakeOpen')}
      </label>
      {intakeOpen && (
        <p className="muted">
          {t('council.intakeLink')} <a href={`/wish?council=${councilId}`}>{`${window.location.origin}/wish?council=${councilId}`}</a>
        </p>
      )}
      {action.error && <ErrorNote message={action.error} />}
      {saved && !action.error && <p className="saved-note">{t('common.saved')}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
