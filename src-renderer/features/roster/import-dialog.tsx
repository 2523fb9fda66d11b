import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/api/areas/roster';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { Dialog, ErrorNote } from '../../components/dialog';
import { bytesToBase64, downloadFile } from '../../components/download';

interface ImportDialogProps {
  councilId: number;
  onClose: () => void;
  onImported: () => void;
}

/**
 * Preview first: the counts, the first problems by row and column and the first rows (the host
 * answers with those only, so a large estate's file previews quickly); nothing is written until
 * the user confirms.
 */
export function ImportDialog({ councilId, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ fileName: string; dataBase64: string }>();
  const [preview, setPreview] = useState<ImportPreview>();
  const action = useAction(['person:list', 'household:list']);

  const choose = async (chosen: File | undefined) => {
    setPreview(undefined);
    action.setError(undefined);
    if (!chosen) return;
    const payload = { fileName: chosen.name, dataBase64: bytesToBase64(new Uint8Array(await chosen.arrayBuffer())) };
    setFile(payload);
    const result = await action.run(call('roster:previewImport', { councilId, ...payload }));
    if (result.ok) setPreview(result.value);
  };

  const commit = async () => {
    if (!file) return;
    const result = await action.run(call('roster:commitImport', { councilId, ...file }));
    if (result.ok) onImported();
  };

  const downloadTemplate = async () => {
    const result = await action.run(call('roster:templateXlsx', {}));
    if (result.ok) downloadFile(result.value);
  };

  const canCommit = preview && preview.issueCount === 0 && preview.rowCount > 0 && !action.busy;

  return (
    <Dialog title={t('import.title')} onClose={onClose} wide>
      <p>{t('import.help')}</p>
      <p>
        {t('import.templateHelp')}{' '}
        <button type="button" className="button-quiet" onClick={() => void downloadTemplate()}>
          {t('import.template')}
        </button>
      </p>
      <label className="file-pick">
        <span className="button">{t('import.choose')}</span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <span>{file?.fileName ?? t('import.noFile')}</span>
      </label>
      {action.busy && <p className="muted">{t('common.loading')}</p>}
      {action.error && <ErrorNote message={action.error} />}
      {preview && (
        <div className="import-preview">
          <p className="import-summary">
            {t('import.summary', {
              rows: preview.rowCount,
              people: preview.peopleNew,
              households: preview.householdsNew,
              updated: preview.householdsUpdated,
            })}
            {preview.titlesNew > 0 && t('import.titlesSummary', { count: preview.titlesNew })}
          </p>
          {preview.notes.length > 0 && (
            <ul className="import-notes" aria-label={t('import.notes')}>
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {preview.issueCount > 0 && (
            <>
              <p className="error-note" role="alert">
                {t('import.hasIssues', { count: preview.issueCount })}
                {preview.issueCount > preview.issues.length && t('import.issuesShown', { shown: preview.issues.length })}
              </p>
              <table className="table issues-table" aria-label={t('import.issues')}>
                <thead>
                  <tr>
                    <th>{t('import.row')}</th>
                    <th>{t('import.column')}</th>
                    <th>{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.issues.map((issue, index) => (
                    <tr key={index}>
                      <td>{t('import.rowNumber', { row: issue.row })}</td>
                      <td>{issue.column}</td>
                      <td>{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {preview.rowCount > preview.rows.length && <p className="muted">{t('import.rowsShown', { shown: preview.rows.length })}</p>}
          {preview.rows.length > 0 && (
            <table className="table" aria-label={t('import.rows')}>
              <thead>
                <tr>
                  <th>{t('import.row')}</th>
                  <th>{t('person.name')}</th>
                  <th>{t('household.code')}</th>
                  <th className="number-cell">{t('household.area')}</th>
                  <th>{t('household.tenure')}</th>
                  <th>{t('import.titleHolder')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row}>
                    <td>{row.row}</td>
                    <td>{row.name}</td>
                    <td>
                      {row.householdCode} {row.household === 'new' && <span className="tag">{t('import.newHousehold')}</span>}
                    </td>
                    <td className="number-cell">{row.areaCenti === null ? '—' : formatCentiArea(row.areaCenti)}</td>
                    <td>{t(`tenure.${row.tenure}`)}</td>
                    <td>{row.titleHolder ? t('import.yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-primary" disabled={!canCommit} onClick={commit}>
          {t('import.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
