import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '../../../shared/api/areas/voting';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

/** Show of hands (the chair counts) or secret ballot (the tellers count): only numbers are entered. */
export function CountsForm({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState({ for: '', against: '', abstain: '' });
  const action = useAction(['vote:list']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value || '0')])) as Record<keyof typeof counts, number>;
    if (Object.values(numbers).some((n) => !Number.isInteger(n) || n < 0)) {
      action.setError(t('vote.countsInvalid'));
      return;
    }
    await action.run(call('vote:enterCounts', { voteId: vote.id, ...numbers }));
  };

  return (
    <form className="form counts-form" onSubmit={submit} aria-label={t('vote.enterCounts')}>
      <div className="form-row three">
        {(['for', 'against', 'abstain'] as const).map((choice) => (
          <Field key={choice} label={t(`vote.choices.${choice}`)}>
            <input
              inputMode="numeric"
              value={counts[choice]}
              onChange={(e) => setCounts((current) => ({ ...current, [choice]: e.target.value }))}
            />
          </Field>
        ))}
      </div>
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('vote.saveCounts')}
        </button>
      </div>
    </form>
  );
}
