/** Opening a written vote (书面征求意见): its dates, where ballots go back, named or secret, and its matters, each under its own rule. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presets } from '../../../shared/domain/voting/rules';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

type MatterKind = 'owners-ordinary-matter' | 'owners-special-matter';
interface MatterDraft {
  key: number;
  title: string;
  kind: MatterKind;
}

/** A day as the forms write it (2026-12-06), in local time: the council's calendar, not UTC's. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function OpenRoundForm({ meetingId, onOpened }: { meetingId: number; onOpened: () => void }) {
  const { t } = useTranslation();
  const today = new Date();
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState(isoDay(today));
  const [deadline, setDeadline] = useState(isoDay(new Date(today.getTime() + 14 * 86_400_000)));
  const [returnTo, setReturnTo] = useState('');
  const [markingRules, setMarkingRules] = useState('');
  const [secret, setSecret] = useState(false);
  const [matters, setMatters] = useState<MatterDraft[]>([{ key: 1, title: '', kind: 'owners-ordinary-matter' }]);
  const action = useAction(['paper:get']);

  const change = (key: number, patch: Partial<MatterDraft>) => setMatters(matters.map((m) => (m.key === key ? { ...m, ...patch } : m)));

  return (
    <form
      className="panel form"
      aria-label={t('paper.open.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void action
          .run(
            call('paper:open', {
              meetingId,
              title,
              opensOn,
              deadline,
              returnTo,
              markingRules: markingRules.trim() ? markingRules : null,
              secret,
              matters: matters.map((m) => ({ title: m.title, rule: presets[m.kind] })),
            }),
          )
          .then((result) => {
            if (result.ok) onOpened();
          });
      }}
    >
      <h2>{t('paper.open.title')}</h2>
      <p className="muted">{t('paper.open.help')}</p>
      <Field label={t('paper.open.name')}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={80} />
      </Field>
      <div className="form-row">
        <Field label={t('paper.open.opensOn')}>
          <input type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} required />
        </Field>
        <Field label={t('paper.open.deadline')}>
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} required />
        </Field>
      </div>
      <Field label={t('paper.open.returnTo')} hint={t('paper.open.returnToHint')}>
        <input value={returnTo} onChange={(e) => setReturnTo(e.target.value)} required maxLength={200} />
      </Field>
      <Field label={t('paper.open.markingRules')} hint={t('paper.open.markingRulesHint')}>
        <textarea value={markingRules} onChange={(e) => setMarkingRules(e.target.value)} rows={3} maxLength={2000} />
      </Field>
      <label className="paper-check">
        <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} />
        {t('paper.open.secret')}
      </label>
      {secret && <p className="field-hint">{t('paper.open.secretHint')}</p>}
      <fieldset className="paper-matters-form">
        <legend className="field-label">{t('paper.open.matters')}</legend>
        {matters.map((matter, index) => (
          <div key={matter.key} className="paper-matter-line">
            <Field label={t('paper.open.matterTitle', { n: index + 1 })}>
              <input value={matter.title} onChange={(e) => change(matter.key, { title: e.target.value })} required maxLength={80} />
            </Field>
            <Field label={t('paper.open.rule')}>
              <select value={matter.kind} onChange={(e) => change(matter.key, { kind: e.target.value as MatterKind })}>
                <option value="owners-ordinary-matter">{t('paper.open.ordinary')}</option>
                <option value="owners-special-matter">{t('paper.open.special')}</option>
              </select>
            </Field>
            <button type="button" disabled={matters.length === 1} onClick={() => setMatters(matters.filter((m) => m.key !== matter.key))}>
              {t('paper.open.removeMatter')}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            disabled={matters.length >= 20}
            onClick={() => setMatters([...matters, { key: Math.max(...matters.map((m) => m.key)) + 1, title: '', kind: 'owners-ordinary-matter' }])}
          >
            {t('paper.open.addMatter')}
          </button>
        </div>
      </fieldset>
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {t('paper.open.submit')}
        </button>
      </div>
    </form>
  );
}
