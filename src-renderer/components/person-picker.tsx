import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/api/areas/roster';
import { searchPeople } from '../../shared/domain/roster/pinyin-search';

interface PersonPickerProps {
  people: Person[];
  label: string;
  onPick: (person: Person) => void;
}

/**
 * A small search-as-you-type chooser: pinyin initials, name or household number. Enter takes the
 * first match, so the chair can type "hzp" and Enter without reaching for the mouse.
 */
export function PersonPicker({ people, label, onPick }: PersonPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useMemo(() => (query.trim() ? searchPeople(people, query, 6) : []), [people, query]);
  const pick = (person: Person) => {
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
          if (event.key !== 'Enter' || event.nativeEvent.isComposing || !found[0]) return;
          event.preventDefault();
          pick(found[0]);
        }}
      />
      {query.trim() !== '' && found.length === 0 && (
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
