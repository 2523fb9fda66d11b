import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/api/areas/meetings';
import { meetingStatuses, type MeetingStatus } from '../../../shared/domain/roster/roles';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

interface MeetingFormProps {
  councilId: number;
  meeting?: Meeting;
  onSaved: (meeting: Meeting) => void;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function MeetingForm({ councilId, meeting, onSaved }: MeetingFormProps) {
  const { t } = useTranslation();
  const people = useQuery('person:list', { councilId });
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [date, setDate] = useState(meeting?.date ?? today());
  const [startTime, setStartTime] = useState(meeting?.startTime ?? '19:00');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [chairId, setChairId] = useState<number | null>(meeting?.chairId ?? null);
  const [secretaryId, setSecretaryId] = useState<number | null>(meeting?.secretaryId ?? null);
  const [status, setStatus] = useState<MeetingStatus>(meeting?.status ?? 'planned');
  const action = useAction();
  const [saved, setSaved] = useState(false);

  // The chair and the secretary come from the council itself; list them first.
  const candidates = [...(people.data ?? [])].sort(
    (a, b) => Number(b.roles.includes('member')) - Number(a.roles.includes('member')) || a.name.localeCompare(b.name, 'zh-CN'),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { title, date, startTime, place, chairId, secretaryId };
    const result = await action.run(
      meeting ? call('meeting:update', { meetingId: meeting.id, ...fields, status }) : call('meeting:create', { councilId, ...fields }),
    );
    if (!result.ok) return;
    setSaved(true);
    onSaved(result.value);
  };

  const personSelect = (value: number | null, onChange: (id: number | null) => void, label: string) => (
    <Field label={label}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{t('meeting.nobody')}</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
            {person.householdCode ? t('common.inParens', { text: person.householdCode }) : ''}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form className="form" onSubmit={submit}>
      <Field label={t('meeting.title')}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={80} autoFocus={!meeting} />
      </Field>
      <div className="form-row">
        <Field label={t('meeting.date')}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </Field>
        <Field label={t('meeting.startTime')}>
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} required />
        </Field>
      </div>
      <Field label={t('meeting.place')}>
        <input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={80} />
      </Field>
      <div className="form-row">
        {personSelect(chairId, setChairId, t('meeting.chair'))}
        {personSelect(secretaryId, setSecretaryId, t('meeting.secretary'))}
      </div>
      {meeting && (
        <Field label={t('meeting.status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus)}>
            {meetingStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {action.error && <ErrorNote message={action.error} />}
      {saved && !action.error && meeting && <p className="saved-note">{t('common.saved')}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {meeting ? t('common.save') : t('meetings.create')}
        </button>
      </div>
    </form>
  );
}
