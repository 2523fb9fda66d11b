import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompactDetail, CompactSigning, UnsignedHousehold } from '../../../shared/api/areas/compacts';
import { matchesHouseholdQuery } from '../../../shared/domain/compacts/signing';
import { chineseDate, localDate } from '../../../shared/domain/followup/dates';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { Dialog, ErrorNote } from '../../components/dialog';
import { ReasonForm } from '../../components/reason-form';
import { SignatureDialog } from '../../components/signature-dialog';

type Step = { household: UnsignedHousehold; stage: 'choose' | 'pad'; name: string; date: string };

/** Households sign the version in force: progress, who is still to sign (searchable by 户号), and who signed how. */
export function SignaturesPanel({ signing, onChanged }: { signing: CompactSigning; onChanged: (detail: CompactDetail) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<Step | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [viewing, setViewing] = useState<{ name: string; png: string } | null>(null);
  const action = useAction();
  const waiting = useMemo(() => signing.unsigned.filter((household) => matchesHouseholdQuery(household.code, query)), [signing.unsigned, query]);

  const record = async (mode: 'pad' | 'paper', png: string | null) => {
    if (!step) return;
    const result = await action.run(call('compacts:sign', {
      versionId: signing.versionId,
      householdId: step.household.householdId,
      signerName: step.name,
      mode,
      signaturePngBase64: png,
      signedOn: mode === 'paper' ? step.date : null,
    }));
    setStep(null);
    if (!result.ok) return;
    onChanged(result.value);
  };

  const view = async (signatureId: number, name: string) => {
    const result = await action.run(call('compacts:signatureImage', { signatureId }));
    if (!result.ok) return;
    setViewing({ name, png: result.value.pngBase64 });
  };

  const remove = async (signatureId: number, reason: string) => {
    const result = await action.run(call('compacts:removeSignature', { signatureId, reason }));
    setRemoving(null);
    if (!result.ok) return;
    onChanged(result.value);
  };

  return (
    <section className="compact-section" aria-label={t('compacts.sign.section')}>
      <h2>{t('compacts.sign.title', { version: signing.version })}</h2>
      <div className="sign-progress">
        <span role="status">{t('compacts.progress', { signed: signing.signed, total: signing.total })}</span>
        <progress max={signing.total || 1} value={signing.signed} aria-label={t('compacts.sign.progressLabel')} />
      </div>
      {action.error && <ErrorNote message={action.error} />}
      <div className="sign-columns">
        <div className="panel">
          <h3>{t('compacts.sign.waiting', { count: signing.unsigned.length })}</h3>
          <input type="search" className="search" aria-label={t('compacts.sign.search')} placeholder={t('compacts.sign.searchPlaceholder')} value={query} onChange={(event) => setQuery(event.target.value)} />
          <div className="sign-list">
            <table className="table" aria-label={t('compacts.sign.waitingTable')}>
              <tbody>
                {waiting.map((household) => (
                  <tr key={household.householdId}>
                    <td>{household.code}</td>
                    <td>{household.suggestedSigner ?? <span className="muted">{t('compacts.sign.nobody')}</span>}</td>
                    <td className="actions-cell">
                      <button
                        type="button"
                        className="button-primary"
                        aria-label={t('compacts.sign.signFor', { code: household.code })}
                        onClick={() => setStep({ household, stage: 'choose', name: household.suggestedSigner ?? '', date: localDate(new Date()) })}
                      >
                        {t('compacts.sign.sign')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {waiting.length === 0 && <p className="empty">{signing.unsigned.length ? t('compacts.sign.noMatch') : t('compacts.sign.allSigned')}</p>}
          </div>
        </div>
        <div className="panel">
          <h3>{t('compacts.sign.signed', { count: signing.signatures.length })}</h3>
          <div className="sign-list">
            <table className="table" aria-label={t('compacts.sign.signedTable')}>
              <thead>
                <tr>
                  <th>{t('compacts.sign.code')}</th>
                  <th>{t('compacts.sign.signer')}</th>
                  <th>{t('compacts.sign.how')}</th>
                  <th>{t('compacts.sign.date')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {signing.signatures.map((signature) => (
                  <tr key={signature.id}>
                    <td>{signature.householdCode}</td>
                    <td>{signature.signerName}</td>
                    <td>
                      {signature.hasImage ? (
                        <button type="button" className="button-quiet" onClick={() => void view(signature.id, signature.signerName)}>
                          {t('compacts.sign.byPad')}
                        </button>
                      ) : (
                        t('compacts.sign.onPaper')
                      )}
                    </td>
                    <td>{chineseDate(signature.signedOn)}</td>
                    <td>
                      <button type="button" className="button-quiet" onClick={() => setRemoving(signature.id)} aria-label={t('compacts.sign.undoFor', { code: signature.householdCode })}>
                        {t('compacts.sign.undo')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>

      {removing !== null && (
        <ReasonForm action={t('compacts.sign.undo')} reasonLabel={t('compacts.sign.undoReason')} onSubmit={(reason) => void remove(removing, reason)} onCancel={() => setRemoving(null)} />
      )}

      {step?.stage === 'choose' && (
        <Dialog title={t('compacts.sign.dialogTitle', { code: step.household.code })} onClose={() => setStep(null)}>
          <label className="field">
            <span className="field-label">{t('compacts.sign.signer')}</span>
            <input value={step.name} onChange={(event) => setStep({ ...step, name: event.target.value })} list="compact-signers" maxLength={40} />
            <datalist id="compact-signers">
              {step.household.people.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          <div className="dialog-actions">
            <button type="button" className="button-primary button-large" disabled={!step.name.trim()} onClick={() => setStep({ ...step, stage: 'pad' })}>
              {t('compacts.sign.byPadAction')}
            </button>
          </div>
          <hr />
          <p className="muted">{t('compacts.sign.paperHelp')}</p>
          <div className="form-row">
            <label className="field">
              <span className="field-label">{t('compacts.sign.paperDate')}</span>
              <input type="date" value={step.date} max={localDate(new Date())} onChange={(event) => setStep({ ...step, date: event.target.value })} />
            </label>
            <button type="button" disabled={!step.name.trim() || !step.date} onClick={() => void record('paper', null)}>
              {t('compacts.sign.paperAction')}
            </button>
          </div>
        </Dialog>
      )}
      {step?.stage === 'pad' && (
        <SignatureDialog
          name={step.name}
          title={t('compacts.sign.padTitle', { code: step.household.code, name: step.name })}
          help={t('compacts.sign.padHelp')}
          confirmLabel={t('compacts.sign.padConfirm')}
          onDone={(png) => void record('pad', png)}
          onCancel={() => setStep(null)}
        />
      )}
      {viewing && (
        <Dialog title={t('compacts.sign.imageTitle', { name: viewing.name })} onClose={() => setViewing(null)}>
          <img src={`data:image/png;base64,${viewing.png}`} alt={t('compacts.sign.imageTitle', { name: viewing.name })} className="signature-view" />
        </Dialog>
      )}
    </section>
  );
}
