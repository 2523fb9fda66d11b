import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilSettings } from '../../../shared/api/areas/councils';
import type { Meeting } from '../../../shared/api/areas/meetings';
import type { RoomVoteMode } from '../../../shared/api/areas/voting';
import { unitsWithoutOwnerVoter } from '../../../shared/domain/voting/electorate';
import { presetIds, presets, ruleUsesArea, type PresetId, type VotingRule } from '../../../shared/domain/voting/rules';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { startingVote } from './default-vote';
import { EntitledList } from './entitled-list';
import { RuleAdjuster } from './rule-adjuster';

const modes: RoomVoteMode[] = ['hands', 'roll_call', 'secret'];
const isPresetId = (value: string): value is PresetId => (presetIds as readonly string[]).includes(value);

/**
 * The chair calls a vote: which matter, how the room votes, and under which of the council's rules.
 * It starts from the council's saved default and the matter on, so the form waits for both: a choice
 * made before they arrived would be overwritten by them.
 */
export function OpenVoteForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const settings = useQuery('council:getSettings', { councilId: meeting.councilId });
  const onNow = useQuery('console:get', { meetingId: meeting.id });
  if ((!settings.data && !settings.error) || (!onNow.data && !onNow.error)) return <p className="muted">{t('common.loading')}</p>;
  return <OpenVoteFormBody meeting={meeting} saved={settings.data?.defaultVote ?? null} matterOn={onNow.data?.currentAgendaItemId ?? null} />;
}

/** Starts on the matter the console has on (the vote is usually about it), else the first. */
function OpenVoteFormBody({ meeting, saved, matterOn }: { meeting: Meeting; saved: CouncilSettings['defaultVote']; matterOn: number | null }) {
  const { t } = useTranslation();
  const start = startingVote(saved);
  const [itemId, setItemId] = useState<number | null>(meeting.agenda.find((item) => item.id === matterOn)?.id ?? meeting.agenda[0]?.id ?? null);
  const [mode, setMode] = useState<RoomVoteMode>(start.mode);
  const [preset, setPreset] = useState<PresetId>(isPresetId(start.rule.id) ? start.rule.id : 'residents-meeting');
  const [rule, setRuleState] = useState<VotingRule>(start.rule);
  // A show of hands cannot weigh area: under such a rule the form moves to a roll call (the host refuses hands anyway).
  const handsImpossible = ruleUsesArea(rule);
  const setRule = (next: VotingRule) => {
    setRuleState(next);
    if (ruleUsesArea(next) && mode === 'hands') setMode('roll_call');
  };
  const [makeDefault, setMakeDefault] = useState(false);
  const action = useAction(['vote:list']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const item = meeting.agenda.find((a) => a.id === itemId);
    const result = await action.run(
      call('vote:open', { meetingId: meeting.id, agendaItemId: item?.id ?? null, title: item?.title ?? meeting.title, mode, rule }),
    );
    // The default is the rule of a vote that opened: a refused vote changes nothing.
    if (result.ok && makeDefault) await action.run(call('council:setDefaultVote', { councilId: meeting.councilId, rule, mode }));
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
            <input type="radio" name="mode" checked={mode === value} disabled={value === 'hands' && handsImpossible} onChange={() => setMode(value)} />
            {t(`vote.modes.${value}`)}
          </label>
        ))}
      </fieldset>
      {handsImpossible && (
        <p className="muted" role="note">
          {t('vote.noHandsByArea')}
        </p>
      )}
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
      <EntitledList councilId={meeting.councilId} voterBasis={rule.voterBasis} />
      {rule.voterBasis === 'owners' && <OwnersGapNote councilId={meeting.councilId} />}
      {saved && <p className="muted">{t('vote.startsFromDefault')}</p>}
      <label className="check">
        <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} />
        {t('vote.makeDefault')}
      </label>
      {action.error && <ErrorNote message={action.error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('vote.open')}
        </button>
      </div>
    </form>
  );
}

/** How many codes the note names before it says "and N more". */
const codesShown = 8;

/**
 * Before an owners' vote: the rented units whose owners are not on record stay in the owner and
 * area totals the quorum is measured against (民法典第二百七十八条 counts every unit), but no one
 * in the room may vote for them. The chair should know before the vote opens, while the owners
 * can still be recorded in the roster.
 */
function OwnersGapNote({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const households = useQuery('household:list', { councilId }, { live: true });
  const missing = unitsWithoutOwnerVoter(households.data ?? []);
  if (!missing.length) return null;
  const codes = missing.slice(0, codesShown).map((unit) => unit.code).join(t('vote.codeSeparator'));
  return (
    <p className="warning-note" role="note">
      {t('vote.ownersMissing', { count: missing.length, codes: missing.length > codesShown ? t('vote.andMore', { codes, more: missing.length - codesShown }) : codes })}
    </p>
  );
}
