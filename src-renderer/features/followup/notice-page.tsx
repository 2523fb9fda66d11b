import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { announcementText } from '../../../shared/domain/followup/notice-text';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { NoticeSheet } from './notice-sheet';
import { PostingForm } from './posting-form';
import { useResidentAddress } from '../lan/resident-address';
import { useState } from 'react';
import './followup.css';
import { PageTitle } from '../../components/page-title';

/** Step 3, announce: the notice of a meeting to print or download, and the day it was posted. */
export function NoticePage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  const notice = useQuery('followup:notice', { meetingId }, { live: true });
  const action = useAction(['followup:notice', 'access:lanStatus']);
  const [chosen, setChosen] = useState<string | null>(null);
  const address = useResidentAddress(chosen);
  const base = address.base;

  if (notice.error) return <ErrorNote message={notice.error.message} />;
  if (!notice.data) return <p className="muted">{t('common.loading')}</p>;
  const data = notice.data;
  const qrUrl = base ? new URL(data.wishPath, base).toString() : null;

  const exportWord = async () => {
    if (!base) return;
    const result = await action.run(call('followup:exportNotice', { meetingId, publicBaseUrl: base }));
    if (result.ok) downloadFile(result.value);
  };
  const openIntake = async () => {
    await action.run(call('wish:setIntake', { councilId: council.id, open: true }));
  };
  const post = async (postedOn: string) => {
    const result = await action.run(call('followup:postNotice', { meetingId, postedOn }));
    return result.ok;
  };

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={data.meetingTitle} title={t('followup.notice.title')} />
        <div className="toolbar">
          <button type="button" className="button-primary" onClick={() => window.print()}>
            {t('followup.print')}
          </button>
          <button type="button" onClick={() => void exportWord()} disabled={!base}>
            {t('followup.word')}
          </button>
        </div>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      {address.lanBases.length === 0 && (
        <p className="panel qr-warning no-print">
          {base ? t('followup.notice.noLan') : t('followup.notice.qrMissing')}
        </p>
      )}
      {address.lanBases.length > 0 && !data.intakeOpen && (
        <div className="panel qr-warning no-print">
          <p>{t('followup.notice.intakeClosed')}</p>
          <button type="button" className="button-primary" onClick={() => void openIntake()} disabled={action.busy}>
            {t('followup.notice.openIntake')}
          </button>
        </div>
      )}
      {address.lanBases.length > 0 && data.intakeOpen && qrUrl && (
        <p className="muted no-print">
          {t('followup.notice.reachable', { url: qrUrl })}
        </p>
      )}
      {address.lanBases.length > 1 && (
        <label className="inline-field no-print">
          {t('followup.notice.address')}
          <select value={base ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {address.lanBases.map((lanBase) => (
              <option key={lanBase} value={lanBase}>
                {lanBase}
              </option>
            ))}
          </select>
        </label>
      )}
      <PostingForm postings={data.postings} onPost={post} />
      <NoticeSheet text={announcementText(data)} qrUrl={qrUrl} qrLabel={t('followup.notice.qrLabel')} />
    </section>
  );
}
