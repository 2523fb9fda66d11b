import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../shared/api/areas/meetings';
import type { MatterProcess } from '../../../shared/api/areas/process';
import type { VoteState } from '../../../shared/api/areas/voting';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { startingVote } from '../voting/default-vote';
import { NotVoted } from '../voting/roll-call';
import { OpenVoteBody, Outcome, Totals, VoteStepDialog, type VoteStep } from '../voting/vote-panels';

interface ConsoleVoteProps {
  meeting: Meeting;
  matter: AgendaItem;
  process: MatterProcess;
  /** After the lock: the matter moves on to its next step (落实公示) with the resolution. */
  onLocked: () => Promise<void>;
}

/** The matter's latest vote: a re-vote replaces the one it corrects. */
function latestVote(votes: VoteState[] | undefined, matterId: number): VoteState | undefined {
  return (votes ?? []).filter((vote) => vote.agendaItemId === matterId).reduce<VoteState | undefined>((last, vote) => (!last || vote.id > last.id ? vote : last), undefined);
}

/**
 * The vote on the matter on, from the console: at the vote step 开始表决 under the council's default
 * rule, the counts or the roll call here, 结束表决 (with the lock in the same answer, or alone), then
 * the result. After each step the keyboard goes to the new panel: the first count, or the result.
 */
export function ConsoleVote({ meeting, matter, process, onLocked }: ConsoleVoteProps) {
  const { t } = useTranslation();
  const votes = useQuery('vote:list', { meetingId: meeting.id }, { live: true });
  const settings = useQuery('council:getSettings', { councilId: meeting.councilId });
  const action = useAction(['vote:list']);
  const vote = latestVote(votes.data, matter.id);
  const [confirming, setConfirming] = useState<VoteStep | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const onUnsaved = useCallback((value: boolean) => setUnsaved(value), []);

  // Focus follows the step the chair just took, once the host's answer is on screen.
  const panel = useRef<HTMLElement>(null);
  const [focusWhen, setFocusWhen] = useState<VoteState['status'] | null>(null);
  useEffect(() => {
    if (!focusWhen || vote?.status !== focusWhen || !panel.current) return;
    const target = focusWhen === 'open' ? panel.current.querySelector<HTMLElement>('input') : panel.current;
    (target ?? panel.current).focus();
    setFocusWhen(null);
  }, [focusWhen, vote?.status]);

  const atVoteStep = process.steps[process.stepIndex]?.roles.includes('vote') ?? false;
  if (!vote && !atVoteStep) return null;
  if (!votes.data || (!settings.data && !settings.error)) return <p className="muted">{t('common.loading')}</p>;
  const start = startingVote(settings.data?.defaultVote ?? null);

  const open = async () => {
    const result = await action.run(call('vote:open', { meetingId: meeting.id, agendaItemId: matter.id, title: matter.title, mode: start.mode, rule: start.rule }));
    if (result.ok) setFocusWhen('open');
  };
  const confirm = async (step: VoteStep) => {
    if (!vote) return;
    if (step !== 'lock' && !(await action.run(call('vote:close', { voteId: vote.id }))).ok) return;
    if (step !== 'close') {
      if (!(await action.run(call('vote:lock', { voteId: vote.id }))).ok) {
        setConfirming('lock');
        return;
      }
      await onLocked();
    }
    setConfirming(null);
    setFocusWhen(step === 'close' ? 'closed' : 'locked');
  };
  const askToClose = () => {
    if (unsaved) action.setError(t('console.vote.unsavedCounts'));
    else setConfirming('close-and-lock');
  };

  return (
    <section ref={panel} className="console-vote" aria-label={t('console.vote.title')} tabIndex={-1}>
      <h3>
        {t('console.vote.title')}
        {vote && <span className="tag">{t(`vote.status.${vote.status}`)}</span>}
        {vote?.status === 'locked' && vote.outcome && (
          <span className={vote.outcome.passed ? 'tag tag-for' : 'tag tag-against'}>{vote.outcome.passed ? t('vote.passed') : t('vote.failed')}</span>
        )}
      </h3>
      {action.error && !confirming && <ErrorNote message={action.error} />}
      {confirming && vote && (
        <VoteStepDialog step={confirming} vote={vote} error={action.error} onConfirm={(step) => void confirm(step)} onCancel={() => setConfirming(null)} />
      )}
      {!vote ? (
        <>
          <p>{t('console.vote.startWith', { rule: start.rule.name, mode: t(`vote.modes.${start.mode}`) })}</p>
          {!settings.data?.defaultVote && <p className="muted">{t('console.vote.noDefault')}</p>}
          <div className="toolbar">
            <button type="button" className="button-primary button-large" disabled={action.busy} onClick={() => void open()}>
              {t('vote.open')}
            </button>
            <a className="button button-quiet" href={`#/meetings/${meeting.id}/vote`}>
              {t('console.vote.otherRule')}
            </a>
          </div>
        </>
      ) : vote.status === 'open' ? (
        <>
          <p className="muted">
            {t(`vote.modes.${vote.mode}`)}
            {t('common.inParens', { text: vote.rule.name })}
          </p>
          <OpenVoteBody vote={vote} onUnsaved={onUnsaved} />
          <div className="form-actions">
            <button type="button" className="button-danger" onClick={askToClose}>
              {t('vote.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <Totals vote={vote} />
          <Outcome vote={vote} />
          {vote.mode === 'roll_call' && <NotVoted vote={vote} />}
          {vote.status === 'closed' && (
            <div className="form-actions">
              <button type="button" className="button-primary" disabled={!vote.outcome} onClick={() => setConfirming('lock')}>
                {t('vote.lock')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
