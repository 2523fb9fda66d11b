import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionView } from '../../../shared/api/areas/followup';
import type { Council } from '../../../shared/api/areas/councils';
import { chineseDate } from '../../../shared/domain/followup/dates';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { RatingDialog, ratingSummaryText } from './rating-dialog';
import { TaskCard } from './task-card';
import { TaskForm } from './task-form';
import './followup.css';


/** Step 6, implement: every resolution of the council with its tasks, progress, report-back and ratings. */
export function TasksPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const board = useQuery('followup:tasks', { councilId: council.id }, { live: true });
  const people = useQuery('person:list', { councilId: council.id });
  const households = useQuery('household:list', { councilId: council.id });
  const meetings = useQuery('meeting:list', { councilId: council.id }, { live: true });
  const [adding, setAdding] = useState<number | null>(null);
  const [rating, setRating] = useState<ResolutionView | null>(null);
  const action = useAction(['followup:tasks']);
  const run = async (work: Promise<ApiResult<unknown>>) => (await action.run(work)).ok;

  if (board.error) return <ErrorNote message={board.error.message} />;
  if (!board.data) return <p className="muted">{t('common.loading')}</p>;
  const { resolutions, overdueCount } = board.data;
  const laterThan = (resolution: ResolutionView) =>
    (meetings.data ?? [])
      .filter((m) => m.id !== resolution.meetingId && m.date >= resolution.meetingDate && m.status !== 'cancelled')
      .sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section>
      <div className="page-header">
        <h1>{t('followup.tasks.title')}</h1>
        <div className="toolbar">
          {overdueCount > 0 && <span className="overdue-badge">{t('followup.tasks.overdueCount', { count: overdueCount })}</span>}
          <a className="button" href="#/results-notice">
            {t('followup.results.title')}
          </a>
        </div>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      {resolutions.length === 0 && <p className="empty">{t('followup.tasks.none')}</p>}
      {resolutions.map((resolution) => (
        <article key={resolution.agendaItemId} className="panel resolution" aria-label={resolution.title}>
          <div className="resolution-head">
            <h2>{resolution.title}</h2>
            <span>
              {resolution.fromResidents && <span className="tag">{t('followup.tasks.fromResidents')}</span>}{' '}
              {resolution.provisional && <span className="tag">{t('followup.tasks.provisional')}</span>}
            </span>
          </div>
          <p className="resolution-meta">
            {t('followup.tasks.resolvedAt', { date: chineseDate(resolution.meetingDate), title: resolution.meetingTitle })} ·{' '}
            {t('followup.tasks.votes', { for: resolution.votesFor, against: resolution.votesAgainst, abstain: resolution.votesAbstain })}
          </p>
          {resolution.tasks.length === 0 && <p className="muted">{t('followup.tasks.noTasks')}</p>}
          <ul className="task-list">
            {resolution.tasks.map((task) => (
              <TaskCard key={task.id} task={task} people={people.data ?? []} laterMeetings={laterThan(resolution)} run={run} />
            ))}
          </ul>
          {adding === resolution.agendaItemId ? (
            <TaskForm
              people={people.data ?? []}
              onCancel={() => setAdding(null)}
              onSubmit={async (draft) => {
                const ok = await run(call('followup:addTask', { agendaItemId: resolution.agendaItemId, ...draft }));
                if (ok) setAdding(null);
                return ok;
              }}
            />
          ) : (
            <div className="task-actions">
              <button type="button" className="button-primary" onClick={() => setAdding(resolution.agendaItemId)}>
                {t('followup.tasks.add')}
              </button>
            </div>
          )}
          <div className="rating-line">
            <span>
              {t('followup.rating.title')}{t('common.colon')}{ratingSummaryText(t, resolution.ratings)}
            </span>
            <button type="button" onClick={() => setRating(resolution)}>
              {t('followup.rating.enter')}
            </button>
          </div>
        </article>
      ))}
      {rating && (
        <RatingDialog
          resolution={rating}
          households={households.data ?? []}
          onClose={() => {
            setRating(null);
            board.reload();
          }}
        />
      )}
    </section>
  );
}
