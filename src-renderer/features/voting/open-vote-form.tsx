import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, VoteMode } from '../../../shared/api/types';
import { presetIds, presets, type PresetId, type VotingRule } from '../../../shared/domain/voting/rules';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { RuleAdjuster } from './rule-adjuster';

const modes: VoteMode[] = ['hands', 'roll_call', 'secret'];

/** The chair calls a vote: which matter, how the room votes, and under which of the council's rules. */
export function OpenVoteForm({ meeting, onOpened }: { meeting: Meeting; onOpened: () => void }) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState<number | null>(meeting.agenda[0]?.id ?? null);
  const [mode, setMode] = useState<VoteMode>('hands');
  const [preset, setPreset] = useState<PresetId>('residents-meeting');
  const [rule, setRule] = useState<VotingRule>(presets['residents-meeting']);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const item = meeting.agenda.find((a) => a.id === itemId);
    const result = await call('vote:open', {
      meetingId: meeting.id,
      agendaItemId: item?.id ?? null,
      title: item?.title ?? meeting.title,
      mode,
      rule,
    });
    if (result.ok) onOpened();
    else setError(result.error.message);
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t('vote.openTitle')}>
      <h2>{t('vote.openTitle')}</h2>
      <Field label={t('vote.matter')}>
        <select value={itemId ?? ''} onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : null)}>
          {meeting.agenda.map((item, index) => (
            <option key={item.id} value={item.id}>
              {index + 1}. {item.title}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="checks">
        <legend>{t('vote.mode')}</legend>
        {modes.map((value) => (
          <label key={value} className="check">
            <input type="radio" name="mode" checked={mode === value} onChange={() => setMode(value)} />
            {t(`vote.modes.${value}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('vote.rule')} hint={presets[preset].legalBasis ?? t('vote.ownRule')}>
        <select
          value={preset}
          onChange={(e) => {
            const id = e.target.value as PresetId;
            setPreset(id);
            setRule(presets[id]);
          }}
        >
          {presetIds.map((id) => (
            <option key={id} value={id}>
              {presets[id].name}
            </option>
          ))}
        </select>
      </Field>
      <RuleAdjuster rule={rule} onChange={setRule} />
      {error && <ErrorNote message={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('vote.open')}
        </button>
      </div>
    </form>
  );
}
