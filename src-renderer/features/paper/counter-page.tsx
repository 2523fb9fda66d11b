/**
 * The counter's phone at the public count (公开计票): a named teller scans each returned 表决票
 * (or types its serial and check code), sees which ballot it is, taps the choice marked for each
 * matter, or records it as 废票 with the reason, and saves. A ballot already counted says when and
 * by whom; a wrong entry is put right only by a correction that a scrutineer confirms at the chair's desk.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperChoice, PaperMatter, PaperRound, ScanAnswer } from '../../../shared/api/areas/paper';
import { paperChoices } from '../../../shared/api/areas/paper';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { usePageTitle } from '../../components/document-title';
import { dayAndTime } from './when';
import './paper.css';

// The decoder comes only with the camera, on this page.
const CameraScanner = lazy(() => import('./scanner').then((module) => ({ default: module.CameraScanner })));

const tellerKey = 'courtyard.paper.teller';

type Marks = Record<number, PaperChoice | null>;

export function CounterPage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const round = useQuery('paper:get', { meetingId }, { live: true });
  usePageTitle(round.data ? `${t('paper.counter.title')} · ${round.data.title}` : t('paper.counter.title'));
  if (round.data) return <Counting round={round.data} />;
  return (
    <section className="paper-counter">
      <h1 className="paper-counter-title">{t('paper.counter.title')}</h1>
      {round.error && <ErrorNote message={round.error.message} />}
      {round.data === null && <p className="paper-empty">{t('paper.counter.noRound')}</p>}
    </section>
  );
}

function Counting({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const [teller, setTeller] = useState(() => {
    const saved = localStorage.getItem(tellerKey) ?? '';
    return round.tellers.includes(saved) ? saved : '';
  });
  const [scanned, setScanned] = useState<{ code: string; answer: ScanAnswer } | null>(null);
  const [saved, setSaved] = useState('');
  // The code last handled: the camera does not read it again until that ballot leaves the picture.
  const [handled, setHandled] = useState<string | null>(null);
  const inFlight = useRef(false);
  const action = useAction();
  const { run } = action;

  const chooseTeller = (name: string) => {
    setTeller(name);
    localStorage.setItem(tellerKey, name);
  };

  const scan = useCallback(
    (code: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setHandled(code);
      void run(call('paper:scan', { roundId: round.id, code })).then((result) => {
        inFlight.current = false;
        if (result.ok) {
          setSaved('');
          setScanned({ code, answer: result.value });
        }
      });
    },
    [run, round.id],
  );

  const done = (message: string) => {
    setScanned(null);
    setSaved(message);
  };

  if (round.status !== 'counting') {
    return (
      <section className="paper-counter">
        <h1 className="paper-counter-title">{round.title}</h1>
        <p className="paper-empty" role="status">
          {round.status === 'sealed' ? t('paper.counter.sealed') : t('paper.counter.notCounting')}
        </p>
      </section>
    );
  }

  return (
    <section className="paper-counter" aria-label={t('paper.counter.title')}>
      <h1 className="paper-counter-title">{round.title}</h1>
      <fieldset className="paper-teller">
        <legend>{t('paper.counter.teller')}</legend>
        {round.tellers.map((name) => (
          <label key={name} className={name === teller ? 'paper-teller-name chosen' : 'paper-teller-name'}>
            <input type="radio" name="teller" value={name} checked={name === teller} onChange={() => chooseTeller(name)} />
            {name}
          </label>
        ))}
      </fieldset>
      {!teller ? (
        <p className="paper-hint">{t('paper.counter.chooseTeller')}</p>
      ) : scanned ? (
        <BallotEntry
          round={round}
          teller={teller}
          code={scanned.code}
          answer={scanned.answer}
          onDone={done}
          onCancel={() => setScanned(null)}
        />
      ) : (
        <>
          {saved && (
            <p className="paper-saved" role="status">
              {saved}
            </p>
          )}
          <Suspense fallback={<p className="paper-scanner-status">{t('paper.scanner.starting')}</p>}>
            <CameraScanner onCode={scan} skip={handled} />
          </Suspense>
          {action.error && <ErrorNote message={action.error} />}
          <TypedCode onCode={scan} busy={action.busy} />
        </>
      )}
    </section>
  );
}

/** For when there is no camera (or the code will not read): the serial and check code printed under the QR code. */
function TypedCode({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [serial, setSerial] = useState('');
  const [check, setCheck] = useState('');
  return (
    <form
      className="paper-typed"
      aria-label={t('paper.counter.typed')}
      onSubmit={(event) => {
        event.preventDefault();
        if (serial.trim() && check.trim()) onCode(`${serial.trim()} ${check.trim()}`);
      }}
    >
      <p className="paper-typed-title">{t('paper.counter.typed')}</p>
      <label className="field">
        <span className="field-label">{t('paper.counter.serial')}</span>
        <input value={serial} onChange={(e) => setSerial(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} required />
      </label>
      <label className="field">
        <span className="field-label">{t('paper.counter.checkCode')}</span>
        <input value={check} onChange={(e) => setCheck(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} required />
      </label>
      <button type="submit" className="button-primary button-large" disabled={busy}>
        {t('paper.counter.find')}
      </button>
    </form>
  );
}

/** Who the ballot is for, as printed on it; a secret round's ballot names no one. */
function BallotHead({ answer }: { answer: ScanAnswer }) {
  const { t } = useTranslation();
  const { ballot } = answer;
  return (
    <div className="paper-ballot-head">
      <p className="paper-serial">
        {t('paper.counter.serialIs')}
        {t('common.colon')}
        <strong>{ballot.serial}</strong>
      </p>
      {ballot.names === null ? (
        <p className="paper-who">{t('paper.counter.secret')}</p>
      ) : (
        <p className="paper-who">
          <strong>{ballot.names}</strong> {ballot.units.join('、')}
        </p>
      )}
      <p className="muted">{t('paper.counter.area', { area: formatCentiArea(ballot.areaCenti) })}</p>
    </div>
  );
}

function markWord(t: (key: string) => string, mark: PaperChoice | null | undefined): string {
  return mark ? t(`paper.choices.${mark}`) : t('paper.choices.blank');
}

function BallotEntry({
  round,
  teller,
  code,
  answer,
  onDone,
  onCancel,
}: {
  round: PaperRound;
  teller: string;
  code: string;
  answer: ScanAnswer;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { ballot, matters } = answer;
  const [marks, setMarks] = useState<Marks>({});
  const [invalid, setInvalid] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const action = useAction();
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, []);

  if (ballot.state !== 'uncounted' && !correcting) {
    return (
      <div className="paper-ballot" aria-label={t('paper.counter.ballot')}>
        <BallotHead answer={answer} />
        <p className="paper-already" role="alert">
          {ballot.countedAt && ballot.countedBy
            ? ballot.state === 'invalid'
              ? t('paper.counter.alreadyInvalid', { when: dayAndTime(ballot.countedAt), who: ballot.countedBy })
              : t('paper.counter.already', { when: dayAndTime(ballot.countedAt), who: ballot.countedBy })
            : t('paper.counter.alreadyNoWho')}
        </p>
        <ul className="paper-recorded">
          {ballot.state === 'invalid' ? (
            <li>
              {t('paper.counter.invalidBecause')}
              {t('common.colon')}
              {ballot.invalidReason}
            </li>
          ) : (
            matters.map((matter) => (
              <li key={matter.voteId}>
                {matter.title}
                {t('common.colon')}
                <strong>{markWord(t, ballot.marks[matter.voteId])}</strong>
              </li>
            ))
          )}
        </ul>
        <div className="paper-actions">
          <button type="button" className="button-primary button-large" onClick={onCancel}>
            {t('paper.counter.next')}
          </button>
          <button type="button" className="button-large" onClick={() => setCorrecting(true)}>
            {t('paper.counter.askCorrection')}
          </button>
        </div>
      </div>
    );
  }

  const save = () => {
    const payload: Record<string, PaperChoice | null> = Object.fromEntries(matters.map((matter) => [String(matter.voteId), marks[matter.voteId] ?? null]));
    void action.run(call('paper:count', { roundId: round.id, code, teller, marks: payload })).then((result) => {
      if (result.ok) onDone(t('paper.counter.counted', { serial: result.value.serial }));
    });
  };
  const saveInvalid = (reason: string) =>
    void action.run(call('paper:invalid', { roundId: round.id, code, teller, reason })).then((result) => {
      if (result.ok) onDone(t('paper.counter.countedInvalid', { serial: result.value.serial }));
    });

  if (correcting) {
    return (
      <div className="paper-ballot" aria-label={t('paper.counter.ballot')}>
        <BallotHead answer={answer} />
        <CorrectionForm
          matters={matters}
          from={ballot.marks}
          busy={action.busy}
          error={action.error}
          onSubmit={(correction) =>
            void action.run(call('paper:correct', { roundId: round.id, code, teller, ...correction })).then((result) => {
              if (result.ok) onDone(t('paper.counter.correctionAsked', { serial: result.value.serial }));
            })
          }
          onCancel={onCancel}
        />
      </div>
    );
  }

  const unmarked = matters.filter((matter) => !marks[matter.voteId]).length;
  return (
    <div className="paper-ballot" aria-label={t('paper.counter.ballot')}>
      <BallotHead answer={answer} />
      {invalid === null ? (
        <>
          {matters.map((matter) => (
            <ChoiceRow key={matter.voteId} matter={matter} value={marks[matter.voteId] ?? null} onChange={(choice) => setMarks({ ...marks, [matter.voteId]: choice })} />
          ))}
          {unmarked > 0 && <p className="paper-hint">{t('paper.counter.unmarked', { count: unmarked })}</p>}
          {action.error && <ErrorNote message={action.error} />}
          <div className="paper-actions">
            <button type="button" className="button-primary button-large paper-save" disabled={action.busy} onClick={save}>
              {t('paper.counter.save')}
            </button>
            <button type="button" className="button-large button-danger" onClick={() => setInvalid('')}>
              {t('paper.counter.invalid')}
            </button>
            <button type="button" className="button-large" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="paper-invalid"
          aria-label={t('paper.counter.invalid')}
          onSubmit={(event) => {
            event.preventDefault();
            saveInvalid(invalid);
          }}
        >
          <label className="field">
            <span className="field-label">{t('paper.counter.invalidReason')}</span>
            <textarea value={invalid} onChange={(e) => setInvalid(e.target.value)} rows={2} required />
          </label>
          <div className="paper-reasons">
            {(['twoMarks', 'unreadable', 'notOurs'] as const).map((key) => (
              <button key={key} type="button" onClick={() => setInvalid(t(`paper.counter.reasons.${key}`))}>
                {t(`paper.counter.reasons.${key}`)}
              </button>
            ))}
          </div>
          {action.error && <ErrorNote message={action.error} />}
          <div className="paper-actions">
            <button type="submit" className="button-danger button-large" disabled={action.busy}>
              {t('paper.counter.saveInvalid')}
            </button>
            <button type="button" className="button-large" onClick={() => setInvalid(null)}>
              {t('paper.counter.backToMarks')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** 同意 / 反对 / 弃权 for one matter: big enough to tap without looking twice; tapping the chosen one again clears it. */
function ChoiceRow({ matter, value, onChange }: { matter: PaperMatter; value: PaperChoice | null; onChange: (choice: PaperChoice | null) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="paper-matter">
      <legend>
        {matter.position}. {matter.title}
      </legend>
      <div className="paper-choices" role="radiogroup" aria-label={matter.title}>
        {paperChoices.map((choice) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={value === choice}
            className={`paper-choice paper-choice-${choice}${value === choice ? ' chosen' : ''}`}
            onClick={() => onChange(value === choice ? null : choice)}
          >
            {t(`paper.choices.${choice}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** A correction asked for at the counting table: the new marks (or 废票) and why; a scrutineer confirms it. */
function CorrectionForm({
  matters,
  from,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  matters: PaperMatter[];
  from: Marks;
  busy: boolean;
  error: string | undefined;
  onSubmit: (correction: { marks: Record<string, PaperChoice | null> | null; invalidReason: string | null; reason: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Marks>(() => ({ ...from }));
  const [makeInvalid, setMakeInvalid] = useState(false);
  const [invalidReason, setInvalidReason] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form
      className="paper-correction"
      aria-label={t('paper.counter.askCorrection')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          marks: makeInvalid ? null : Object.fromEntries(matters.map((matter) => [String(matter.voteId), marks[matter.voteId] ?? null])),
          invalidReason: makeInvalid ? invalidReason : null,
          reason,
        });
      }}
    >
      <p className="paper-hint">{t('paper.counter.correctionHelp')}</p>
      <label className="paper-check">
        <input type="checkbox" checked={makeInvalid} onChange={(e) => setMakeInvalid(e.target.checked)} />
        {t('paper.counter.correctToInvalid')}
      </label>
      {makeInvalid ? (
        <label className="field">
          <span className="field-label">{t('paper.counter.invalidReason')}</span>
          <input value={invalidReason} onChange={(e) => setInvalidReason(e.target.value)} required />
        </label>
      ) : (
        matters.map((matter) => (
          <ChoiceRow key={matter.voteId} matter={matter} value={marks[matter.voteId] ?? null} onChange={(choice) => setMarks({ ...marks, [matter.voteId]: choice })} />
        ))
      )}
      <label className="field">
        <span className="field-label">{t('paper.counter.correctionReason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
      </label>
      {error && <ErrorNote message={error} />}
      <div className="paper-actions">
        <button type="submit" className="button-primary button-large" disabled={busy}>
          {t('paper.counter.sendCorrection')}
        </button>
        <button type="button" className="button-large" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
