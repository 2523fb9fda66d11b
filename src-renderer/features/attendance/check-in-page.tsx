import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceChange, AttendanceEntry } from '../../../shared/api/areas/attendance';
import { patchAbsent, patchSheet } from '../../../shared/domain/attendance/patch';
import type { Council } from '../../../shared/api/areas/councils';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { usePatch, useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import type { PickedPerson } from '../../components/person-picker';
import { SignatureDialog } from '../../components/signature-dialog';
import { PageTitle } from '../../components/page-title';
import { AbsentList } from './absent-list';
import { doorAreas } from './door-areas';
import { clockTime as time } from './clock';
import { PaperSignIn } from './paper-sign-in';
import { ProxyPanel } from './proxy-panel';

/** How many matches the door shows for what was typed. */
const shownMatches = 8;

/**
 * The door: find an arriving resident by pinyin initials, name or household, sign
 * them in with one tap (and a signature if the council asks), record proxies, and
 * see at every moment how many are present and which households have not come yet; when the laptop
 * fails, print the sheet and enter the paper signatures afterwards. The roster is searched on the host
 * (person:search), never loaded whole: a door volunteer's phone gets the few people
 * it looks for, without phone numbers.
 */
export function CheckInPage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId });
  const settings = useQuery('council:getSettings', { councilId: council.id });
  // Kept current from the answers of this page's own taps; other devices' taps load it again.
  const loaded = useQuery('attendance:get', { meetingId }, { live: true, patchedFrom: doorAreas });
  const [query, setQuery] = useState('');
  const [signing, setSigning] = useState<PickedPerson | null>(null);
  const searched = useQuery('person:search', query.trim() ? { councilId: council.id, query: query.trim(), limit: shownMatches } : null);
  const action = useAction();
  const patch = usePatch();
  const [notice, setNotice] = useState('');
  // Whom the last 签到 was for, said in full (name and household), with 撤销 for the wrong one.
  const [signedIn, setSignedIn] = useState<PickedPerson | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  // Back to the search box with what was typed selected: the next name replaces it.
  const backToSearch = () => {
    searchBox.current?.focus();
    searchBox.current?.select();
  };
  // What is typed now, for an answer that arrives after the volunteer has typed on.
  const typed = useRef(query);
  typed.current = query;
  /**
   * Sends a tap, back to the search box at once (with what was typed selected, so the next name
   * replaces it even before the host answers); when the answer comes, the box is selected again
   * only if nobody has typed a new name meanwhile.
   */
  const tap = <T,>(work: Promise<ApiResult<T>>, then: (result: ApiResult<T>) => void) => {
    const before = typed.current;
    backToSearch();
    void action.run(work).then((result) => {
      then(result);
      if (typed.current === before) backToSearch();
    });
  };

  const current = loaded.data;
  const byPerson = useMemo(() => new Map((current?.entries ?? []).map((e) => [e.personId, e])), [current]);
  // Only the matches of what is typed now: while a new search loads, the last one's rows (someone
  // just signed in, whose button is now 离场) are not there to be tapped by mistake.
  const found: PickedPerson[] = query.trim() && !searched.stale ? (searched.data ?? []) : [];

  // A tap answers with what it changed: the sheet and the absent list are patched, not read again.
  const patchFrom = (change: AttendanceChange) => {
    const proxies = current?.proxies;
    patch('attendance:get', { meetingId }, (sheet) => patchSheet(sheet, change));
    patch('attendance:absent', { meetingId }, (absent) => (proxies ? patchAbsent(absent, change, proxies) : null));
  };

  const apply = async (work: Promise<ApiResult<AttendanceChange>>, done: string) => {
    const result = await action.run(work);
    if (result.ok) {
      patchFrom(result.value);
      setSignedIn(null);
      setNotice(done);
    }
    return result.ok;
  };

  const signIn = (person: PickedPerson, signaturePngBase64: string | null = null) => {
    if (settings.data?.requireSignature && !signaturePngBase64 && !person.roles.includes('observer')) {
      setSigning(person);
      return;
    }
    const fresh = !byPerson.has(person.id);
    tap(call('attendance:checkIn', { meetingId, personId: person.id, signaturePngBase64 }), (result) => {
      if (!result.ok) return;
      patchFrom(result.value);
      setNotice('');
      setSignedIn(fresh ? person : null);
      if (!fresh) setNotice(t('checkIn.signedIn', { name: person.name }));
    });
  };

  const undo = (person: PickedPerson) =>
    tap(call('attendance:undoCheckIn', { meetingId, personId: person.id }), (result) => {
      if (!result.ok) return;
      patchFrom(result.value);
      setSignedIn(null);
      setNotice(t('checkIn.undone', { name: person.name }));
    });

  // Enter in the search box: one match is signed in; with several, the keyboard goes to the first.
  const onSearchKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || found.length === 0) return;
    event.preventDefault();
    const only = found.length === 1 ? found[0] : undefined;
    if (only && (!byPerson.get(only.id) || byPerson.get(only.id)?.leftAt)) signIn(only);
    else results.current?.querySelector('button')?.focus();
  };
  const several = found.length > 1;

  const status = (entry: AttendanceEntry | undefined) =>
    !entry ? t('checkIn.notYet') : entry.leftAt ? t('checkIn.left', { time: time(entry.leftAt) }) : t('checkIn.arrived', { time: time(entry.arrivedAt) });

  return (
    <section className="check-in">
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={meeting.data?.title ?? t('meetings.title')} title={t('checkIn.title')} />
        <div className="toolbar">
          <a className="button" href={`#/meetings/${meetingId}/sign-in-sheet`}>
            {t('checkIn.printSheet')}
          </a>
          <a className="button" href={`#/meetings/${meetingId}/sign-in-roster`}>
            {t('checkIn.printRoster')}
          </a>
        </div>
      </div>
      {current && (
        <div className="attendance-summary" role="status" aria-label={t('checkIn.summary')}>
          <span>
            <strong>{current.present}</strong> {t('checkIn.present')}
          </span>
          <span>
            <strong>
              {current.householdsRepresented}/{current.householdsTotal}
            </strong>{' '}
            {t('checkIn.households')}
          </span>
          <span>
            <strong>
              {current.membersPresent}/{current.membersTotal}
            </strong>{' '}
            {t('checkIn.members')}
          </span>
          <span>
            <strong>{current.observers}</strong> {t('checkIn.observers')}
          </span>
        </div>
      )}
      {action.error && <ErrorNote message={action.error} />}
      <div className="check-in-confirm" role="status" aria-label={t('checkIn.confirm')}>
        {signedIn && (
          <p className="saved-note">
            {t('checkIn.signedInWhom', { name: signedIn.name, household: signedIn.householdCode ?? t('person.noHousehold') })}
            {' · '}
            <button type="button" className="button-quiet" onClick={() => undo(signedIn)}>
              {t('checkIn.undo')}
            </button>
          </p>
        )}
        {notice && <p className="saved-note">{notice}</p>}
      </div>
      <div className="two-columns">
        <div className="panel">
          <input
            type="search"
            className="search"
            aria-label={t('checkIn.search')}
            placeholder={t('roster.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
            ref={searchBox}
            autoFocus
          />
          <ul ref={results} className="check-in-results" aria-label={t('checkIn.results')}>
            {found.map((person) => {
              const entry = byPerson.get(person.id);
              const inRoom = entry && !entry.leftAt;
              return (
                <li key={person.id} className="check-in-row">
                  <div>
                    <div className="name-cell">
                      {person.name}
                      {/* Two of the same initials are told apart by their household, as large as the name. */}
                      {several && <span className="household-code"> {person.householdCode ?? t('person.noHousehold')}</span>}
                    </div>
                    <div className="muted">
                      {!several && `${person.householdCode ?? t('person.noHousehold')} · `}
                      {status(entry)}
                    </div>
                  </div>
                  {inRoom ? (
                    <button
                      type="button"
                      onClick={() => {
                        setSignedIn(null);
                        void apply(call('attendance:checkOut', { meetingId, personId: person.id }), t('checkIn.checkedOut', { name: person.name }));
                      }}
                    >
                      {t('checkIn.checkOut')}
                    </button>
                  ) : (
                    <button type="button" className="button-primary button-large" onClick={() => signIn(person)}>
                      {entry ? t('checkIn.return') : t('checkIn.signIn')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <ProxyPanel
            councilId={council.id}
            meetingId={meetingId}
            proxies={current?.proxies ?? []}
            writtenRequired={settings.data?.requireWrittenProxy ?? false}
            apply={apply}
          />
        </div>
        <div className="panel">
          <h2>{t('checkIn.inRoom')}</h2>
          <table className="table" aria-label={t('checkIn.inRoom')}>
            <thead>
              <tr>
                <th>{t('person.name')}</th>
                <th>{t('person.household')}</th>
                <th>{t('checkIn.time')}</th>
              </tr>
            </thead>
            <tbody>
              {[...(current?.entries ?? [])].reverse().map((entry) => (
                <tr key={entry.personId} className={entry.leftAt ? 'row-left' : undefined}>
                  <td className="name-cell">
                    {entry.name} {entry.observer && <span className="tag">{t('role.observer')}</span>}
                    {entry.onPaper && <span className="tag tag-paper">{t('checkIn.paper')}</span>}
                  </td>
                  <td>{entry.householdCode ?? '—'}</td>
                  <td>{status(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="two-columns">
        <AbsentList meetingId={meetingId} />
        {meeting.data && <PaperSignIn councilId={council.id} meetingId={meetingId} startTime={meeting.data.startTime} apply={apply} />}
      </div>
      {signing && (
        <SignatureDialog
          name={signing.name}
          onCancel={() => setSigning(null)}
          onDone={(png) => {
            const person = signing;
            setSigning(null);
            signIn(person, png);
          }}
        />
      )}
    </section>
  );
}
