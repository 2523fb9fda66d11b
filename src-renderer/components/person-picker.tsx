import { useEffect, useMemo, useState } from 'react';
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
  // Enter pressed before that search answered: it takes this query's first match once it arrives
  // (typing on drops it), so typing "zgl" and Enter at speed works on the host as on the page.
  const [enterWaiting, setEnterWaiting] = useState(false);
  const pick = (person: P) => {
    onPick(person);
    setQuery('');
  };
  useEffect(() => {
    if (!enterWaiting || !settled) return;
    setEnterWaiting(false);
    if (found[0]) pick(found[0]);
    // `pick` is made anew each render; what decides is the answer arriving.
  }, [enterWaiting, settled, found]);
  return (
    <div className="person-picker">
      <input
        type="search"
        aria-label={label}
        placeholder={t('roster.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setEnterWaiting(false);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing || !query.trim()) return;
          event.preventDefault();
          if (!settled) setEnterWaiting(true);
          else if (found[0]) pick(found[0]);
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
