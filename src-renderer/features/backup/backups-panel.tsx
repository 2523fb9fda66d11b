/**
 * Settings › Backups and restore: the backup list with dates and sizes, a backup now, restoring a
 * chosen backup after a confirmation (the host saves the current file as a backup first), and the
 * council archive that moves one council to a new computer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/areas/backup';
import type { Council } from '../../../shared/api/areas/councils';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { FilePick, type PickedFile } from '../../components/file-pick';
import './backup.css';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { dateStyle: 'long', timeStyle: 'short' });

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupsPanel({ council, onImported }: { council: Council; onImported: (council: Council) => void }) {
  const { t } = useTranslation();
  const backups = useQuery('backup:list', {}, { live: true });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const action = useAction(['backup:list']);
  const [note, setNote] = useState<string>();
  const { busy, error } = action;

  const backupNow = async () => {
    setNote(undefined);
    const result = await action.run(call('backup:create', {}));
    if (result.ok) setNote(t('backups.created', { name: result.value.fileName }));
  };
  const restore = async (backup: BackupInfo) => {
    setNote(undefined);
    const result = await action.run(call('backup:restore', { fileName: backup.fileName, confirm: true }));
    if (!result.ok) return;
    setConfirming(null);
    setNote(t('backups.restored', { time: when(backup.createdAt), saved: result.value.savedBefore.fileName }));
  };
  const exportArchive = async () => {
    setNote(undefined);
    const result = await action.run(call('archive:export', { councilId: council.id }));
    if (!result.ok) return;
    const saved = await downloadFile(result.value);
    if (saved.path) setNote(t('backups.exportedTo', { path: saved.path }));
    else if (saved.saved) setNote(t('backups.exported', { name: result.value.fileName }));
  };
  const importArchive = async (file: PickedFile) => {
    setNote(undefined);
    const result = await action.run(call('archive:import', file));
    if (!result.ok) return;
    onImported(result.value.council);
    const rows = Object.values(result.value.rows).reduce((sum, count) => sum + count, 0);
    setNote(t('backups.imported', { name: result.value.council.name, rows }));
  };

  const list = backups.data ?? [];
  return (
    <section className="form" role="region" aria-label={t('backups.title')}>
      <h2>{t('backups.title')}</h2>
      <p className="muted">{t('backups.intro')}</p>
      <div className="backups-actions">
        <button type="button" onClick={() => void backupNow()} disabled={busy}>
          {t('backups.create')}
        </button>
      </div>
      {backups.error && <ErrorNote message={backups.error.message} />}
      {backups.data && list.length === 0 && <p className="muted">{t('backups.empty')}</p>}
      {list.length > 0 && (
        <table className="table backups-table">
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.kind')}</th>
              <th>{t('backups.size')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((backup) => (
              <tr key={backup.fileName}>
                <td>{when(backup.createdAt)}</td>
                <td>{t(`backups.kinds.${backup.kind}`)}</td>
                <td className="number-cell">{size(backup.sizeBytes)}</td>
                <td>
                  <button type="button" onClick={() => setConfirming(backup)} disabled={busy} aria-label={`${t('backups.restore')} ${when(backup.createdAt)}`}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('backups.archiveTitle')}</h2>
      <p className="muted">{t('backups.archiveIntro')}</p>
      <div className="backups-actions">
        <button type="button" onClick={() => void exportArchive()} disabled={busy}>
          {t('backups.export', { name: council.name })}
        </button>
        <FilePick
          label={busy ? t('backups.importing') : t('backups.import')}
          extensions={['courtyard']}
          mimeTypes={['application/gzip']}
          disabled={busy}
          onFile={(file) => void importArchive(file)}
          onRefused={(message) => {
            setNote(undefined);
            action.setError(message);
          }}
        />
      </div>
      {note && (
        <p className="saved-note" role="status">
          {note}
        </p>
      )}
      {error && !confirming && <ErrorNote message={error} />}
      {confirming && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          message={t('backups.restoreConfirm', { time: when(confirming.createdAt) })}
          confirmLabel={t('backups.restoreDo')}
          error={error}
          onConfirm={() => void restore(confirming)}
          onCancel={() => {
            setConfirming(null);
            action.setError(undefined);
          }}
        />
      )}
    </section>
  );
}
