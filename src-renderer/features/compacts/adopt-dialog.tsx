import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompactDetail, CompactVersion } from '../../../shared/api/areas/compacts';
import { chineseDate } from '../../../shared/domain/followup/dates';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { Dialog, ErrorNote } from '../../components/dialog';

/** Links a version to the meeting matter whose vote adopted it; only a vote that passed can be chosen. */
export function AdoptDialog({
  councilId,
  compactId,
  version,
  onDone,
  onCancel,
}: {
  councilId: number;
  compactId: number;
  version: CompactVersion;
  onDone: (detail: CompactDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // Each matter says why its vote cannot adopt this compact (failed, still open, or not naming it).
  const candidates = useQuery('compacts:adoptionCandidates', { councilId, compactId });
  const [voteId, setVoteId] = useState<number | null>(null);
  const action = useAction();

  const adopt = async () => {
    if (voteId === null) return action.setError(t('compacts.adopt.choose'));
    const result = await action.run(call('compacts:adopt', { versionId: version.id, voteId }));
    if (!result.ok) return;
    onDone(result.value);
  };

  return (
    <Dialog title={t('compacts.adopt.title', { version: version.version })} onClose={onCancel} wide>
      <p>{t('compacts.adopt.help')}</p>
      {candidates.error && <ErrorNote message={candidates.error.message} />}
      {candidates.data && candidates.data.length === 0 && <p className="empty">{t('compacts.adopt.none')}</p>}
      <ul className="adopt-list">
        {(candidates.data ?? []).map((candidate) => (
          <li key={candidate.voteId}>
            <label className="adopt-option">
              <input
                type="radio"
                name="adopt-vote"
                disabled={candidate.problem !== null}
                checked={voteId === candidate.voteId}
                onChange={() => setVoteId(candidate.voteId)}
              />
              <span>
                <strong>{candidate.agendaTitle}</strong>
                <br />
                {candidate.meetingTitle} · {chineseDate(candidate.meetingDate)}
                <br />
                {t('compacts.adopt.counts', { for: candidate.votesFor, against: candidate.votesAgainst, abstain: candidate.votesAbstain, rule: candidate.ruleName })}
                {' · '}
                <span className={candidate.passed ? 'outcome-passed' : 'outcome-failed'}>
                  {candidate.passed === null ? t('compacts.adopt.undecided') : candidate.passed ? t('compacts.adopt.passed') : t('compacts.adopt.failed')}
                </span>
                {candidate.problem && (
                  <>
                    <br />
                    <span className="adopt-problem">{candidate.problem}</span>
                  </>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {action.error && <ErrorNote message={action.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-primary" disabled={voteId === null} onClick={() => void adopt()}>
          {t('compacts.adopt.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
