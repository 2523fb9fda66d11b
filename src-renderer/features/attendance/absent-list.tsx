import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsentHouseholds } from '../../../shared/api/areas/attendance';
import { useQuery } from '../../api/query';
import { doorAreas } from './door-areas';

/**
 * The households nobody has come for yet (未到), by building, for the volunteer at the door: a
 * count for each building, its households and their people one tap away. It follows every
 * sign-in, here (patched from the tap's answer) or on another device (read again).
 */
export function AbsentList({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  // The door patches it from its own taps' answers; other devices' taps load it again.
  const absent = useQuery('attendance:absent', { meetingId }, { live: true, patchedFrom: doorAreas });
  const data = absent.data;
  return (
    <section className="panel absent-list" aria-labelledby="absent-title">
      <h2 id="absent-title">{t('checkIn.absent')}</h2>
      {data && (
        <>
          <p role="status">
            {data.householdsAbsent === 0 ? t('checkIn.absentNone') : t('checkIn.absentCount', { absent: data.householdsAbsent, total: data.householdsTotal })}
          </p>
          {data.buildings.map((building) => (
            <AbsentBuilding key={building.building} building={building} />
          ))}
        </>
      )}
    </section>
  );
}

/**
 * One building's 未到 households, listed only while its line is open: a large estate's door keeps
 * thirty lines on the page, not three thousand, and a tap redraws only the building it changed
 * (the patch keeps every other building's list as it was).
 */
const AbsentBuilding = memo(function AbsentBuilding({ building }: { building: AbsentHouseholds['buildings'][number] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details aria-label={t('checkIn.absentBuilding', { building: building.building })} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <strong>{t('checkIn.absentBuilding', { building: building.building })}</strong>
        {' · '}
        {t('checkIn.absentHouseholds', { count: building.households.length })}
      </summary>
      {open && (
        <ul>
          {building.households.map((household) => (
            <li key={household.householdId}>
              <span className="household-code">{household.code}</span> {household.names.join(t('checkIn.namesJoin'))}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
});
