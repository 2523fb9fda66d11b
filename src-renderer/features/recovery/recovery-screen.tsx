import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../shared/api/areas/backup';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';

type Damaged = Extract<RecoveryStatus, { damaged: true }>;

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { dateStyle: 'long', timeStyle: 'short' });

/** Shown instead of the app when the data file is damaged: explain, offer the newest sound backup, keep the damaged file. */
export function RecoveryScreen({ status, onRestored }: { status: Damaged; onRestored: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const [keptAs, setKeptAs] = useState<string>();
  const backup = status.latestBackup;

  const restore = async () => {
    const result = await action.run(call('recovery:restoreLatest', { confirm: true }));
    if (result.ok) setKeptAs(result.value.keptAs);
  };

  return (
    <section className="recovery panel" role="alert" aria-label={t('recovery.title')}>
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.explain', { path: status.databasePath })}</p>
      <p className="muted">{t('recovery.reason', { reason: status.reason })}</p>
      {keptAs ? (
        <>
          <p className="saved-note">{t('recovery.done', { keptAs })}</p>
          <button type="button" className="button-primary" onClick={onRestored}>
            {t('recovery.continue')}
          </button>
        </>
      ) : backup ? (
        <>
          <p>{t('recovery.offer', { date: when(backup.createdAt) })}</p>
          {confirming ? (
            <div className="form-actions">
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button-danger" onClick={restore}>
                {t('recovery.confirm')}
              </button>
            </div>
          ) : (
            <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
              {t('recovery.restore')}
            </button>
          )}
        </>
      ) : (
        <p>{t('recovery.noBackup')}</p>
      )}
      {action.error && <ErrorNote message={action.error} />}
    </section>
  );
}
