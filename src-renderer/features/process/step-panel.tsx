import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatterProcess } from '../../../shared/api/areas/process';
import type { Person } from '../../../shared/api/areas/roster';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { PersonPicker } from '../../components/person-picker';
import { ReasonForm } from '../../components/reason-form';
import { chineseDate } from '../../../shared/domain/followup/dates';
import './process.css';

/** The current matter's process and the chair's moves, shared by the buttons and the keyboard. */
export function useMatterProcess(agendaItemId: number | null) {
  const process = useQuery('process:get', agendaItemId === null ? null : { agendaItemId }, { live: true });
  // A refusal is the action's error: the step the rules forbid, with their reason.
  const { error: refusal, setError: setRefusal, run } = useAction(['process:get']);
  // A refusal belongs to the matter it was about.
  useEffect(() => setRefusal(undefined), [agendaItemId, setRefusal]);
  // Each says whether the step moved (the console's keys offer to take it back).
  const advance = useCallback(
    async () => agendaItemId !== null && (await run(call('process:advance', { agendaItemId }))).ok,
    [agendaItemId, run],
  );
  const back = useCallback(async () => agendaItemId !== null && (await run(call('process:back', { agendaItemId }))).ok, [agendaItemId, run]);
  const override = useCallback(
    async (toStep: number, reason: string) => (agendaItemId === null ? false : (await run(call('process:override', { agendaItemId, toStep, reason }))).ok),
    [agendaItemId, run],
  );
  const second = useCallback(
    async (person: Pick<Person, 'id'>) => {
      if (agendaItemId !== null) await run(call('process:second', { agendaItemId, personId: person.id }));
    },
    [agendaItemId, run],
  );
  return { process: process.data, refusal, clearRefusal: () => setRefusal(undefined), advance, back, override, second };
}

export type MatterProcessControls = ReturnType<typeof useMatterProcess>;

const time = (iso: string) => {
  const at = new Date(iso);
  return `${at.getMonth() + 1}月${at.getDate()}日 ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

function StepBar({ process }: { process: MatterProcess }) {
  const { t } = useTranslation();
  return (
    <ol className="step-bar-console" aria-label={t('process.steps')}>
      {process.steps.map((step) => (
        <li
          key={step.index}
          className={step.index === process.stepIndex ? 'current' : step.index < process.stepIndex ? 'past' : undefined}
          aria-current={step.index === process.stepIndex ? 'step' : undefined}
        >
          <span className="step-number">{step.index + 1}</span> {step.name}
        </li>
      ))}
    </ol>
  );
}

/** The current matter's step with 上一步 / 下一步, the reason when a move is refused, the override, the record. */
/** Seconders are found by a search on the host, as at the door: the console never loads the whole roster. */
export function StepPanel({ controls, councilId }: { controls: MatterProcessControls; councilId: number }) {
  const { t } = useTranslation();
  const { process, refusal } = controls;
  const [overriding, setOverriding] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  if (!process) return null;
  const secondStep = process.steps.findIndex((step) => step.roles.includes('second'));
  const collectingSeconds = process.secondsNeeded && process.stepIndex <= secondStep;
  const overrideTarget = target ?? process.advance?.toStep ?? process.back?.toStep ?? 0;

  return (
    <section className="step-panel" aria-label={t('process.steps')}>
      <StepBar process={process} />
      <p className="step-now" role="status" aria-label={t('process.steps')}>
        {t('process.now', { number: process.stepIndex + 1, name: process.steps[process.stepIndex]?.name ?? '' })}
        {process.locked && <span className="tag tag-locked">
            {/* Drawn, not an emoji: an office laptop may have no colour-emoji font, and a missing glyph shows as a box. */}
            <svg className="lock-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
              <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
              <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>{' '}
            {t('process.locked')}
          </span>}
        <span className={process.announced ? 'tag' : 'tag tag-warning'}>
          {process.announced ? t('process.announced', { date: process.noticePostedOn ? chineseDate(process.noticePostedOn) : '' }) : t('process.notAnnounced')}
        </span>
      </p>
      <div className="toolbar step-moves">
        <button type="button" className="button-large" disabled={!process.back} onClick={() => void controls.back()}>
          ← {process.back ? t('process.back', { name: process.back.toName }) : t('process.first')}
        </button>
        <button
          type="button"
          className={process.advance?.allowed ? 'button-primary button-large' : 'button-large'}
          disabled={!process.advance}
          onClick={() => void controls.advance()}
        >
          {process.advance ? t('process.next', { name: process.advance.toName }) : t('process.last')} →
        </button>
        <button type="button" className="button-quiet" onClick={() => setOverriding(true)}>
          {t('process.override')}
        </button>
      </div>
      {!refusal && process.advance && !process.advance.allowed && <p className="step-hint">⚠ {process.advance.reason}</p>}
      {refusal && (
        <div className="step-refusal" role="alert">
          <strong>{t('process.refused')}:</strong>
          {refusal}
          <button type="button" onClick={() => setOverriding(true)}>
            {t('process.override')}
          </button>
        </div>
      )}
      {overriding && (
        <ReasonForm
          action={t('process.overrideAction')}
          reasonLabel={t('process.overrideReason')}
          onCancel={() => setOverriding(false)}
          onSubmit={(reason) =>
            void controls.override(overrideTarget, reason).then((ok) => {
              if (ok) {
                setOverriding(false);
                setTarget(null);
              }
            })
          }
        >
          <h3>{t('process.overrideTitle')}</h3>
          <p className="muted">{t('process.overrideNote')}</p>
          <label className="field">
            <span className="field-label">{t('process.overrideTo')}</span>
            <select value={overrideTarget} onChange={(e) => setTarget(Number(e.target.value))}>
              {process.steps
                .filter((step) => step.index !== process.stepIndex)
                .map((step) => (
                  <option key={step.index} value={step.index}>
                    {t('process.step', { number: step.index + 1, name: step.name })}
                  </option>
                ))}
            </select>
          </label>
        </ReasonForm>
      )}
      {collectingSeconds && (
        <div className="step-seconds">
          <p>
            <strong>{t('process.seconds', { count: process.seconds, needed: process.secondsRequired })}</strong>
            {process.seconders.length > 0 && <span className="muted"> {t('process.secondsList', { names: process.seconders.map((s) => s.name).join('、') })}</span>}
          </p>
          <PersonPicker councilId={councilId} label={t('process.addSecond')} onPick={(person) => void controls.second(person)} />
        </div>
      )}
      <details className="step-history">
        <summary>{t('process.history', { count: process.history.length })}</summary>
        {process.history.length === 0 ? (
          <p className="muted">{process.stepIndex > 0 ? t('process.earlier') : t('process.noHistory')}</p>
        ) : (
          <ol aria-label={t('process.history', { count: process.history.length })}>
            {[...process.history].reverse().map((entry) => (
              <li key={entry.id} className={entry.action === 'override' ? 'override' : undefined}>
                <span className="muted">{time(entry.at)}</span> <strong>{t(`process.actions.${entry.action}`)}</strong>{' '}
                {entry.from === entry.to ? entry.toName : `${entry.fromName} → ${entry.toName}`} · {entry.actorName}
                {entry.note && <span className="muted"> · {entry.note}</span>}
                {entry.overrideReason && <div className="override-reason">{t('process.reasonShown', { reason: entry.overrideReason })}</div>}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
