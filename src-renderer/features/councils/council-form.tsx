import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import type { Council } from '../../../shared/api/areas/councils';
import { processTemplateIds, processTemplates, type ProcessTemplateId } from '../../../shared/domain/process/templates';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

interface CouncilFormProps {
  council?: Council;
  onSaved: (council: Council) => void;
}

/** Creates a council, or edits one when `council` is given. */
export function CouncilForm({ council, onSaved }: CouncilFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(council?.name ?? '');
  const [community, setCommunity] = useState(council?.community ?? '');
  const [address, setAddress] = useState(council?.address ?? '');
  const [processTemplate, setProcessTemplate] = useState<ProcessTemplateId>(council?.processTemplate ?? 'six-step');
  const action = useAction();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { name, community, address, processTemplate };
    const result = await action.run(council ? call('council:update', { councilId: council.id, ...fields }) : call('council:create', fields));
    if (!result.ok) return;
    setSaved(true);
    onSaved(result.value);
  };

  return (
    <form className="form" onSubmit={submit}>
      <Field label={t('council.name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
      </Field>
      <Field label={t('council.community')}>
        <input value={community} onChange={(e) => setCommunity(e.target.value)} maxLength={60} />
      </Field>
      <Field label={t('council.address')}>
        <input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={120} />
      </Field>
      <Field label={t('council.process')} hint={processTemplates[processTemplate].steps.join(' → ')}>
        <select value={processTemplate} onChange={(e) => setProcessTemplate(e.target.value as ProcessTemplateId)}>
          {processTemplateIds.map((id) => (
            <option key={id} value={id}>
              {processTemplates[id].name}
            </option>
          ))}
        </select>
      </Field>
      {action.error && <ErrorNote message={action.error} />}
      {saved && !action.error && council && <p className="saved-note">{t('common.saved')}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {council ? t('common.save') : t('council.create')}
        </button>
      </div>
    </form>
  );
}
