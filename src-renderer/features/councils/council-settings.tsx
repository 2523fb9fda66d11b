import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { Dialog } from '../../components/dialog';
import { AttendanceSettings } from './attendance-settings';
import { AuditCheck } from './audit-check';
import { BackupsPanel } from '../backup/backups-panel';
import { CouncilForm } from './council-form';
import { ProcessSettingsForm } from './process-settings';
import { LetterShortcutsSwitch } from '../console/letter-shortcuts';
import { LanguageSetting } from './language-setting';

export function CouncilSettings({ council, onChanged }: { council: Council; onChanged: (council: Council) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section>
      <div className="page-header">
        <h1>{t('council.settings')}</h1>
        <button type="button" onClick={() => setAdding(true)}>
          {t('council.add')}
        </button>
      </div>
      <CouncilForm key={council.id} council={council} onSaved={onChanged} />
      <AttendanceSettings key={`attendance-${council.id}`} councilId={council.id} />
      <ProcessSettingsForm key={`process-${council.id}-${council.processTemplate}`} councilId={council.id} />
      <section className="section-title" aria-label={t('process.keys.title')}>
        <h2>{t('process.keys.title')}</h2>
        <LetterShortcutsSwitch />
        <p className="field-hint">{t('process.keys.lettersHint')}</p>
      </section>
      <LanguageSetting />
      <p>
        <a className="button" href="#/access">
          {t('access.linkFromSettings')}
        </a>
      </p>
      <BackupsPanel key={`backups-${council.id}`} council={council} onImported={onChanged} />
      <AuditCheck />
      {adding && (
        <Dialog title={t('council.add')} onClose={() => setAdding(false)}>
          <CouncilForm
            onSaved={(created) => {
              setAdding(false);
              onChanged(created);
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
