import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollHousehold, RollPerson } from '../../../shared/api/areas/attendance';
import type { Council } from '../../../shared/api/areas/councils';
import { chineseDate } from '../../../shared/domain/followup/dates';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { PageTitle } from '../../components/page-title';
import { clockTime } from './clock';
import './sign-in-sheet.css';

export type SheetKind = 'sheet' | 'roster';

/** Blank lines for people who come without being on the roster. */
const blankLines = 6;

/**
 * The door on paper, for when the laptop fails: the sign-in sheet (签到表: 户号, 姓名, 签字, 时间)
 * with a line to sign for everyone on the roster, or the attendance roster (到会名册) with roles and
 * a box to tick. Every household by building in the roster's household order, one building a page
 * on A4, each page headed with the council, the meeting and its date. Who had signed in when it was
 * printed shows their time, so nobody signs twice.
 */
export function SignInSheetPage({ council, meetingId, kind }: { council: Council; meetingId: number; kind: SheetKind }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId });
  const roll = useQuery('attendance:roll', { meetingId });
  const titles: Record<SheetKind, string> = { sheet: t('signInSheet.sheet'), roster: t('signInSheet.roster') };
  const title = titles[kind];
  const error = meeting.error ?? roll.error;
  if (error) return <ErrorNote message={error.message} />;
  if (!meeting.data || !roll.data) return <p className="muted">{t('common.loading')}</p>;
  const { title: meetingTitle, date, startTime, place } = meeting.data;

  /** Each page's head: the council, the meeting and its date; the first names the council as the sheet's heading. */
  const head = (first: boolean) => (
    <div className="sheet-head">
      {first ? <h2 className="sheet-council">{council.name}</h2> : <p className="sheet-council">{council.name}</p>}
      <p className="sheet-meeting">
        {meetingTitle} · {title}
      </p>
      <p className="sheet-when">
        {t('signInSheet.when', { date: chineseDate(date), time: startTime })}
        {place && <span> · {t('signInSheet.where', { place })}</span>}
      </p>
    </div>
  );
  const columns =
    kind === 'sheet'
      ? [t('signInSheet.household'), t('signInSheet.name'), t('signInSheet.signature'), t('signInSheet.time')]
      : [t('signInSheet.household'), t('signInSheet.name'), t('signInSheet.roles'), t('signInSheet.arrived')];
  const table = (body: ReactNode) => (
    <table className={`sheet-table sheet-${kind}`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );

  /** How someone already in when it was printed signed in. */
  const how = (person: RollPerson) => (person.onPaper ? t('signInSheet.onPaper') : t('signInSheet.signedAtDoor'));
  /** What the roster says of them. */
  const state = (person: RollPerson | undefined) => {
    if (!person?.arrivedAt) return null;
    return `${clockTime(person.arrivedAt)} ${how(person)}${person.leftAt ? t('common.inParens', { text: t('signInSheet.left') }) : ''}`;
  };
  const cells = (person: RollPerson | undefined) =>
    kind === 'sheet' ? (
      <>
        <td className="sheet-name">{person?.name ?? ''}</td>
        <td className="sheet-sign">{person?.arrivedAt ? how(person) : ''}</td>
        <td className="sheet-time">{person?.arrivedAt ? clockTime(person.arrivedAt) : ''}</td>
      </>
    ) : (
      <>
        <td className="sheet-name">{person?.name ?? ''}</td>
        <td className="sheet-roles">{person?.roles.map((role) => t(`role.${role}`)).join(t('checkIn.namesJoin'))}</td>
        <td className="sheet-arrived">{state(person) ?? <span className="sheet-box" aria-hidden="true" />}</td>
      </>
    );
  const householdRows = (household: RollHousehold) => {
    const people = household.people.length ? household.people : [undefined];
    return people.map((person, index) => (
      <tr key={person?.personId ?? `empty-${household.householdId}`} className={index === 0 ? 'sheet-first' : undefined}>
        {index === 0 && (
          <th scope="row" rowSpan={people.length} className="sheet-code">
            {household.code}
          </th>
        )}
        {cells(person)}
      </tr>
    ));
  };

  return (
    <section className="sign-in-sheet-page">
      <div className="page-header no-print">
        <PageTitle backHref={`#/meetings/${meetingId}/check-in`} backLabel={t('checkIn.title')} title={title} />
        <div className="toolbar">
          <nav className="tabs" aria-label={t('signInSheet.kinds')}>
            {(['sheet', 'roster'] as const).map((other) => (
              <a
                key={other}
                className={other === kind ? 'button button-primary' : 'button'}
                aria-current={other === kind ? 'page' : undefined}
                href={`#/meetings/${meetingId}/${other === 'sheet' ? 'sign-in-sheet' : 'sign-in-roster'}`}
              >
                {titles[other]}
              </a>
            ))}
          </nav>
          <button type="button" className="button-primary" onClick={() => window.print()}>
            {t('signInSheet.print')}
          </button>
        </div>
      </div>
      <p className="muted no-print">{kind === 'sheet' ? t('signInSheet.help') : t('signInSheet.rosterHelp')}</p>
      <section className="sign-sheet" aria-label={title}>
        {roll.data.buildings.map((building, index) => (
          <div key={building.building} className="sheet-building">
            {head(index === 0)}
            <h3 className="sheet-building-title">{t('signInSheet.buildingCount', { building: building.building, count: building.households.length })}</h3>
            {table(building.households.flatMap(householdRows))}
          </div>
        ))}
        <div className="sheet-building">
          {head(roll.data.buildings.length === 0)}
          <h3 className="sheet-building-title">{t('signInSheet.others')}</h3>
          {table(
            <>
              {roll.data.withoutHousehold.map((person) => (
                <tr key={person.personId}>
                  <td className="sheet-code">—</td>
                  {cells(person)}
                </tr>
              ))}
              {Array.from({ length: blankLines }, (_, index) => (
                <tr key={`blank-${index}`}>
                  <td className="sheet-code" />
                  {cells(undefined)}
                </tr>
              ))}
            </>,
          )}
        </div>
      </section>
    </section>
  );
}
