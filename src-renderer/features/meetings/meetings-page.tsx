import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { useQuery } from '../../api/query';
import { Dialog, ErrorNote } from '../../components/dialog';
import { navigate } from 'wouter/use-hash-location';
import { MeetingForm } from './meeting-form';
import { FirstRunPath } from '../councils/first-run';

export function MeetingsPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const meetings = useQuery('meeting:list', { councilId: council.id });
  const [creating, setCreating] = useState(false);

  return (
    <section>
      <div className="page-header">
        <h1>{t('meetings.title')}</h1>
        <button type="button" className="button-primary" onClick={() => setCreating(true)}>
          {t('meetings.create')}
        </button>
      </div>
      <FirstRunPath
        council={council}
        actions={{
          meeting: (
            <button type="button" className="button-primary" onClick={() => setCreating(true)}>
              {t('meetings.create')}
            </button>
          ),
        }}
      />
      {meetings.error && <ErrorNote message={meetings.error.message} />}
      <table className="table" aria-label={t('meetings.title')}>
        <thead>
          <tr>
            <th>{t('meeting.date')}</th>
            <th>{t('meeting.title')}</th>
            <th>{t('meeting.place')}</th>
            <th>{t('meeting.chair')}</th>
            <th className="number-cell">{t('meetings.matters')}</th>
            <th>{t('meeting.status')}</th>
          </tr>
        </thead>
        <tbody>
          {(meetings.data ?? []).map((meeting) => (
            <tr key={meeting.id} className="row-link" onClick={() => navigate(`/meetings/${meeting.id}`)}>
              <td>
                {meeting.date} {meeting.startTime}
              </td>
              <td className="name-cell">
                <a href={`#/meetings/${meeting.id}`}>{meeting.title}</a>
              </td>
              <td>{meeting.place}</td>
              <td>{meeting.chairName ?? '—'}</td>
              <td className="number-cell">{meeting.agendaCount}</td>
              <td>
                <span className={`status status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {meetings.data?.length === 0 && <p className="empty">{t('meetings.none')}</p>}
      {creating && (
        <Dialog title={t('meetings.create')} onClose={() => setCreating(false)}>
          <MeetingForm councilId={council.id} onSaved={(meeting) => navigate(`/meetings/${meeting.id}`)} />
        </Dialog>
      )}
    </section>
  );
}
