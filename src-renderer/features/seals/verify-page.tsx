import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/api/areas/seals';
import type { Council } from '../../../shared/api/areas/councils';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { bytesToBase64 } from '../../components/download';
import './seals.css';

const maxBytes = 20 * 1024 * 1024;

/** Anyone with the app checks a Word file of the minutes: signed, altered or unknown, in plain words. Route #/verify. */
export function VerifyPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  void council;
  const [checking, setChecking] = useState<string | null>(null);
  const [result, setResult] = useState<{ fileName: string; report: VerifyReport } | null>(null);
  const action = useAction();

  const check = async (file: File) => {
    setResult(null);
    if (!/\.docx$/i.test(file.name)) return action.setError(t('seals.notDocx'));
    if (file.size > maxBytes) return action.setError(t('seals.tooLarge'));
    setChecking(file.name);
    const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const answer = await action.run(call('seals:verify', { fileName: file.name, dataBase64 }));
    setChecking(null);
    if (!answer.ok) return;
    setResult({ fileName: file.name, report: answer.value });
  };

  const verdictLabel = { signed: t('seals.verdictSigned'), altered: t('seals.verdictAltered'), unknown: t('seals.verdictUnknown') };

  return (
    <section>
      <div className="page-header">
        <h1>{t('seals.verifyTitle')}</h1>
      </div>
      <div className="panel verify-drop">
        <p>{t('seals.verifyHelp')}</p>
        <label className="button button-primary">
          {t('seals.chooseFile')}
          <input
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="verify-file-input visually-hidden"
            aria-label={t('seals.chooseFile')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void check(file);
            }}
          />
        </label>
      </div>
      {checking && (
        <p className="muted" role="status">
          {t('seals.checking', { fileName: checking })}
        </p>
      )}
      {action.error && <ErrorNote message={action.error} />}
      {result && (
        <div className={`panel verdict verdict-${result.report.verdict}`} role="status" aria-label={verdictLabel[result.report.verdict]}>
          <h2>{verdictLabel[result.report.verdict]}</h2>
          <p>
            <strong>{result.report.headline}</strong>
          </p>
          <p className="muted">{t('seals.checkedFile', { fileName: result.fileName })}</p>
          {result.report.details.length > 0 && (
            <ul>
              {result.report.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
