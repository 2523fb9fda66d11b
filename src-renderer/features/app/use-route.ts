import { useEffect, useState } from 'react';

export type Route =
  | { page: 'roster' }
  | { page: 'meetings' }
  | { page: 'meeting'; meetingId: number }
  | { page: 'check-in'; meetingId: number }
  | { page: 'vote'; meetingId: number }
  | { page: 'console'; meetingId: number }
  | { page: 'projector'; meetingId: number }
  | { page: 'minutes'; meetingId: number }
  | { page: 'sign'; meetingId: number }
  | { page: 'notice'; meetingId: number }
  | { page: 'settings' }
  | { page: 'wishes' }
  | { page: 'tasks' }
  | { page: 'dashboard' }
  | { page: 'results-notice' }
  | { page: 'compacts' }
  | { page: 'compact'; compactId: number }
  | { page: 'verify' }
  | { page: 'access' };

/** Meeting sub-pages: #/meetings/<id>/<sub>. */
const meetingPages = ['check-in', 'vote', 'console', 'minutes', 'sign', 'notice'] as const;
/** Pages without parameters: #/<page>. */
const plainPages = ['meetings', 'settings', 'wishes', 'tasks', 'dashboard', 'results-notice', 'compacts', 'verify', 'access'] as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'projector' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'projector', meetingId: Number(parts[1]) };
  if (parts[0] === 'meetings' && parts[1] && /^\d+$/.test(parts[1])) {
    const meetingId = Number(parts[1]);
    const sub = meetingPages.find((page) => page === parts[2]);
    return sub ? { page: sub, meetingId } : { page: 'meeting', meetingId };
  }
  if (parts[0] === 'compacts' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'compact', compactId: Number(parts[1]) };
  const plain = plainPages.find((page) => page === parts[0]);
  return plain ? { page: plain } : { page: 'roster' };
}

export function routeHref(route: Route): string {
  if (route.page === 'meeting') return `#/meetings/${route.meetingId}`;
  if (route.page === 'projector') return `#/projector/${route.meetingId}`;
  if (route.page === 'compact') return `#/compacts/${route.compactId}`;
  if ('meetingId' in route) return `#/meetings/${route.meetingId}/${route.page}`;
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
