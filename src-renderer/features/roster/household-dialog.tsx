import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/api/types';
import { formatCentiArea } from '../../../shared/domain/area';
import { tenures, type Tenure } from '../../../shared/domain/roles';
import { call } from '../../api/client';
import { Dialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { DialogFormActions } from '../../components/form-actions';

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
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { code, area, tenure, note };
    const result = household
      ? await call('household:update', { householdId: household.id, ...fields })
      : await call('household:create', { councilId, ...fields });
    if (result.ok) onSaved();
    else setError(result.error.message);
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
        <Field label={t('household.note')}>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </Field>
        {error && <ErrorNote message={error} />}
        <DialogFormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
