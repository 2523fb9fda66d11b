import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './features/app/app';
import { WishPublicPage } from './features/wishes/wish-public-page';
import { Entry } from './features/access/entry';

// The residents' page (/wish?council=N) is a page of its own: no menus, no roster. Everything else
// goes through Entry: the whole app for this computer, a participant's page, or the join form (/join).
const publicCouncil = window.location.pathname === '/wish' ? Number(new URLSearchParams(window.location.search).get('council')) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>{publicCouncil ? <WishPublicPage councilId={publicCouncil} /> : <Entry app={<App />} />}</StrictMode>,
);
