import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household, Person } from '../../../shared/api/areas/roster';
import { normaliseHouseholdCode } from '../../../shared/domain/roster/household-code';
import { councilOfficers, personRoles, type PersonRole } from '../../../shared/domain/roster/roles';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { Dialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { DialogFormActions } from '../../components/form-actions';

interface PersonDialogProps {
  councilId: number;
  person: Person | undefined;
  households: Household[];
  onClose: () => void;
  onSaved: () => void;
}

export function PersonDialog({ councilId, person, households, onClose, onSaved }: PersonDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(person?.name ?? '');
  const [householdCode, setHouseholdCode] = useState(person?.householdCode ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [roles, setRoles] = useState<PersonRole[]>(person?.roles ?? []);
  const action = useAction(['person:list', 'household:list']);

  const toggle = (role: PersonRole) =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));
  // The host stores an officer as a member too; the box shows it and cannot be cleared while they are one.
  const officer = roles.some((role) => councilOfficers.includes(role));
  const checked = (role: PersonRole) => roles.includes(role) || (role === 'member' && officer);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let householdId: number | null = null;
    if (householdCode.trim()) {
      const code = normaliseHouseholdCode(householdCode);
      const household = code ? households.find((h) => h.code === code) : undefined;
      if (!household) {
        action.setError(t('person.unknownHousehold', { code: householdCode.trim() }));
        return;
      }
      householdId = household.id;
    }
    const fields = { name, householdId, phone, roles };
    const result = await action.run(
      person ? call('person:update', { personId: person.id, ...fields }) : call('person:create', { councilId, ...fields }),
    );
    if (result.ok) onSaved();
  };

  return (
    <Dialog title={person ? t('person.editTitle') : t('person.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <Field label={t('person.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={40} autoFocus />
        </Field>
        <Field label={t('person.household')} hint={t('person.householdHint')}>
          <input value={householdCode} onChange={(e) => setHouseholdCode(e.target.value)} list="household-codes" />
        </Field>
        <datalist id="household-codes">
          {households.map((h) => (
            <option key={h.id} value={h.code} />
          ))}
        </datalist>
        <Field label={t('person.phone')}>
          <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} />
        </Field>
        <fieldset className="checks">
          <legend>{t('person.roles')}</legend>
          {personRoles.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={checked(role)} disabled={role === 'member' && officer} onChange={() => toggle(role)} />
              {t(`role.${role}`)}
            </label>
          ))}
          {officer && <p className="muted">{t('person.officerIsMember')}</p>}
        </fieldset>
        {action.error && <ErrorNote message={action.error} />}
        <DialogFormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
