import { lazy, type ReactNode } from 'react';
import { matchRoute } from 'wouter';
import type { Council } from '../../shared/api/areas/councils';

/**
 * Each page is its own chunk, loaded when its address is first opened: a phone at the door or in
 * the minutes loads that page and what it uses, never the whole app (app.tsx shows a quiet
 * placeholder while one loads). The names are the modules' own exports.
 */
const CheckInPage = lazy(() => import('../features/attendance/check-in-page').then((module) => ({ default: module.CheckInPage })));
const SignInSheetPage = lazy(() => import('../features/attendance/sign-in-sheet-page').then((module) => ({ default: module.SignInSheetPage })));
const CompactPage = lazy(() => import('../features/compacts/compact-page').then((module) => ({ default: module.CompactPage })));
const CompactsPage = lazy(() => import('../features/compacts/compacts-page').then((module) => ({ default: module.CompactsPage })));
const ConsolePage = lazy(() => import('../features/console/console-page').then((module) => ({ default: module.ConsolePage })));
const ProjectorView = lazy(() => import('../features/console/projector-view').then((module) => ({ default: module.ProjectorView })));
const CouncilSettings = lazy(() => import('../features/councils/council-settings').then((module) => ({ default: module.CouncilSettings })));
const DashboardPage = lazy(() => import('../features/followup/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const NoticePage = lazy(() => import('../features/followup/notice-page').then((module) => ({ default: module.NoticePage })));
const ResultsNoticePage = lazy(() => import('../features/followup/results-notice-page').then((module) => ({ default: module.ResultsNoticePage })));
const TasksPage = lazy(() => import('../features/followup/tasks-page').then((module) => ({ default: module.TasksPage })));
const AccessPage = lazy(() => import('../features/lan/access-page').then((module) => ({ default: module.AccessPage })));
const MeetingEditor = lazy(() => import('../features/meetings/meeting-editor').then((module) => ({ default: module.MeetingEditor })));
const MeetingsPage = lazy(() => import('../features/meetings/meetings-page').then((module) => ({ default: module.MeetingsPage })));
const MinutesPage = lazy(() => import('../features/minutes/minutes-page').then((module) => ({ default: module.MinutesPage })));
const CounterPage = lazy(() => import('../features/paper/counter-page').then((module) => ({ default: module.CounterPage })));
const PaperRoundPage = lazy(() => import('../features/paper/paper-round-page').then((module) => ({ default: module.PaperRoundPage })));
const PaperTallyPage = lazy(() => import('../features/paper/paper-tally').then((module) => ({ default: module.PaperTallyPage })));
const RosterPage = lazy(() => import('../features/roster/roster-page').then((module) => ({ default: module.RosterPage })));
const SignPage = lazy(() => import('../features/seals/sign-page').then((module) => ({ default: module.SignPage })));
const VerifyPage = lazy(() => import('../features/seals/verify-page').then((module) => ({ default: module.VerifyPage })));
const VotePage = lazy(() => import('../features/voting/vote-page').then((module) => ({ default: module.VotePage })));
const WishesPage = lazy(() => import('../features/wishes/wishes-page').then((module) => ({ default: module.WishesPage })));

/** The menu's sections, in the order shown; each page lights one of them. */
export const sections = ['roster', 'meetings', 'wishes', 'tasks', 'compacts', 'dashboard', 'settings'] as const;
export type Section = (typeof sections)[number];

/** What the shell hands every page inside it: the council chosen at the top, and how to choose another. */
export interface Shell {
  council: Council;
  /** Makes `council` the chosen one and loads the list of councils again (after creating, renaming, importing). */
  chooseCouncil: (council: Council) => void;
}

/** `:meetingId` in `/meetings/:meetingId/vote` → `'meetingId'`. */
type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;
type Params<Path extends string> = Record<ParamNames<Path>, number>;

type Render<ShellGiven> = (shell: ShellGiven, params: Record<string, number>) => ReactNode;
export type PageRoute =
  | { path: string; section: Section; render: Render<Shell> }
  /** A page of its own, without the menus (and without waiting for the councils). */
  | { path: string; section: null; render: Render<null> };

function page<Path extends string>(path: Path, section: Section, render: (shell: Shell, params: Params<Path>) => ReactNode): PageRoute {
  return { path, section, render: render as Render<Shell> };
}

function bare<Path extends string>(path: Path, render: (params: Params<Path>) => ReactNode): PageRoute {
  return { path, section: null, render: (_shell, params) => render(params as Params<Path>) };
}

/**
 * Every screen of the app, found by the address after the `#` (hash routes keep every screen
 * reachable by link in Electron's file:// and in a browser alike). A pattern matches its address
 * and anything under it, so the first match wins: a page below another comes before it
 * (`/meetings/:meetingId/vote` before `/meetings/:meetingId` before `/meetings`). An address that
 * matches nothing shows the roster.
 */
export const routes: readonly PageRoute[] = [
  bare('/projector/:meetingId', ({ meetingId }) => <ProjectorView meetingId={meetingId} />),
  bare('/paper/:meetingId/tally', ({ meetingId }) => <PaperTallyPage meetingId={meetingId} />),
  page('/paper/:meetingId/count', 'meetings', (_shell, { meetingId }) => <CounterPage meetingId={meetingId} />),
  page('/meetings/:meetingId/paper/register', 'meetings', (_shell, { meetingId }) => <PaperRoundPage meetingId={meetingId} tab="register" />),
  page('/meetings/:meetingId/paper', 'meetings', (_shell, { meetingId }) => <PaperRoundPage meetingId={meetingId} tab="overview" />),
  page('/meetings/:meetingId/sign-in-sheet', 'meetings', ({ council }, { meetingId }) => <SignInSheetPage council={council} meetingId={meetingId} kind="sheet" />),
  page('/meetings/:meetingId/sign-in-roster', 'meetings', ({ council }, { meetingId }) => <SignInSheetPage council={council} meetingId={meetingId} kind="roster" />),
  page('/meetings/:meetingId/check-in', 'meetings', ({ council }, { meetingId }) => <CheckInPage council={council} meetingId={meetingId} />),
  page('/meetings/:meetingId/vote', 'meetings', (_shell, { meetingId }) => <VotePage meetingId={meetingId} />),
  page('/meetings/:meetingId/console', 'meetings', ({ council }, { meetingId }) => <ConsolePage council={council} meetingId={meetingId} />),
  page('/meetings/:meetingId/minutes', 'meetings', ({ council }, { meetingId }) => <MinutesPage council={council} meetingId={meetingId} />),
  page('/meetings/:meetingId/sign', 'meetings', ({ council }, { meetingId }) => <SignPage council={council} meetingId={meetingId} />),
  page('/meetings/:meetingId/notice', 'meetings', ({ council }, { meetingId }) => <NoticePage council={council} meetingId={meetingId} />),
  page('/meetings/:meetingId', 'meetings', ({ council }, { meetingId }) => <MeetingEditor council={council} meetingId={meetingId} />),
  page('/meetings', 'meetings', ({ council }) => <MeetingsPage council={council} />),
  page('/roster', 'roster', ({ council }) => <RosterPage council={council} />),
  page('/wishes', 'wishes', ({ council }) => <WishesPage council={council} />),
  page('/tasks', 'tasks', ({ council }) => <TasksPage council={council} />),
  page('/results-notice', 'tasks', ({ council }) => <ResultsNoticePage council={council} />),
  page('/dashboard', 'dashboard', ({ council }) => <DashboardPage council={council} />),
  page('/compacts/:compactId', 'compacts', ({ council }, { compactId }) => <CompactPage council={council} compactId={compactId} />),
  page('/compacts', 'compacts', ({ council }) => <CompactsPage council={council} />),
  page('/settings', 'settings', ({ council, chooseCouncil }) => <CouncilSettings council={council} onChanged={chooseCouncil} />),
  page('/verify', 'settings', ({ council }) => <VerifyPage council={council} />),
  page('/access', 'settings', ({ council }) => <AccessPage council={council} />),
];

/** Where each section of the menu leads. */
export const sectionPaths: Record<Section, string> = {
  roster: '/roster',
  meetings: '/meetings',
  wishes: '/wishes',
  tasks: '/tasks',
  compacts: '/compacts',
  dashboard: '/dashboard',
  settings: '/settings',
};

const fallback = routes.find((route) => route.path === '/roster')!;

/**
 * Patterns for wouter: a `:name` is a row's number (every parameter here is one), the rest is
 * literal, and the pattern matches its address and anything under it (`/settings/x` is settings).
 */
function parsePattern(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(part.slice(1));
      return '(\\d+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}(?:/.*)?$`), keys };
}

/** The page for an address (`/meetings/3/console`), with its parameters as numbers. */
export function findRoute(location: string): { route: PageRoute; params: Record<string, number> } {
  for (const route of routes) {
    const [matched, params] = matchRoute(parsePattern, route.path, location);
    if (matched) return { route, params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number(value)])) };
  }
  return { route: fallback, params: {} };
}
