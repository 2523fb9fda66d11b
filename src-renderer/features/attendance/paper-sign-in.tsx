import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceChange } from '../../../shared/api/areas/attendance';
import type { ApiResult } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { PersonPicker, type PickedPerson } from '../../components/person-picker';

/**
 * The printed sign-in sheet's signatures entered afterwards (纸上签到): whom, and the time written
 * beside the signature. The attendance list then says the person signed by hand. A stack of sheets
 * goes by the keys alone: a name and Enter, the time and Enter, and the search box is back for the next.
 */
export function PaperSignIn({
  councilId,
  meetingId,
  startTime,
  apply,
}: {
  councilId: number;
  meetingId: number;
  /** The meeting's start: what most sheets say, and where the time field begins. */
  startTime: string;
  apply: (work: Promise<ApiResult<AttendanceChange>>, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [time, setTime] = useState(startTime);
  const panel = useRef<HTMLElement>(null);
  // How many were recorded here: after each, once the picker is back, the keyboard goes to it for the next name.
  const [recordedCount, setRecordedCount] = useState(0);
  useEffect(() => {
    if (recordedCount > 0) panel.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }, [recordedCount]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person) return;
    void apply(call('attendance:recordPaper', { meetingId, personId: person.id, time }), t('checkIn.paperRecorded', { name: person.name, time })).then((recorded) => {
      if (!recorded) return;
      setPerson(null);
      setRecordedCount((count) => count + 1);
    });
  };
  return (
    <section className="panel paper-sign-in" aria-labelledby="paper-sign-in-title" ref={panel}>
      <h2 id="paper-sign-in-title">{t('checkIn.paper')}</h2>
      <p className="muted">{t('checkIn.paperHelp')}</p>
      {person ? (
        <form className="form" onSubmit={submit}>
          <p>
            <strong>{t('checkIn.paperPicked', { name: person.name, household: person.householdCode ?? t('person.noHousehold') })}</strong>{' '}
            <button type="button" className="button-quiet" onClick={() => setPerson(null)}>
              {t('checkIn.paperCancel')}
            </button>
          </p>
          <label className="inline-field">
            {t('checkIn.paperTime')}
            <input type="time" value={time} onChange={(event) => setTime(event.target.value)} required autoFocus />
          </label>
          <button type="submit" className="button-primary">
            {t('checkIn.paperRecord')}
          </button>
        </form>
      ) : (
        <PersonPicker councilId={councilId} label={t('checkIn.paperWho')} onPick={setPerson} />
      )}
    </section>
  );
}
