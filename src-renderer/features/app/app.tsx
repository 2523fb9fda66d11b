import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/use-query';
import { ErrorNote } from '../../components/dialog';
import { setLanguage } from '../../i18n';
import { ConsolePage } from '../console/console-page';
import { CheckInPage } from '../attendance/check-in-page';
import { CouncilForm } from '../council/council-form';
import { CouncilSettings } from '../council/council-settings';
import { MeetingEditor } from '../meetings/meeting-editor';
import { MeetingsPage } from '../meetings/meetings-page';
import { RecoveryScreen } from '../recovery/recovery-screen';
import { VotePage } from '../voting/vote-page';
import { ProjectorView } from '../projector/projector-view';
import { WishesPage } from '../wishes/wishes-page';
import { RosterPage } from '../roster/roster-page';
import { MinutesPage } from '../minutes/minutes-page';
import { SignPage } from '../seals/sign-page';
import { VerifyPage } from '../seals/verify-page';
import { NoticePage } from '../followup/notice-page';
import { ResultsNoticePage } from '../followup/results-notice-page';
import { TasksPage } from '../followup/tasks-page';
import { DashboardPage } from '../followup/dashboard-page';
import { CompactsPage } from '../compacts/compacts-page';
import { CompactPage } from '../compacts/compact-page';
import { AccessPage } from '../access/access-page';
import { routeHref, useRoute, type Route } from './use-route';

const councilKey = 'courtyard.councilId';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const recovery = useQuery('recovery:status', {});
  const councils = useQuery('council:list', {});
  const [councilId, setCouncilId] = useState<number | null>(() => Number(localStorage.getItem(councilKey)) || null);

  const list = councils.data ?? [];
  const current = list.find((c) => c.id === councilId) ?? list[0];
  useEffect(() => {
    if (current && current.id !== councilId) setCouncilId(current.id);
  }, [current, councilId]);
  useEffect(() => {
    document.title = current ? `${current.name} · ${t('app.title')}` : t('app.title');
  }, [current, t]);

  const choose = (id: number) => {
    localStorage.setItem(councilKey, String(id));
    setCouncilId(id);
  };

  const nav: Array<{ route: Route; label: string }> = [
    { route: { page: 'roster' }, label: t('nav.roster') },
    { route: { page: 'meetings' }, label: t('nav.meetings') },
    { route: { page: 'wishes' }, label: t('nav.wishes') },
    { route: { page: 'tasks' }, label: t('nav.tasks') },
    { route: { page: 'compacts' }, label: t('nav.compacts') },
    { route: { page: 'dashboard' }, label: t('nav.dashboard') },
    { route: { page: 'settings' }, label: t('nav.settings') },
  ];
  const active = ['meeting', 'check-in', 'vote', 'console', 'minutes', 'sign', 'notice'].includes(route.page)
    ? 'meetings'
    : route.page === 'compact'
      ? 'compacts'
      : ['verify', 'access'].includes(route.page)
        ? 'settings'
        : route.page === 'results-notice'
          ? 'tasks'
          : route.page;

  // The projector is the room's view: no menus, nothing but the meeting.
  if (route.page === 'projector') return <ProjectorView meetingId={route.meetingId} />;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            议
          </span>
          <span>{t('app.title')}</span>
        </div>
        {list.length > 1 && (
          <select
            className="council-picker"
            aria-label={t('council.choose')}
            value={current?.id}
            onChange={(event) => choose(Number(event.target.value))}
          >
            {list.map((council) => (
              <option key={council.id} value={council.id}>
                {council.name}
              </option>
            ))}
          </select>
        )}
        {list.length === 1 && current && <span className="council-name">{current.name}</span>}
        <nav className="nav" aria-label={t('nav.label')}>
          {nav.map((item) => (
            <a key={item.route.page} href={routeHref(item.route)} aria-current={active === item.route.page ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <button
          type="button"
          className="button-quiet language"
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {i18n.language === 'en' ? '中文' : 'English'}
        </button>
      </header>
      <main className="content">
        {recovery.data?.damaged && (
          <RecoveryScreen
            status={recovery.data}
            onRestored={() => {
              recovery.reload();
              councils.reload();
            }}
          />
        )}
        {councils.error && !recovery.data?.damaged && <ErrorNote message={councils.error.message} />}
        {councils.loading && !councils.data && <p className="muted">{t('common.loading')}</p>}
        {councils.data && !current && (
          <section className="welcome">
            <h1>{t('welcome.title')}</h1>
            <p>{t('welcome.text')}</p>
            <CouncilForm
              onSaved={(council) => {
                choose(council.id);
                councils.reload();
              }}
            />
          </section>
        )}
        {current && route.page === 'roster' && <RosterPage council={current} />}
        {current && route.page === 'meetings' && <MeetingsPage council={current} />}
        {current && route.page === 'meeting' && <MeetingEditor council={current} meetingId={route.meetingId} />}
        {current && route.page === 'wishes' && <WishesPage council={current} />}
        {current && route.page === 'console' && <ConsolePage council={current} meetingId={route.meetingId} />}
        {current && route.page === 'vote' && <VotePage meetingId={route.meetingId} />}
        {current && route.page === 'check-in' && <CheckInPage council={current} meetingId={route.meetingId} />}
        {current && route.page === 'minutes' && <MinutesPage council={current} meetingId={route.meetingId} />}
        {current && route.page === 'sign' && <SignPage council={current} meetingId={route.meetingId} />}
        {current && route.page === 'notice' && <NoticePage council={current} meetingId={route.meetingId} />}
        {current && route.page === 'results-notice' && <ResultsNoticePage council={current} />}
        {current && route.page === 'tasks' && <TasksPage council={current} />}
        {current && route.page === 'dashboard' && <DashboardPage council={current} />}
        {current && route.page === 'compacts' && <CompactsPage council={current} />}
        {current && route.page === 'compact' && <CompactPage council={current} compactId={route.compactId} />}
        {current && route.page === 'verify' && <VerifyPage council={current} />}
        {current && route.page === 'access' && <AccessPage council={current} />}
        {current && route.page === 'settings' && (
          <CouncilSettings
            council={current}
            onChanged={(council) => {
              choose(council.id);
              councils.reload();
            }}
          />
        )}
      </main>
    </div>
  );
}
