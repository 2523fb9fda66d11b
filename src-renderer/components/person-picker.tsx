import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/api/areas/roster';
import { searchPeople } from '../../shared/domain/roster/pinyin-search';
import { useQuery } from '../api/query';

/** Someone to pick, as a search answers (the door's search carries no phone numbers). */
export type PickedPerson = Pick<Person, 'id' | 'name' | 'householdCode' | 'roles' | 'pinyinInitials' | 'pinyinFull'>;

type PersonPickerProps<P extends PickedPerson> = {
  label: string;
  onPick: (person: P) => void;
} & (
  | {
      /** Searched on this page (the chair has the roster loaded already). */
      people: P[];
    }
  | {
      /** Searched on the host (person:search): the door never loads the whole roster. */
      councilId: number;
    }
);

/**
 * A small search-as-you-type chooser: pinyin initials, name or household number. Enter takes the
 * first match, so the chair can type "hzp" and Enter without reaching for the mouse.
 */
export function PersonPicker<P extends PickedPerson>(props: PersonPickerProps<P>) {
  const { label, onPick } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const people = 'people' in props ? props.people : null;
  const onHost = useQuery('person:search', 'councilId' in props && query.trim() ? { councilId: props.councilId, query: query.trim(), limit: 6 } : null);
  const found = useMemo(
    (): P[] => (!query.trim() ? [] : people ? searchPeople(people, query, 6) : onHost.stale ? [] : ((onHost.data ?? []) as PickedPerson[] as P[])),
    [people, query, onHost.data, onHost.stale],
  );
  // A search on the host still under way shows nothing yet: Enter must not take the previous query's first.
  const settled = people !== null || !onHost.loading;
  const pick = (person: P) => {
    onPick(person);
    setQuery('');
  };
  return (
    <div className="person-picker">
      <input
        type="search"
        aria-label={label}
        placeholder={t('roster.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing || !settled || !found[0]) return;
          event.preventDefault();
          pick(found[0]);
        }}
      />
      {query.trim() !== '' && settled && found.length === 0 && (
        <p className="muted" role="status">
          {t('roster.nothingFound')}
        </p>
      )}
      {found.length > 0 && (
        <ul className="picker-results">
          {found.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                onClick={() => pick(person)}
              >
                {person.name} <span className="muted">{person.householdCode ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
