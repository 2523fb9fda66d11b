import { useTranslation } from 'react-i18next';
import type { Bound } from '../../../shared/domain/voting/ratio';
import { atLeastHalf, atLeastThreeQuarters, atLeastTwoThirds, boundLabel, moreThanHalf } from '../../../shared/domain/voting/ratio';
import type { Participation, ThresholdBase, VotingRule } from '../../../shared/domain/voting/rules';
import { participationOf } from '../../../shared/domain/voting/rules';
import { Field } from '../../components/field';

const bounds: Bound[] = [moreThanHalf, atLeastHalf, atLeastTwoThirds, atLeastThreeQuarters];
const bases: ThresholdBase[] = ['cast', 'present', 'entitled'];
const boundKey = (bound: Bound) => `${bound.ratio.numerator}/${bound.ratio.denominator}/${bound.inclusive}`;
const findBound = (key: string) => bounds.find((bound) => boundKey(bound) === key)!;

/** A preset as the council adjusts it for this vote: quorum, the share needed and of whom, abstentions. */
export function RuleAdjuster({ rule, onChange }: { rule: VotingRule; onChange: (rule: VotingRule) => void }) {
  const { t } = useTranslation();
  return (
    <details className="rule-adjuster">
      <summary>{t('vote.adjust')}</summary>
      <div className="form-row">
        <Field label={t('vote.quorum')}>
          <select
            value={rule.quorum ? boundKey(rule.quorum.bound) : 'none'}
            onChange={(e) =>
              onChange({
                ...rule,
                quorum: e.target.value === 'none' ? null : { bound: findBound(e.target.value), measure: rule.quorum?.measure ?? rule.threshold.measure },
              })
            }
          >
            <option value="none">{t('vote.noQuorum')}</option>
            {bounds.map((bound) => (
              <option key={boundKey(bound)} value={boundKey(bound)}>
                {boundLabel(bound)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('vote.thresholdBound')}>
          <select
            value={boundKey(rule.threshold.bound)}
            onChange={(e) => onChange({ ...rule, threshold: { ...rule.threshold, bound: findBound(e.target.value) } })}
          >
            {bounds.map((bound) => (
              <option key={boundKey(bound)} value={boundKey(bound)}>
                {boundLabel(bound)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('vote.thresholdBase')}>
          <select
            value={rule.threshold.base}
            onChange={(e) => onChange({ ...rule, threshold: { ...rule.threshold, base: e.target.value as ThresholdBase } })}
          >
            {bases.map((base) => (
              <option key={base} value={base}>
                {t(`vote.bases.${base}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('vote.participation')}>
          <select value={participationOf(rule)} onChange={(e) => onChange({ ...rule, participation: e.target.value as Participation })}>
            <option value="presence">{t('vote.participationPresence')}</option>
            <option value="ballot">{t('vote.participationBallot')}</option>
          </select>
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={rule.abstentions === 'counts-as-cast'}
            onChange={(e) => onChange({ ...rule, abstentions: e.target.checked ? 'counts-as-cast' : 'not-cast' })}
          />
          {t('vote.abstentionsCount')}
        </label>
      </div>
    </details>
  );
}
