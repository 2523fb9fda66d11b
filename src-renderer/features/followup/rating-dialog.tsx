import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionView } from '../../../shared/api/areas/followup';
import type { Household } from '../../../shared/api/areas/roster';
import { percent, ratingValues, type RatingSummary, type RatingValue } from '../../../shared/domain/followup/ratings';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { Dialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

export function ratingSummaryText(t: (key: string, options?: Record<string, unknown>) => string, summary: RatingSummary): string {
  if (summary.total === 0) return t('followup.rating.none');
  return t('followup.rating.summary', { ...summary, rate: percent(summary.satisfactionRate) });
}

/** Residents' satisfaction: counts from a paper survey, or one answer at a time (with the household, if known). */
export function RatingDialog({ resolution, households, onClose }: { resolution: ResolutionView; households: Household[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'one' | 'paper'>('one');
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [counts, setCounts] = useState<Record<RatingValue, string>>({ satisfied: '', basically: '', unsatisfied: '' });
  const [summary, setSummary] = useState(resolution.ratings);
  const action = useAction();
  const [saved, setSaved] = useState<string>();

  const done = (result: ApiResult<RatingSummary>) => {
    if (result.ok) {
      setSummary(result.value);
      setSaved(t('followup.rating.saved'));
    } else {
      setSaved(undefined);
    }
    return result.ok;
  };

  return (
    <Dialog title={`${t('followup.rating.title')}${t('common.colon')}${resolution.title}`} onClose={onClose} wide>
      <p className="rating-line" role="status">
        <strong>{ratingSummaryText(t, summary)}</strong>
        {saved && <span className="saved-note">{saved}</span>}
      </p>
      {action.error && <ErrorNote message={action.error} />}
      <div className="tabs rating-dialog-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'one'} onClick={() => setTab('one')}>
          {t('followup.rating.one')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'paper'} onClick={() => setTab('paper')}>
          {t('followup.rating.paper')}
        </button>
      </div>
      {tab === 'one' ? (
        <div>
          <Field label={t('followup.rating.household')}>
            <select value={householdId ?? ''} onChange={(event) => setHouseholdId(event.target.value ? Number(event.target.value) : null)}>
              <option value="">{t('followup.rating.noHousehold')}</option>
              {households.map((household) => (
                <option key={household.id} value={household.id}>
                  {household.code}
                </option>
              ))}
            </select>
          </Field>
          <div className="rating-buttons">
            {ratingValues.map((rating) => (
              <button
                key={rating}
                type="button"
                onClick={() => void action.run(call('followup:addRating', { agendaItemId: resolution.agendaItemId, rating, householdId })).then(done)}
              >
                {t(`followup.rating.${rating}`)}
              </button>
            ))}
          </div>
          <p className="muted">{t('followup.rating.oneHelp')}</p>
        </div>
      ) : (
        <form
          className="form"
          aria-label={t('followup.rating.paper')}
          onSubmit={(event) => {
            event.preventDefault();
            const number = (value: string) => (value.trim() === '' ? 0 : Number(value));
            void action.run(call('followup:addRatingCounts', {
              agendaItemId: resolution.agendaItemId,
              satisfied: number(counts.satisfied),
              basically: number(counts.basically),
              unsatisfied: number(counts.unsatisfied),
            })).then((result) => done(result) && setCounts({ satisfied: '', basically: '', unsatisfied: '' }));
          }}
        >
          <div className="rating-counts">
            {ratingValues.map((rating) => (
              <Field key={rating} label={t(`followup.rating.${rating}`)}>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={counts[rating]}
                  onChange={(event) => setCounts({ ...counts, [rating]: event.target.value })}
                />
              </Field>
            ))}
          </div>
          <p className="muted">{t('followup.rating.paperHelp')}</p>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t('followup.rating.addCounts')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
