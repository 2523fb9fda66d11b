import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonFormProps {
  /** Names the form for assistive technology and is its submit button's label. */
  action: string;
  reasonLabel: string;
  children?: ReactNode;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** An action that must say why (a re-vote, declining a resident's matter): the reason is kept in the record. */
export function ReasonForm({ action, reasonLabel, children, onSubmit, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="panel form"
      aria-label={action}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason);
      }}
    >
      {children}
      <label className="field">
        <span className="field-label">{reasonLabel}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
      </label>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button-primary">
          {action}
        </button>
      </div>
    </form>
  );
}
