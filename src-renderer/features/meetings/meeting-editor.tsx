import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { navigate } from 'wouter/use-hash-location';
import { AgendaList } from './agenda-list';
import { MeetingForm } from './meeting-form';
import { MeetingLife } from './meeting-life';
import { PageTitle } from '../../components/page-title';

/**
 * The meeting's pages in the order of the evening: the notice before, then the door, the console, the
 * vote, the minutes and their signing; and the door on paper, for when the laptop fails.
 */
function MeetingActions({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const actions = [
    { path: 'notice', label: t('followup.notice.open') },
    { path: 'check-in', label: t('checkIn.open') },
    { path: 'console', label: t('console.title') },
    { path: 'vote', label: t('vote.title') },
    { path: 'minutes', label: t('minutes.open') },
    { path: 'sign', label: t('seals.openSign') },
  ];
  return (
    <>
      <nav className="meeting-actions" aria-label={t('meetings.actions')}>
        <ol>
          {actions.map((action) => (
            <li key={action.path}>
              <a className="button" href={`#/meetings/${meetingId}/${action.path}`}>
                {action.label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <p className="meeting-paper">
        {t('meetings.paper')} <a href={`#/meetings/${meetingId}/sign-in-sheet`}>{t('checkIn.printSheet')}</a>
        {' · '}
        <a href={`#/meetings/${meetingId}/sign-in-roster`}>{t('checkIn.printRoster')}</a>
      </p>
      {/* Not a step of the evening: a written vote runs over days, reported in this meeting's record. */}
      <p className="meeting-paper">
        <a href={`#/meetings/${meetingId}/paper`}>{t('paper.title')}</a>
        {t('common.colon')}
        {t('paper.meetingLink')}
      </p>
    </>
  );
}

export function MeetingEditor({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId });
  const [deleting, setDeleting] = useState(false);
  const action = useAction();

  const remove = async () => {
    const result = await action.run(call('meeting:delete', { meetingId }));
    if (result.ok) navigate('/meetings');
  };

  if (meeting.error) return <ErrorNote message={meeting.error.message} />;
  if (!meeting.data) return <p className="muted">{t('common.loading')}</p>;
  const data = meeting.data;

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref="#/meetings" backLabel={t('meetings.title')} title={data.title} />
        <div className="toolbar">
          <MeetingLife meeting={data} onChanged={() => meeting.reload()} />
          <button type="button" className="button-quiet" onClick={() => setDeleting(true)}>
            {t('meetings.delete')}
          </button>
        </div>
      </div>
      <MeetingActions meetingId={data.id} />
      <div className="two-columns">
        <div className="panel">
          <h2>{t('meetings.details')}</h2>
          <MeetingForm key={`${data.id}-${data.status}`} councilId={council.id} meeting={data} onSaved={() => meeting.reload()} />
        </div>
        <div className="panel">
          <h2>{t('agenda.title')}</h2>
          <AgendaList meeting={data} processTemplate={council.processTemplate} />
        </div>
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('meetings.delete')}
          message={t('meetings.deleteMessage', { title: data.title })}
          confirmLabel={t('common.delete')}
          onConfirm={remove}
          onCancel={() => setDeleting(false)}
          error={action.error}
        />
      )}
    </section>
  );
}
