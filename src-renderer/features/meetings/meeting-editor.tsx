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
import { PageTitle } from '../../components/page-title';

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
          <a className="button button-primary" href={`#/meetings/${data.id}/check-in`}>
            {t('checkIn.open')}
          </a>
          <a className="button button-primary" href={`#/meetings/${data.id}/console`}>
            {t('console.title')}
          </a>
          <a className="button button-primary" href={`#/meetings/${data.id}/vote`}>
            {t('vote.title')}
          </a>
          <a className="button" href={`#/meetings/${data.id}/notice`}>
            {t('followup.notice.open')}
          </a>
          <a className="button" href={`#/meetings/${data.id}/sign`}>
            {t('seals.openSign')}
          </a>
          <a className="button button-primary" href={`#/meetings/${data.id}/minutes`}>
            {t('minutes.open')}
          </a>
          <button type="button" className="button-quiet" onClick={() => setDeleting(true)}>
            {t('meetings.delete')}
          </button>
        </div>
      </div>
      <div className="two-columns">
        <div className="panel">
          <h2>{t('meetings.details')}</h2>
          <MeetingForm key={data.id} councilId={council.id} meeting={data} onSaved={() => meeting.reload()} />
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
