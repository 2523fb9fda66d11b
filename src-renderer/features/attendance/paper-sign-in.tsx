import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { PersonPicker, type PickedPerson } from '../../components/person-picker';

/**
 * The printed sign-in sheet's signatures entered afterwards (纸上签到): whom, and the time written
 * beside the signature. The attendance list then says the person signed by hand.
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
  apply: (work: Promise<ApiResult<unknown>>, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [time, setTime] = useState(startTime);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person) return;
    void apply(call('attendance:recordPaper', { meetingId, personId: person.id, time }), t('checkIn.paperRecorded', { name: person.name, time })).then((recorded) => {
      if (recorded) setPerson(null);
    });
  };
  return (
    <section className="panel paper-sign-in" aria-labelledby="paper-sign-in-title">
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
            <input type="time" value={time} onChange={(event) => setTime(event.target.value)} required />
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
