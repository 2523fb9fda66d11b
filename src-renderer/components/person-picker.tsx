import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/api/types';
import { searchPeople } from '../../shared/domain/pinyin-search';

interface PersonPickerProps {
  people: Person[];
  label: string;
  onPick: (person: Person) => void;
}

/** A small search-as-you-type chooser: pinyin initials, name or household number. */
export function PersonPicker({ people, label, onPick }: PersonPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useMemo(() => (query.trim() ? searchPeople(people, query, 6) : []), [people, query]);
  return (
    <div className="person-picker">
      <input
        type="search"
        aria-label={label}
        placeholder={t('roster.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {found.length > 0 && (
        <ul className="picker-results">
          {found.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(person);
                  setQuery('');
                }}
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
