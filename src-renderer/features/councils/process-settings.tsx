import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { stepCount } from '../../../shared/domain/process/templates';
import { stepNameLimit } from '../../../shared/domain/process/step-names';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

/** The council's own names for its six steps, how many seconds 附议 needs (六议), and how many days the notice goes up before a meeting. */
export function ProcessSettingsForm({ councilId }: { councilId: number }) {
  const settings = useQuery('process:settings', { councilId }, { live: true });
  if (settings.error) return <ErrorNote message={settings.error.message} />;
  // The form starts from the stored settings and keeps what the user types when another window saves:
  // it is not shown before they arrive, so nothing typed early is reset by them.
  return settings.data ? <StepNamesForm councilId={councilId} data={settings.data} /> : null;
}

function StepNamesForm({ councilId, data }: { councilId: number; data: Output<'process:settings'> }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<string[]>(() => [...data.effectiveSteps]);
  const [seconds, setSeconds] = useState(() => String(data.secondsRequired));
  const [noticeDays, setNoticeDays] = useState(() => String(data.noticeDays));
  const action = useAction();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const secondsRequired = Number(seconds);
    const same = names.every((name, index) => name.trim() === data.templateSteps[index]);
    const result = await action.run(call('council:setSteps', { councilId, stepNames: same ? null : names, secondsRequired, noticeDays: Number(noticeDays) }));
    setSaved(result.ok);
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t('process.settings.title')}>
      <h2>{t('process.settings.title')}</h2>
      <p>
        <strong>{t('process.settings.template', { name: data.templateName })}</strong>
      </p>
      <p className="muted">{t('process.settings.templateHint')}</p>
      <div className="two-columns">
        {Array.from({ length: stepCount }, (_, index) => (
          <Field key={index} label={t('process.settings.stepName', { number: index + 1 })} hint={t('process.settings.templateStep', { name: data.templateSteps[index] ?? '' })}>
            <input
              value={names[index] ?? ''}
              maxLength={stepNameLimit}
              onChange={(e) => {
                setSaved(false);
                setNames((previous) => previous.map((name, i) => (i === index ? e.target.value : name)));
              }}
              required
            />
          </Field>
        ))}
      </div>
      <Field label={t('process.settings.secondsRequired')} hint={data.hasSecondStep ? t('process.settings.secondsHint') : t('process.settings.secondsUnused')}>
        <input
          type="number"
          min={1}
          max={99}
          style={{ maxWidth: '10rem' }}
          value={seconds}
          onChange={(e) => {
            setSaved(false);
            setSeconds(e.target.value);
          }}
          inputMode="numeric"
        />
      </Field>
      <Field label={t('process.settings.noticeDays')} hint={t('process.settings.noticeDaysHint')}>
        <input
          type="number"
          min={0}
          max={30}
          style={{ maxWidth: '10rem' }}
          value={noticeDays}
          onChange={(e) => {
            setSaved(false);
            setNoticeDays(e.target.value);
          }}
          inputMode="numeric"
        />
      </Field>
      {action.error && <ErrorNote message={action.error} />}
      {saved && !action.error && <p className="saved-note">{t('common.saved')}</p>}
      <div className="form-actions">
        <button type="button" onClick={() => setNames([...data.templateSteps])}>
          {t('process.settings.reset')}
        </button>
        <button type="submit" className="button-primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
