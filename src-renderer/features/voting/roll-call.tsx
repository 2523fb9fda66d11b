import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotChoice, RollCallVoter, VoteState } from '../../../shared/api/areas/voting';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';

const buttons: BallotChoice[] = ['for', 'against', 'abstain'];

/**
 * Who casts this vote, as the chair should see it: the person (a co-owner, a proxy holder), and a
 * mark when that person holds more than one vote here (own unit and joint unit, or as proxy).
 */
function Casters({ voter }: { voter: RollCallVoter }) {
  const { t } = useTranslation();
  if (voter.castBy) return <span className="muted">{t('vote.castBy', { name: voter.castBy })}</span>;
  if (!voter.casters.length) return null;
  return (
    <span className="muted">
      {voter.casters.map((caster, index) => (
        <span key={caster.personId}>
          {index > 0 && t('vote.codeSeparator')}
          {caster.asProxy ? t('vote.casterProxy', { name: caster.name }) : caster.name}
          {caster.votes > 1 && (
            <strong className="tag tag-against" aria-label={t('vote.holdsSeveral', { name: caster.name, count: caster.votes })}>
              {t('vote.holdsSeveralShort', { count: caster.votes })}
            </strong>
          )}
        </span>
      ))}
    </span>
  );
}

/** Roll call: each voter present answers, and the choice is recorded by name with who cast it. */
export function RollCall({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  const voters = useQuery('vote:voters', { voteId: vote.id });
  const [query, setQuery] = useState('');
  const action = useAction(['vote:voters', 'vote:list']);
  const shown = useMemo(
    () => (voters.data ?? []).filter((voter) => voter.present && (!query.trim() || voter.label.includes(query.trim()))),
    [voters.data, query],
  );

  const cast = async (voterKey: string, choice: BallotChoice) => {
    await action.run(call('vote:castBallot', { voteId: vote.id, voterKey, choice }));
  };

  return (
    <div>
      <input
        type="search"
        className="search"
        aria-label={t('vote.findVoter')}
        placeholder={t('vote.findVoterHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {action.error && <ErrorNote message={action.error} />}
      <ul className="roll-call" aria-label={t('vote.rollCall')}>
        {shown.map((voter) => (
          <li key={voter.key} className="check-in-row">
            <span className="name-cell">{voter.label}</span>
            <Casters voter={voter} />
            {voter.choice ? (
              <span className={`tag tag-${voter.choice}`}>{t(`vote.choices.${voter.choice}`)}</span>
            ) : (
              <span className="choice-buttons">
                {buttons.map((choice) => (
                  <button key={choice} type="button" onClick={() => void cast(voter.key, choice)}>
                    {t(`vote.choices.${choice}`)}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After the close of a roll call: the present who cast no ballot (未表决), as the record fixed them. */
export function NotVoted({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  const voters = useQuery('vote:voters', { voteId: vote.id });
  const silent = (voters.data ?? []).filter((voter) => voter.notVoted);
  if (!silent.length) return null;
  return (
    <p className="muted" aria-label={t('vote.notVoted')}>
      {t('vote.notVotedList', { count: silent.length, names: silent.map((voter) => voter.label).join(t('vote.codeSeparator')) })}
    </p>
  );
}
