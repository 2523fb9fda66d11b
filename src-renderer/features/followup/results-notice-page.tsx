import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { resultsText } from '../../../shared/domain/followup/notice-text';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { NoticeSheet } from './notice-sheet';
import { PostingForm } from './posting-form';
import './followup.css';
import { PageTitle } from '../../components/page-title';

/** Step 6, publish: the notice of resolutions and how their tasks are going, for one meeting or all. */
export function ResultsNoticePage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const meetings = useQuery('meeting:list', { councilId: council.id });
  const notice = useQuery('followup:resultsNotice', { councilId: council.id, meetingId }, { live: true });
  const action = useAction(['followup:resultsNotice']);
  const held = (meetings.data ?? []).filter((m) => m.status === 'closed' || m.status === 'in_progress');

  const exportWord = async () => {
    const result = await action.run(call('followup:exportResultsNotice', { councilId: council.id, meetingId }));
    if (result.ok) downloadFile(result.value);
  };
  const post = async (postedOn: string) => {
    const result = await action.run(call('followup:postResultsNotice', { councilId: council.id, meetingId, postedOn }));
    return result.ok;
  };

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref="#/tasks" backLabel={t('followup.tasks.title')} title={t('followup.results.title')} />
        <div className="toolbar">
          <label className="inline-field">
            {t('followup.results.scope')}
            <select value={meetingId ?? ''} onChange={(event) => setMeetingId(event.target.value ? Number(event.target.value) : null)}>
              <option value="">{t('followup.results.all')}</option>
              {held.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.date} {m.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button-primary" onClick={() => window.print()}>
            {t('followup.print')}
          </button>
          <button type="button" onClick={() => void exportWord()}>
            {t('followup.word')}
          </button>
        </div>
      </div>
      {(action.error ?? notice.error?.message) && <ErrorNote message={action.error ?? notice.error!.message} />}
      {notice.data && (
        <>
          <PostingForm postings={notice.data.postings} onPost={post} />
          <NoticeSheet text={resultsText(notice.data)} />
        </>
      )}
    </section>
  );
}
