import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from './i18n';
import './styles.css';
import { createQueryClient } from './api/query';
import { PageLoading } from './components/page-loading';
import { Entry } from './features/lan/entry';

// The chair's app and the residents' page load only where they are shown: a phone that joins a
// meeting or writes a matter never downloads the chair's screens.
const App = lazy(() => import('./app/app').then((module) => ({ default: module.App })));
const WishPublicPage = lazy(() => import('./features/wishes/wish-public-page').then((module) => ({ default: module.WishPublicPage })));

// The residents' page (/wish?council=N) is a page of its own: no menus, no roster. Everything else
// goes through Entry: the whole app for this computer, a participant's page, or the join form (/join).
const publicCouncil = window.location.pathname === '/wish' ? Number(new URLSearchParams(window.location.search).get('council')) : null;

// The strings of the language in use are loaded first: nothing is ever shown untranslated.
await startI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <Suspense fallback={<PageLoading />}>{publicCouncil ? <WishPublicPage councilId={publicCouncil} /> : <Entry app={<App />} />}</Suspense>
    </QueryClientProvider>
  </StrictMode>,
);
