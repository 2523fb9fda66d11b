import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '../../../shared/api/areas/voting';
import { parseAreaToCenti } from '../../../shared/domain/roster/floor-area';
import { ruleUsesArea } from '../../../shared/domain/voting/rules';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

const shown = ['for', 'against', 'abstain'] as const;
type Shown = (typeof shown)[number];

/**
 * Show of hands (the chair counts) or secret ballot (the tellers count): only numbers are entered.
 * Under a rule that weighs area (a secret ballot of owners) each choice carries the floor area the
 * tellers added up from the ballots; the host checks it against the electorate fixed at opening.
 */
export function CountsForm({ vote, onUnsaved }: { vote: VoteState; onUnsaved?: ((unsaved: boolean) => void) | undefined }) {
  const { t } = useTranslation();
  const withArea = ruleUsesArea(vote.rule);
  const [counts, setCounts] = useState<Record<Shown, string>>({ for: '', against: '', abstain: '' });
  const [areas, setAreas] = useState<Record<Shown, string>>({ for: '', against: '', abstain: '' });
  const action = useAction(['vote:list']);
  // Numbers typed but not yet saved: closing now would close on the counts the host holds.
  const unsaved = shown.some((key) => counts[key].trim() !== '' && Number(counts[key]) !== vote.totals[key].headcount);
  useEffect(() => onUnsaved?.(unsaved), [unsaved, onUnsaved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(shown.map((key) => [key, Number(counts[key] || '0')])) as Record<Shown, number>;
    if (Object.values(numbers).some((n) => !Number.isInteger(n) || n < 0)) {
      action.setError(t('vote.countsInvalid'));
      return;
    }
    let areaCenti: Record<Shown | 'blank', number> | null = null;
    if (withArea) {
      const parsed = Object.fromEntries(shown.map((key) => [key, areas[key].trim() ? parseAreaToCenti(areas[key]) : 0])) as Record<Shown, number | null>;
      if (Object.values(parsed).some((value) => value === null)) {
        action.setError(t('vote.areaInvalid'));
        return;
      }
      areaCenti = { ...(parsed as Record<Shown, number>), blank: 0 };
    }
    await action.run(call('vote:enterCounts', { voteId: vote.id, ...numbers, areaCenti }));
  };

  return (
    <form className="form counts-form" onSubmit={submit} aria-label={t('vote.enterCounts')}>
      <div className="form-row three">
        {shown.map((choice) => (
          <Field key={choice} label={t(`vote.choices.${choice}`)}>
            <input
              inputMode="numeric"
              value={counts[choice]}
              onChange={(e) => setCounts((current) => ({ ...current, [choice]: e.target.value }))}
            />
          </Field>
        ))}
      </div>
      {withArea && (
        <div className="form-row three" role="group" aria-label={t('vote.areas')}>
          {shown.map((choice) => (
            <Field key={choice} label={t('vote.areaOf', { choice: t(`vote.choices.${choice}`) })}>
              <input inputMode="decimal" value={areas[choice]} onChange={(e) => setAreas((current) => ({ ...current, [choice]: e.target.value }))} />
            </Field>
          ))}
        </div>
      )}
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('vote.saveCounts')}
        </button>
      </div>
    </form>
  );
}
