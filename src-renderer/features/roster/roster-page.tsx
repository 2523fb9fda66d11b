import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import type { Household, Person } from '../../../shared/api/areas/roster';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { searchPeople } from '../../../shared/domain/roster/pinyin-search';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { HouseholdDialog } from './household-dialog';
import { ImportDialog } from './import-dialog';
import { PersonDialog } from './person-dialog';
import { FirstRunPath } from '../councils/first-run';

type Editing =
  | { kind: 'person'; person?: Person }
  | { kind: 'household'; household?: Household }
  | { kind: 'delete-person'; person: Person }
  | { kind: 'delete-household'; household: Household }
  | { kind: 'import' };

export function RosterPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const people = useQuery('person:list', { councilId: council.id });
  const households = useQuery('household:list', { councilId: council.id });
  const [tab, setTab] = useState<'people' | 'households'>('people');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const action = useAction(['person:list', 'household:list']);
  const done = () => {
    setEditing(null);
    action.setError(undefined);
  };

  const shownPeople = useMemo(() => searchPeople(people.data ?? [], query, 5000), [people.data, query]);
  const shownHouseholds = useMemo(() => {
    const text = query.trim();
    const all = households.data ?? [];
    return text ? all.filter((h) => h.code.startsWith(text) || h.code.includes(text)) : all;
  }, [households.data, query]);

  const exportXlsx = async () => {
    const result = await action.run(call('roster:exportXlsx', { councilId: council.id }));
    if (result.ok) downloadFile(result.value);
  };

  const remove = async () => {
    if (!editing) return;
    if (editing.kind !== 'delete-person' && editing.kind !== 'delete-household') return;
    const result = await action.run(
      editing.kind === 'delete-person'
        ? call('person:delete', { personId: editing.person.id })
        : call('household:delete', { householdId: editing.household.id }),
    );
    if (result.ok) done();
  };

  return (
    <section>
      <div className="page-header">
        <h1>{t('roster.title')}</h1>
        <div className="toolbar">
          <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'person' })}>
            {t('roster.addPerson')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'household' })}>
            {t('roster.addHousehold')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'import' })}>
            {t('roster.import')}
          </button>
          <button type="button" onClick={exportXlsx}>
            {t('roster.export')}
          </button>
        </div>
      </div>
      <FirstRunPath
        council={council}
        actions={{
          members: (
            <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'person' })}>
              {t('roster.addPerson')}
            </button>
          ),
          roster: (
            <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'import' })}>
              {t('roster.import')}
            </button>
          ),
        }}
      />

      <div className="search-row">
        <input
          type="search"
          className="search"
          placeholder={t('roster.searchPlaceholder')}
          aria-label={t('roster.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoFocus
        />
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'people'} onClick={() => setTab('people')}>
            {t('roster.people')}{t('common.inParens', { text: people.data?.length ?? 0 })}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'households'} onClick={() => setTab('households')}>
            {t('roster.households')}{t('common.inParens', { text: households.data?.length ?? 0 })}
          </button>
        </div>
      </div>
      {(action.error ?? people.error?.message ?? households.error?.message) && (
        <ErrorNote message={action.error ?? people.error?.message ?? households.error?.message ?? ''} />
      )}

      {tab === 'people' ? (
        <table className="table" aria-label={t('roster.people')}>
          <thead>
            <tr>
              <th>{t('person.name')}</th>
              <th>{t('person.household')}</th>
              <th>{t('person.roles')}</th>
              <th>{t('person.phone')}</th>
              <th className="actions-cell">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shownPeople.map((person) => (
              <tr key={person.id}>
                <td className="name-cell">{person.name}</td>
                <td>{person.householdCode ?? t('person.noHousehold')}</td>
                <td>{person.roles.map((role) => t(`role.${role}`)).join('、')}</td>
                <td>{person.phone}</td>
                <td className="actions-cell">
                  <button type="button" onClick={() => setEditing({ kind: 'person', person })}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setEditing({ kind: 'delete-person', person })}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="table" aria-label={t('roster.households')}>
          <thead>
            <tr>
              <th>{t('household.code')}</th>
              <th className="number-cell">{t('household.area')}</th>
              <th>{t('household.tenure')}</th>
              <th>{t('household.owners')}</th>
              <th className="number-cell">{t('household.members')}</th>
              <th className="actions-cell">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shownHouseholds.map((household) => (
              <tr key={household.id}>
                <td className="name-cell">{household.code}</td>
                <td className="number-cell">{household.areaCenti === null ? '—' : formatCentiArea(household.areaCenti)}</td>
                <td>{t(`tenure.${household.tenure}`)}</td>
                <td>{household.owners.map((owner) => owner.name).join('、')}</td>
                <td className="number-cell">{household.memberCount}</td>
                <td className="actions-cell">
                  <button type="button" onClick={() => setEditing({ kind: 'household', household })}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => setEditing({ kind: 'delete-household', household })}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {people.data && shownPeople.length === 0 && tab === 'people' && <p className="empty">{t('roster.nothingFound')}</p>}

      {editing?.kind === 'person' && (
        <PersonDialog
          councilId={council.id}
          person={editing.person}
          households={households.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      )}
      {editing?.kind === 'household' && (
        <HouseholdDialog councilId={council.id} household={editing.household} onClose={() => setEditing(null)} onSaved={done} />
      )}
      {editing?.kind === 'import' && <ImportDialog councilId={council.id} onClose={() => setEditing(null)} onImported={done} />}
      {(editing?.kind === 'delete-person' || editing?.kind === 'delete-household') && (
        <ConfirmDialog
          title={editing.kind === 'delete-person' ? t('person.deleteTitle') : t('household.deleteTitle')}
          message={
            editing.kind === 'delete-person'
              ? t('person.deleteMessage', { name: editing.person.name })
              : t('household.deleteMessage', { code: editing.household.code })
          }
          confirmLabel={t('common.delete')}
          onConfirm={remove}
          onCancel={() => {
            setEditing(null);
            action.setError(undefined);
          }}
          error={action.error}
        />
      )}
    </section>
  );
}
