import { useEffect, useState } from 'react';

export type Route =
  | { page: 'roster' }
  | { page: 'meetings' }
  | { page: 'meeting'; meetingId: number }
  | { page: 'check-in'; meetingId: number }
  | { page: 'vote'; meetingId: number }
  | { page: 'console'; meetingId: number }
  | { page: 'projector'; meetingId: number }
  | { page: 'settings' }
  | { page: 'wishes' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'projector' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'projector', meetingId: Number(parts[1]) };
  if (parts[0] === 'meetings' && parts[1] && /^\d+$/.test(parts[1])) {
    const meetingId = Number(parts[1]);
    if (parts[2] === 'check-in') return { page: 'check-in', meetingId };
    if (parts[2] === 'vote') return { page: 'vote', meetingId };
    if (parts[2] === 'console') return { page: 'console', meetingId };
    return { page: 'meeting', meetingId };
  }
  if (parts[0] === 'meetings') return { page: 'meetings' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'wishes') return { page: 'wishes' };
  return { page: 'roster' };
}

export function routeHref(route: Route): string {
  if (route.page === 'meeting') return `#/meetings/${route.meetingId}`;
  if (route.page === 'check-in') return `#/meetings/${route.meetingId}/check-in`;
  if (route.page === 'vote') return `#/meetings/${route.meetingId}/vote`;
  if (route.page === 'console') return `#/meetings/${route.meetingId}/console`;
  if (route.page === 'projector') return `#/projector/${route.meetingId}`;
  return `#/${route.page}`;
}

/** Hash routes keep every screen reachable by link in Electron (file://) and in a browser alike. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
