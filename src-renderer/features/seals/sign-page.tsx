import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealStatus, SignerRole } from '../../../shared/api/areas/seals';
import type { Council } from '../../../shared/api/areas/councils';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { ReasonForm } from '../../components/reason-form';
import { SignatureDialog } from '../../components/signature-dialog';
import './seals.css';
import { PageTitle } from '../../components/page-title';

const roles: SignerRole[] = ['chair', 'secretary'];

function when(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The chair and the secretary sign the minutes; the secretary exports the Word file. Route #/meetings/<id>/sign. */
export function SignPage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  void council;
  const status = useQuery('seals:status', { meetingId }, { live: true });
  const [signing, setSigning] = useState<SignerRole | null>(null);
  /** Who is about to sign minutes that hold no written word: asked first. */
  const [askingEmpty, setAskingEmpty] = useState<SignerRole | null>(null);
  const [amending, setAmending] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction(['seals:status']);

  if (status.error) return <ErrorNote message={status.error.message} />;
  if (!status.data) return <p className="muted">{t('common.loading')}</p>;
  const data: SealStatus = status.data;
  const nameOf = (role: SignerRole) => (role === 'chair' ? data.chairName : data.secretaryName);

  const sign = async (role: SignerRole, png: string) => {
    setSigning(null);
    await action.run(call('seals:sign', { meetingId, role, signaturePngBase64: png }));
  };

  const exportWord = async (version: number | null) => {
    setBusy(t('seals.exporting'));
    setMessage(null);
    const result = await action.run(call('seals:export', { meetingId, version }));
    setBusy(null);
    if (!result.ok) return;
    downloadFile(result.value);
    setMessage(t('seals.exported', { fileName: result.value.fileName }));
  };

  const amend = async (reason: string) => {
    const result = await action.run(call('seals:amend', { meetingId, reason }));
    if (!result.ok) return;
    setAmending(false);
  };

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={data.meetingTitle} title={t('seals.signTitle')} />
        <div className="toolbar">
          <a className="button" href={`#/meetings/${meetingId}/minutes`}>
            {t('seals.openMinutes')}
          </a>
          <a className="button" href="#/verify">
            {t('seals.verifyLink')}
          </a>
        </div>
      </div>

      {action.error && <ErrorNote message={action.error} />}
      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {message && (
        <p className="seal-signed" role="status">
          {message}
        </p>
      )}

      {data.complete ? (
        <p className="panel seal-signed">{t('seals.complete')}</p>
      ) : (
        <>
          <p>
            <strong>{data.version > 1 ? t('seals.amendmentVersion', { version: data.version }) : t('seals.version', { version: data.version })}</strong>
            {' · '}
            {data.lockedAt ? t('seals.locked', { time: when(data.lockedAt) }) : t('seals.editable')}
          </p>
          {data.amendment && <p className="panel">{t('seals.amendOpen', { reason: data.amendment.reason, version: data.version })}</p>}
          {data.blockers.length > 0 && (
            <div className="panel seal-blockers" role="alert">
              <strong>{t('seals.blockersTitle')}</strong>
              <ul>
                {data.blockers.map((blocker) => (
                  <li key={blocker}>{blocker}</li>
                ))}
              </ul>
              <a className="button" href={`#/meetings/${meetingId}`}>
                {t('seals.backToMeeting')}
              </a>
            </div>
          )}
          <div className="seal-signers">
            {roles.map((role) => {
              const signed = data.signatures.find((signature) => signature.role === role);
              const name = nameOf(role);
              const label = t(`seals.${role}`);
              return (
                <div key={role} className="panel seal-signer" aria-label={label}>
                  <h3>{label}</h3>
                  <span className="signer-name">{name ?? t('seals.noPerson', { role: label })}</span>
                  {signed ? (
                    <span className="seal-signed">{t('seals.signedAt', { time: when(signed.signedAt) })}</span>
                  ) : (
                    <>
                      <span className="muted">{t('seals.waiting')}</span>
                      <button
                        type="button"
                        className="button-primary"
                        disabled={!name || data.blockers.length > 0}
                        onClick={() => (data.minutesWritten || data.signatures.length > 0 ? setSigning(role) : setAskingEmpty(role))}
                      >
                        {t('seals.signAs', { role: label })}
                      </button>
                    </>
                  )}
                </div>
              );
            })}
          </div>
          {data.seals.length === 0 && (
            <p className="seal-draft">
              <button type="button" onClick={() => void exportWord(null)} disabled={busy !== null}>
                {t('seals.exportDraft')}
              </button>
            </p>
          )}
        </>
      )}

      <h2>{t('seals.sealedTitle')}</h2>
      {data.seals.length === 0 && <p className="muted">{t('seals.sealedNone')}</p>}
      <div className="seal-versions">
        {[...data.seals].reverse().map((seal) => (
          <article key={seal.version} className="panel" aria-label={t('seals.version', { version: seal.version })}>
            <h3>{seal.kind === 'amendment' ? t('seals.amendmentVersion', { version: seal.version }) : t('seals.version', { version: seal.version })}</h3>
            <dl className="seal-facts">
              <dt>{t('seals.code')}</dt>
              <dd className="seal-code">{seal.code}</dd>
              <dt>{t('seals.sealedAt')}</dt>
              <dd>{when(seal.signedAt)}</dd>
              <dt>{t('seals.signers')}</dt>
              <dd>{seal.signers.map((signer) => `${t(`seals.${signer.role}`)} ${signer.name}`).join('、')}</dd>
              {seal.note && (
                <>
                  <dt>{t('seals.note')}</dt>
                  <dd>{seal.note}</dd>
                </>
              )}
              <dt>{t('seals.digest')}</dt>
              <dd className="seal-digest">{seal.digest}</dd>
            </dl>
            <button type="button" className="button-primary" onClick={() => void exportWord(seal.version)} disabled={busy !== null}>
              {t('seals.exportWord')}
            </button>
          </article>
        ))}
      </div>

      {data.complete && !amending && (
        <div className="seal-note">
          <p className="muted">{t('seals.amendHelp')}</p>
          <button type="button" onClick={() => setAmending(true)}>
            {t('seals.amend')}
          </button>
        </div>
      )}
      {amending && (
        <ReasonForm action={t('seals.amend')} reasonLabel={t('seals.amendReason')} onSubmit={(reason) => void amend(reason)} onCancel={() => setAmending(false)}>
          <p className="muted">{t('seals.amendHelp')}</p>
        </ReasonForm>
      )}

      {askingEmpty && (
        <ConfirmDialog
          title={t('seals.emptyTitle')}
          message={t('seals.emptyMessage')}
          confirmLabel={t('seals.emptyConfirm')}
          onConfirm={() => {
            setSigning(askingEmpty);
            setAskingEmpty(null);
          }}
          onCancel={() => setAskingEmpty(null)}
        />
      )}
      {signing && (
        <SignatureDialog
          name={nameOf(signing) ?? ''}
          title={t('seals.signDialogTitle', { role: t(`seals.${signing}`), name: nameOf(signing) ?? '' })}
          help={t('seals.signDialogHelp')}
          confirmLabel={t('seals.signConfirm')}
          onDone={(png) => void sign(signing, png)}
          onCancel={() => setSigning(null)}
        />
      )}
    </section>
  );
}
