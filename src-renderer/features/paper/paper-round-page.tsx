/**
 * The chair's page of a meeting's written vote (书面征求意见): open it; then the ballots to print,
 * the register of ballots issued and returned, participation against both two-thirds lines,
 * closing returns, the public count (tellers, scrutineers, corrections), and the signed count record.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperRound } from '../../../shared/api/areas/paper';
import type { ApiResult } from '../../../shared/api/errors';
import type { FilePayload } from '../../../shared/api/kit';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { PageTitle } from '../../components/page-title';
import { CorrectionsPanel, RecordPanel, StartCountForm } from './count-panels';
import { isoDay, OpenRoundForm } from './open-round-form';
import { ParticipationLines } from './paper-tally';
import { RegisterPanel } from './register-panel';
import './paper.css';

export function PaperRoundPage({ meetingId, tab }: { meetingId: number; tab: 'overview' | 'register' }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId });
  const round = useQuery('paper:get', { meetingId }, { live: true });
  const title = tab === 'register' ? t('paper.register.title') : t('paper.title');
  return (
    <section className="paper-section">
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={meeting.data?.title ?? t('meetings.title')} title={title} />
      </div>
      {round.error && <ErrorNote message={round.error.message} />}
      {round.data === null && <OpenRoundForm meetingId={meetingId} onOpened={round.reload} />}
      {round.data && (
        <>
          <nav className="paper-tabs" aria-label={t('paper.title')}>
            <a href={`#/meetings/${meetingId}/paper`} aria-current={tab === 'overview' ? 'page' : undefined}>
              {t('paper.tabs.overview')}
            </a>
            <a href={`#/meetings/${meetingId}/paper/register`} aria-current={tab === 'register' ? 'page' : undefined}>
              {t('paper.tabs.register')}
            </a>
            <a href={`#/paper/${meetingId}/count`}>{t('paper.tabs.count')}</a>
            <a href={`#/paper/${meetingId}/tally`} target="_blank" rel="noreferrer">
              {t('paper.tabs.tally')}
            </a>
          </nav>
          {tab === 'register' ? <RegisterPanel round={round.data} /> : <Overview round={round.data} />}
        </>
      )}
    </section>
  );
}

function Overview({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const participation = useQuery('paper:participation', { roundId: round.id }, { live: true });
  const action = useAction(['paper:get']);
  const [closing, setClosing] = useState(false);
  const today = isoDay(new Date());
  const early = today <= round.deadline;
  const download = (work: Promise<ApiResult<FilePayload>>) =>
    void action.run(work).then((result) => {
      if (result.ok) void downloadFile(result.value);
    });

  return (
    <>
      <section className="panel" aria-label={t('paper.overview.round')}>
        <h2>
          {round.title}
          <span className="tag">{t(`paper.status.${round.status}`)}</span>
          {round.secret && <span className="tag tag-paper">{t('paper.overview.secret')}</span>}
        </h2>
        <p>{t('paper.overview.dates', { opensOn: round.opensOn, deadline: round.deadline, returnTo: round.returnTo })}</p>
        <ol>
          {round.matters.map((matter) => (
            <li key={matter.voteId}>
              {matter.title}
              <span className="muted">
                {t('common.inParens', { text: `${matter.ruleName}：${matter.ruleSummary}` })}
              </span>
            </li>
          ))}
        </ol>
        {(round.tellers.length > 0 || round.scrutineers.length > 0) && (
          <p>{t('paper.overview.people', { tellers: round.tellers.join('、'), scrutineers: round.scrutineers.join('、') })}</p>
        )}
        {round.postedOn && round.postedUntil && <p>{t('paper.overview.posted', { from: round.postedOn, until: round.postedUntil })}</p>}
      </section>
      <section className="panel paper-participation-panel" aria-label={t('paper.tally.participation')}>
        <h2>{t('paper.tally.participation')}</h2>
        {participation.data && (
          <>
            <ParticipationLines participation={participation.data} />
            <p className="muted">
              {t('paper.overview.reconcile', {
                issued: participation.data.issued,
                returned: participation.data.returned,
                counted: participation.data.counted,
                invalid: participation.data.invalid,
              })}
            </p>
          </>
        )}
        {participation.error && <ErrorNote message={participation.error.message} />}
      </section>
      <section className="panel" aria-label={t('paper.overview.files')}>
        <h2>{t('paper.overview.files')}</h2>
        <div className="paper-downloads">
          <button type="button" onClick={() => download(call('paper:ballotsDocx', { roundId: round.id, building: null }))}>
            {t('paper.overview.ballotsDocx')}
          </button>
          <button type="button" onClick={() => download(call('paper:registerDocx', { roundId: round.id, building: null }))}>
            {t('paper.overview.registerDocx')}
          </button>
          <button type="button" onClick={() => download(call('paper:reminderDocx', { roundId: round.id, building: null }))}>
            {t('paper.overview.reminderDocx')}
          </button>
          <button type="button" disabled={round.status !== 'sealed'} onClick={() => download(call('paper:recordDocx', { roundId: round.id }))}>
            {t('paper.overview.recordDocx')}
          </button>
        </div>
        {action.error && <ErrorNote message={action.error} />}
      </section>
      {round.status === 'open' && (
        <div className="toolbar">
          <button type="button" className="button-primary" onClick={() => setClosing(true)}>
            {t('paper.overview.close')}
          </button>
        </div>
      )}
      {round.status === 'closed' && <StartCountForm round={round} />}
      {round.status === 'counting' && <CorrectionsPanel round={round} />}
      {(round.status === 'counting' || round.status === 'sealed') && <RecordPanel round={round} />}
      {closing && (
        <ConfirmDialog
          title={t('paper.overview.close')}
          message={early ? t('paper.overview.closeEarly', { deadline: round.deadline }) : t('paper.overview.closeNow')}
          confirmLabel={t('paper.overview.closeConfirm')}
          error={action.error}
          onCancel={() => setClosing(false)}
          onConfirm={() =>
            void action.run(call('paper:close', { roundId: round.id, early })).then((result) => {
              if (result.ok) setClosing(false);
            })
          }
        />
      )}
    </>
  );
}
