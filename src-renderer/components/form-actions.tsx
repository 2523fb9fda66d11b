import { useTranslation } from 'react-i18next';

/** Cancel and save at the foot of a dialog's form. */
export function DialogFormActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button-primary">
        {t('common.save')}
      </button>
    </div>
  );
}
