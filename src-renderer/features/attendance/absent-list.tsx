import { useTranslation } from 'react-i18next';
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
            <details key={building.building} aria-label={t('checkIn.absentBuilding', { building: building.building })}>
              <summary>
                <strong>{t('checkIn.absentBuilding', { building: building.building })}</strong>
                {' · '}
                {t('checkIn.absentHouseholds', { count: building.households.length })}
              </summary>
              <ul>
                {building.households.map((household) => (
                  <li key={household.householdId}>
                    <span className="household-code">{household.code}</span> {household.names.join(t('checkIn.namesJoin'))}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
