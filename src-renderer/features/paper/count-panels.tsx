/**
 * The chair's side of the public count: naming tellers and scrutineers and starting, confirming
 * corrections (by a scrutineer who did not ask for them), and the count record: each teller and
 * scrutineer signs on the pad; the last signature seals it. Then the 公示 dates.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperRound } from '../../../shared/api/areas/paper';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { SignatureDialog } from '../../components/signature-dialog';
import { dayAndTime } from './when';

/** Names typed one per line or separated by 、，, and spaces. */
function namesFrom(text: string): string[] {
  return text
    .split(/[\n、，,;；\s]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export function StartCountForm({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const [tellers, setTellers] = useState(round.tellers.join('、'));
  const [scrutineers, setScrutineers] = useState(round.scrutineers.join('、'));
  const action = useAction(['paper:get']);
  return (
    <form
      className="panel form"
      aria-label={t('paper.count.start')}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(call('paper:startCount', { roundId: round.id, tellers: namesFrom(tellers), scrutineers: namesFrom(scrutineers) }));
      }}
    >
      <h2>{t('paper.count.start')}</h2>
      <p className="muted">{t('paper.count.startHelp')}</p>
      <div className="form-row">
        <Field label={t('paper.count.tellers')} hint={t('paper.count.namesHint')}>
          <input value={tellers} onChange={(e) => setTellers(e.target.value)} required />
        </Field>
        <Field label={t('paper.count.scrutineers')} hint={t('paper.count.namesHint')}>
          <input value={scrutineers} onChange={(e) => setScrutineers(e.target.value)} required />
        </Field>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {t('paper.count.startButton')}
        </button>
      </div>
    </form>
  );
}

export function CorrectionsPanel({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const corrections = useQuery('paper:corrections', { roundId: round.id }, { live: true });
  const [scrutineer, setScrutineer] = useState(round.scrutineers[0] ?? '');
  const action = useAction(['paper:corrections', 'paper:tally']);
  const pending = corrections.data ?? [];
  return (
    <section className="panel" aria-label={t('paper.count.corrections')}>
      <h2>{t('paper.count.corrections')}</h2>
      {pending.length === 0 ? (
        <p className="muted">{t('paper.count.noCorrections')}</p>
      ) : (
        <>
          <Field label={t('paper.count.confirmingScrutineer')}>
            <select value={scrutineer} onChange={(e) => setScrutineer(e.target.value)}>
              {round.scrutineers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <ul className="paper-corrections">
            {pending.map((correction) => (
              <li key={correction.id}>
                <p>
                  {t('paper.count.correctionLine', {
                    serial: correction.serial,
                    who: correction.askedBy,
                    when: dayAndTime(correction.askedAt),
                    from: correction.from,
                    to: correction.to,
                  })}
                </p>
                <p className="muted">
                  {t('paper.count.correctionReason')}
                  {t('common.colon')}
                  {correction.reason}
                </p>
                <button
                  type="button"
                  className="button-primary"
                  disabled={action.busy || !scrutineer}
                  onClick={() => void action.run(call('paper:confirmCorrection', { correctionId: correction.id, scrutineer }))}
                >
                  {t('paper.count.confirm', { name: scrutineer })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {action.error && <ErrorNote message={action.error} />}
    </section>
  );
}

export function RecordPanel({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const status = useQuery('paper:recordStatus', { roundId: round.id }, { live: true });
  const action = useAction(['paper:recordStatus', 'paper:get']);
  const [signing, setSigning] = useState<{ role: 'teller' | 'scrutineer'; name: string } | null>(null);
  const record = status.data;
  const signed = (role: string, name: string) => record?.signatures.find((s) => s.role === role && s.name === name);
  const people = [...round.tellers.map((name) => ({ role: 'teller' as const, name })), ...round.scrutineers.map((name) => ({ role: 'scrutineer' as const, name }))];
  return (
    <section className="panel" aria-label={t('paper.record.title')}>
      <h2>{t('paper.record.title')}</h2>
      {record?.sealed ? (
        <p role="status">{t('paper.record.sealed', { when: dayAndTime(record.sealed.signedAt), code: record.sealed.code })}</p>
      ) : (
        record && record.blockers.length > 0 && (
          <ul className="paper-blockers">
            {record.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        )
      )}
      <ul className="paper-signers">
        {people.map((person) => {
          const signature = signed(person.role, person.name);
          return (
            <li key={`${person.role}:${person.name}`}>
              {person.role === 'teller' ? t('paper.record.teller', { name: person.name }) : t('paper.record.scrutineer', { name: person.name })}
              {t('common.colon')}
              {signature ? (
                t('paper.record.signedAt', { when: dayAndTime(signature.signedAt) })
              ) : (
                <button type="button" disabled={!record || record.blockers.length > 0 || Boolean(record.sealed)} onClick={() => setSigning(person)}>
                  {t('paper.record.sign')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {action.error && <ErrorNote message={action.error} />}
      {signing && (
        <SignatureDialog
          name={signing.name}
          title={t('paper.record.signTitle', { name: signing.name })}
          help={t('paper.record.signHelp')}
          confirmLabel={t('paper.record.signConfirm')}
          onCancel={() => setSigning(null)}
          onDone={(png) => {
            const person = signing;
            setSigning(null);
            void action.run(call('paper:sign', { roundId: round.id, role: person.role, name: person.name, signaturePngBase64: png }));
          }}
        />
      )}
      {round.status === 'sealed' && <PostForm round={round} />}
    </section>
  );
}

function PostForm({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const [postedOn, setPostedOn] = useState(round.postedOn ?? '');
  const [postedUntil, setPostedUntil] = useState(round.postedUntil ?? '');
  const action = useAction(['paper:get']);
  return (
    <form
      className="form"
      aria-label={t('paper.record.post')}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(call('paper:post', { roundId: round.id, postedOn, postedUntil }));
      }}
    >
      <h3>{t('paper.record.post')}</h3>
      <div className="form-row">
        <Field label={t('paper.record.postedOn')}>
          <input type="date" value={postedOn} onChange={(e) => setPostedOn(e.target.value)} required />
        </Field>
        <Field label={t('paper.record.postedUntil')}>
          <input type="date" value={postedUntil} onChange={(e) => setPostedUntil(e.target.value)} required />
        </Field>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
