import { useTranslation } from 'react-i18next';
import type { BallotChoice, VoteState } from '../../../shared/api/areas/voting';
import { ConfirmDialog } from '../../components/dialog';
import { CountsForm } from './counts-form';
import { RollCall } from './roll-call';

const shownChoices: BallotChoice[] = ['for', 'against', 'abstain'];

export function Totals({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  return (
    <div className="totals" aria-label={t('vote.totals')}>
      {shownChoices.map((choice) => (
        <div key={choice} className={`total total-${choice}`}>
          <span>{t(`vote.choices.${choice}`)}</span>
          <strong>{vote.totals[choice].headcount}</strong>
        </div>
      ))}
      <div className="total">
        <span>{t('vote.presentVoters')}</span>
        <strong>
          {vote.present}/{vote.entitled}
        </strong>
      </div>
    </div>
  );
}

/**
 * The outcome as the rule decides it, in the words the room hears. Until the vote is closed there
 * is no result, only a count: the screen says 表决中 and the rule it is counted under.
 */
export function Outcome({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  if (vote.status === 'open') {
    return (
      <p className="outcome outcome-pending" aria-label={t('vote.result')}>
        {t('vote.pending', { rule: vote.rule.name })}
      </p>
    );
  }
  if (!vote.outcome) return <p className="muted">{vote.outcomeProblem}</p>;
  return (
    <p className={vote.outcome.passed ? 'outcome outcome-passed' : 'outcome outcome-failed'} aria-label={t('vote.result')}>
      {vote.outcome.explanation}
    </p>
  );
}

/** An open vote as the chair takes it: the count so far, 表决中, and the roll call or the counts form. */
export function OpenVoteBody({ vote, onUnsaved }: { vote: VoteState; onUnsaved?: (unsaved: boolean) => void }) {
  return (
    <>
      <Totals vote={vote} />
      <Outcome vote={vote} />
      {vote.mode === 'roll_call' ? <RollCall vote={vote} /> : <CountsForm vote={vote} onUnsaved={onUnsaved} />}
    </>
  );
}

/**
 * A vote step that cannot be undone. 'close-and-lock' closes and locks in one answer (the console's
 * short way), and may offer to close only, to see the result before locking it.
 */
export type VoteStep = 'close' | 'lock' | 'close-and-lock';

interface VoteStepDialogProps {
  step: VoteStep;
  vote: VoteState;
  error: string | undefined;
  onConfirm: (step: VoteStep) => void;
  onCancel: () => void;
}

/** Asks before a vote step, saying what it fixes for good. */
export function VoteStepDialog({ step, vote, error, onConfirm, onCancel }: VoteStepDialogProps) {
  const { t } = useTranslation();
  const closing = step !== 'lock';
  const message =
    step === 'close' ? t('vote.confirm.closeMessage') : step === 'lock' ? t('vote.confirm.lockMessage') : `${t('vote.confirm.closeMessage')}${t('vote.confirm.lockMessage')}`;
  return (
    <ConfirmDialog
      title={closing ? t('vote.confirm.closeTitle', { title: vote.title }) : t('vote.confirm.lockTitle', { title: vote.title })}
      message={message}
      confirmLabel={step === 'close' ? t('vote.close') : step === 'lock' ? t('vote.lock') : t('vote.closeAndLock')}
      alternative={step === 'close-and-lock' ? { label: t('vote.closeOnly'), onClick: () => onConfirm('close') } : undefined}
      error={error}
      onConfirm={() => onConfirm(step)}
      onCancel={onCancel}
    />
  );
}
