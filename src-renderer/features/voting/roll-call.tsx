import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotChoice, VoteState } from '../../../shared/api/areas/voting';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';

const buttons: BallotChoice[] = ['for', 'against', 'abstain'];

/** Roll call: each voter present answers, and the choice is recorded by name. */
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
