import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/api/areas/roster';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { tenures, type Tenure } from '../../../shared/domain/roster/roles';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { Dialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { DialogFormActions } from '../../components/form-actions';
import { PersonPicker } from '../../components/person-picker';

interface HouseholdDialogProps {
  councilId: number;
  household: Household | undefined;
  onClose: () => void;
  onSaved: () => void;
}

export function HouseholdDialog({ councilId, household, onClose, onSaved }: HouseholdDialogProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState(household?.code ?? '');
  const [area, setArea] = useState(household?.areaCenti == null ? '' : formatCentiArea(household.areaCenti));
  const [tenure, setTenure] = useState<Tenure>(household?.tenure ?? 'owner');
  const [note, setNote] = useState(household?.note ?? '');
  const [owners, setOwners] = useState<Household['owners']>(household?.owners ?? []);
  const action = useAction(['person:list', 'household:list']);
  const people = useQuery('person:list', { councilId });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { code, area, tenure, note, ownerIds: owners.map((owner) => owner.id) };
    const result = await action.run(
      household ? call('household:update', { householdId: household.id, ...fields }) : call('household:create', { councilId, ...fields }),
    );
    if (result.ok) onSaved();
  };

  return (
    <Dialog title={household ? t('household.editTitle') : t('household.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <Field label={t('household.code')} hint={t('household.codeHint')}>
          <input value={code} onChange={(e) => setCode(e.target.value)} required autoFocus />
        </Field>
        <Field label={t('household.areaLabel')} hint={t('household.areaHint')}>
          <input value={area} onChange={(e) => setArea(e.target.value)} inputMode="decimal" />
        </Field>
        <fieldset className="checks">
          <legend>{t('household.tenure')}</legend>
          {tenures.map((value) => (
            <label key={value} className="check">
              <input type="radio" name="tenure" checked={tenure === value} onChange={() => setTenure(value)} />
              {t(`tenure.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks stacked">
          <legend>{t('household.owners')}</legend>
          <p className="muted">{t('household.ownersHint')}</p>
          {owners.length > 0 && (
            <ul className="owner-list" aria-label={t('household.owners')}>
              {owners.map((owner) => (
                <li key={owner.id}>
                  {owner.name}
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t('household.removeOwner', { name: owner.name })}
                    onClick={() => setOwners((previous) => previous.filter((other) => other.id !== owner.id))}
                  >
                    {t('household.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {people.data && (
            <PersonPicker
              people={people.data.filter((person) => !owners.some((owner) => owner.id === person.id))}
              label={t('household.addOwner')}
              onPick={(person) => setOwners((previous) => [...previous, { id: person.id, name: person.name }])}
            />
          )}
        </fieldset>
        <Field label={t('household.note')}>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </Field>
        {action.error && <ErrorNote message={action.error} />}
        <DialogFormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
