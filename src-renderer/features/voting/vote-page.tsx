import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '../../../shared/api/areas/voting';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { ReasonForm } from '../../components/reason-form';
import { OpenVoteForm } from './open-vote-form';
import { NotVoted } from './roll-call';
import { OpenVoteBody, Outcome, Totals, VoteStepDialog, type VoteStep } from './vote-panels';
import { PageTitle } from '../../components/page-title';

/** The chair's voting screen for one meeting: call a vote, take the ballots or counts, close it. */
export function VotePage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId });
  const votes = useQuery('vote:list', { meetingId }, { live: true });
  const action = useAction(['vote:list']);
  // A written vote's matters are opened, counted and closed on their own page (书面表决), over days.
  const open = votes.data?.find((vote) => vote.status === 'open' && vote.mode !== 'paper');
  const closed = votes.data?.find((vote) => vote.status === 'closed' && vote.mode !== 'paper');
  const [correcting, setCorrecting] = useState<VoteState | null>(null);

  // Closing and locking cannot be undone: each asks first, saying what it fixes.
  const [confirming, setConfirming] = useState<{ step: VoteStep; vote: VoteState } | null>(null);

  const run = async (work: Promise<ApiResult<unknown>>) => (await action.run(work)).ok;
  const confirm = async (step: VoteStep) => {
    if (!confirming) return;
    const ok = await run(step === 'close' ? call('vote:close', { voteId: confirming.vote.id }) : call('vote:lock', { voteId: confirming.vote.id }));
    if (ok) setConfirming(null);
  };

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={meeting.data?.title ?? t('meetings.title')} title={t('vote.title')} />
        <div className="toolbar">
          <a className="button" href={`#/meetings/${meetingId}/check-in`}>
            {t('checkIn.open')}
          </a>
          <a className="button" href={`#/projector/${meetingId}`} target="_blank" rel="noreferrer">
            {t('projector.open')}
          </a>
        </div>
      </div>
      {action.error && !confirming && <ErrorNote message={action.error} />}
      {confirming && (
        <VoteStepDialog
          step={confirming.step}
          vote={confirming.vote}
          error={action.error}
          onConfirm={(step) => void confirm(step)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {closed && !open && (
        <div className="panel">
          <h2>{t('vote.closedTitle', { title: closed.title })}</h2>
          <Totals vote={closed} />
          <Outcome vote={closed} />
          {closed.mode === 'roll_call' && <NotVoted vote={closed} />}
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={!closed.outcome} onClick={() => setConfirming({ step: 'lock', vote: closed })}>
              {t('vote.lock')}
            </button>
          </div>
        </div>
      )}
      {correcting && (
        <ReasonForm
          action={t('vote.revote')}
          reasonLabel={t('vote.reason')}
          onSubmit={(reason) => void run(call('vote:revote', { voteId: correcting.id, reason })).then((ok) => ok && setCorrecting(null))}
          onCancel={() => setCorrecting(null)}
        >
          <h2>{t('vote.revoteTitle', { title: correcting.title })}</h2>
        </ReasonForm>
      )}
      {open ? (
        <div className="panel">
          <h2>
            {t('vote.now')}{t('common.colon')}{open.title} <span className="tag">{t(`vote.modes.${open.mode}`)}</span>
          </h2>
          <OpenVoteBody vote={open} />
          <div className="form-actions">
            <button type="button" className="button-danger" onClick={() => setConfirming({ step: 'close', vote: open })}>
              {t('vote.close')}
            </button>
          </div>
        </div>
      ) : (
        meeting.data &&
        !closed && (
          <div className="panel">
            <OpenVoteForm meeting={meeting.data} />
          </div>
        )
      )}
      <h2 className="section-title">{t('vote.history')}</h2>
      <table className="table" aria-label={t('vote.history')}>
        <thead>
          <tr>
            <th>{t('vote.matter')}</th>
            <th>{t('vote.mode')}</th>
            <th className="number-cell">{t('vote.choices.for')}</th>
            <th className="number-cell">{t('vote.choices.against')}</th>
            <th className="number-cell">{t('vote.choices.abstain')}</th>
            <th>{t('meeting.status')}</th>
            <th>{t('vote.result')}</th>
          </tr>
        </thead>
        <tbody>
          {(votes.data ?? []).map((vote) => (
            <tr key={vote.id}>
              <td className="name-cell">{vote.title}</td>
              <td>{t(`vote.modes.${vote.mode}`)}</td>
              <td className="number-cell">{vote.totals.for.headcount}</td>
              <td className="number-cell">{vote.totals.against.headcount}</td>
              <td className="number-cell">{vote.totals.abstain.headcount}</td>
              <td>{t(`vote.status.${vote.status}`)}</td>
              <td>
                {vote.status === 'locked' && vote.outcome && (
                  <>
                    <span className={vote.outcome.passed ? 'tag tag-for' : 'tag tag-against'}>
                      {vote.outcome.passed ? t('vote.passed') : t('vote.failed')}
                    </span>{' '}
                    {vote.mode !== 'paper' && (
                      <button type="button" className="button-quiet" onClick={() => setCorrecting(vote)}>
                        {t('vote.revote')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
