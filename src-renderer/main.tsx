import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { createQueryClient } from './api/query';
import { App } from './app/app';
import { Entry } from './features/lan/entry';
import { WishPublicPage } from './features/wishes/wish-public-page';

// The residents' page (/wish?council=N) is a page of its own: no menus, no roster. Everything else
// goes through Entry: the whole app for this computer, a participant's page, or the join form (/join).
const publicCouncil = window.location.pathname === '/wish' ? Number(new URLSearchParams(window.location.search).get('council')) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      {publicCouncil ? <WishPublicPage councilId={publicCouncil} /> : <Entry app={<App />} />}
    </QueryClientProvider>
  </StrictMode>,
);
