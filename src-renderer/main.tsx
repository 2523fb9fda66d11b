import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './features/app/app';
import { WishPublicPage } from './features/wishes/wish-public-page';

// The residents' page (/wish?council=N) is a page of its own: no menus, no roster.
const publicCouncil = window.location.pathname === '/wish' ? Number(new URLSearchParams(window.location.search).get('council')) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>{publicCouncil ? <WishPublicPage councilId={publicCouncil} /> : <App />}</StrictMode>,
);
