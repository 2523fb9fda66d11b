import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { chineseDate } from '../../../shared/domain/followup/dates';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import './compacts.css';

/** #/compacts: the council's compacts, with the version in force and how many households signed; a new one. */
export function CompactsPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const list = useQuery('compacts:list', { councilId: council.id }, { live: true });
  const [title, setTitle] = useState(`${council.name.replace(/议事会$/, '')}公约`);
  const action = useAction();

  const create = async () => {
    const result = await action.run(call('compacts:create', { councilId: council.id, title }));
    if (!result.ok) return;
    window.location.hash = `#/compacts/${result.value.id}`;
  };

  return (
    <section>
      <div className="page-header">
        <h1>{t('compacts.title')}</h1>
      </div>
      <p className="muted">{t('compacts.intro')}</p>
      <form
        className="panel compact-create"
        aria-label={t('compacts.create')}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label className="field">
          <span className="field-label">{t('compacts.name')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={60} required />
        </label>
        <button type="submit" className="button-primary button-large">
          {t('compacts.create')}
        </button>
      </form>
      {action.error && <ErrorNote message={action.error} />}
      {list.error && <ErrorNote message={list.error.message} />}
      {list.data && list.data.length === 0 && <p className="empty">{t('compacts.none')}</p>}
      <ul className="compact-list">
        {(list.data ?? []).map((compact) => (
          <li key={compact.id} className="panel">
            <a href={`#/compacts/${compact.id}`} className="compact-list-title">
              {compact.title}
            </a>
            <span className={compact.inForceVersion ? 'compact-status compact-status-adopted' : 'compact-status'}>
              {compact.inForceVersion
                ? t('compacts.inForce', { version: compact.inForceVersion, date: chineseDate(compact.adoptedAt!.slice(0, 10)) })
                : compact.latestVersion
                  ? t('compacts.draftOnly', { version: compact.latestVersion })
                  : t('compacts.empty')}
            </span>
            {compact.inForceVersion !== null && <span>{t('compacts.progress', { signed: compact.signed, total: compact.households })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
