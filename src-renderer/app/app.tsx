import { Fragment, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Council } from '../../shared/api/areas/councils';
import { useQuery, useReload } from '../api/query';
import { AuditBanner } from '../components/audit-banner';
import { ErrorNote } from '../components/dialog';
import { PageTitleContext } from '../components/document-title';
import { PageLoading } from '../components/page-loading';
import { CouncilForm } from '../features/councils/council-form';
import { RecoveryScreen } from '../features/recovery/recovery-screen';
import { findRoute, sectionPaths, sections } from './routes';

const councilKey = 'courtyard.councilId';

/** The chair's app: the menu, the chosen council, and the page the address names (app/routes.tsx). */
export function App() {
  const { t } = useTranslation();
  const [location] = useHashLocation();
  const { route, params } = findRoute(location);
  const recovery = useQuery('recovery:status', {});
  const councils = useQuery('council:list', {});
  const reload = useReload();
  const [councilId, setCouncilId] = useState<number | null>(() => Number(localStorage.getItem(councilKey)) || null);

  const list = councils.data ?? [];
  const current = list.find((c) => c.id === councilId) ?? list[0];
  useEffect(() => {
    if (current && current.id !== councilId) setCouncilId(current.id);
  }, [current, councilId]);
  const [pageTitle, setPageTitle] = useState<string | null>(null);
  const sectionLabel = route.section ? t(`nav.${route.section}`) : null;
  useEffect(() => {
    const named = pageTitle ? [pageTitle] : [sectionLabel, current?.name].filter((part): part is string => Boolean(part));
    document.title = [...named, t('app.title')].join(' · ');
  }, [pageTitle, sectionLabel, current, t]);

  const choose = (id: number) => {
    localStorage.setItem(councilKey, String(id));
    setCouncilId(id);
  };
  const chooseCouncil = (council: Council) => {
    choose(council.id);
    councils.reload();
  };

  // The projector is the room's view: no menus, nothing but the meeting.
  if (route.section === null) return (
      <PageTitleContext.Provider value={setPageTitle}>
        <Suspense fallback={<PageLoading />}>{route.render(null, params)}</Suspense>
      </PageTitleContext.Provider>
    );

  return (
    <PageTitleContext.Provider value={setPageTitle}>
      <div className="app">
        <a
          className="skip-link"
          href="#main-content"
          onClick={(event) => {
            // The address after # is the route: move the keyboard without changing it.
            event.preventDefault();
            document.getElementById('main-content')?.focus();
          }}
        >
          {t('app.skipToMain')}
        </a>
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
            {sections.map((section) => (
              <a key={section} href={`#${sectionPaths[section]}`} aria-current={route.section === section ? 'page' : undefined}>
                {t(`nav.${section}`)}
              </a>
            ))}
          </nav>
        </header>
        <main className="content" id="main-content" tabIndex={-1}>
          <AuditBanner />
          {recovery.data?.damaged && (
            <RecoveryScreen
              status={recovery.data}
              onRestored={() => void reload(['recovery:status', 'council:list'])}
            />
          )}
          {councils.error && !recovery.data?.damaged && <ErrorNote message={councils.error.message} />}
          {councils.loading && !councils.data && <p className="muted">{t('common.loading')}</p>}
          {councils.data && !current && (
            <section className="welcome">
              <h1>{t('welcome.title')}</h1>
              <p>{t('welcome.text')}</p>
              <CouncilForm onSaved={chooseCouncil} />
            </section>
          )}
          {current && (
            <Fragment key={route.path}>
              <Suspense fallback={<PageLoading />}>{route.render({ council: current, chooseCouncil }, params)}</Suspense>
            </Fragment>
          )}
        </main>
      </div>
    </PageTitleContext.Provider>
  );
}
