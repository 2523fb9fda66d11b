/**
 * What a participant who joined over the LAN sees: only the one page their role is for, under a
 * bar saying who they are and in which meeting. The host checks every call anyway; this keeps the
 * screen honest about it. When the chair removes them or closes joining, they are told so.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashLocation } from 'wouter/use-hash-location';
import type { WhoAmI } from '../../../shared/api/areas/lan';
import { call } from '../../api/client';
import { PageLoading } from '../../components/page-loading';
import { savedName, saveName } from '../minutes/editor-user';
import './lan.css';

// A participant's phone loads the one page of its role (the door's, the minutes', the projector's, the counter's).
const CheckInPage = lazy(() => import('../attendance/check-in-page').then((module) => ({ default: module.CheckInPage })));
const SignInSheetPage = lazy(() => import('../attendance/sign-in-sheet-page').then((module) => ({ default: module.SignInSheetPage })));
const MinutesPage = lazy(() => import('../minutes/minutes-page').then((module) => ({ default: module.MinutesPage })));
const CounterPage = lazy(() => import('../paper/counter-page').then((module) => ({ default: module.CounterPage })));
const ProjectorView = lazy(() => import('../console/projector-view').then((module) => ({ default: module.ProjectorView })));

type Participant = Extract<WhoAmI, { kind: 'participant' }>;

/** How often the page asks whether this participant is still in. */
const checkEveryMs = 15_000;

export function ParticipantApp({ who, onLeft }: { who: Participant; onLeft: () => void }) {
  const { t } = useTranslation();
  // The host cannot be reached (it left the LAN when joining was closed, or the Wi-Fi dropped):
  // said on the page, so a phone does not go on showing an old picture as if it were live.
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => {
      void call('access:whoami', {}).then((result) => {
        setUnreachable(!result.ok && result.error.code === 'offline');
        if (result.ok && result.value.kind !== 'participant') onLeft();
      });
    }, checkEveryMs);
    return () => clearInterval(timer);
  }, [onLeft]);
  const notice = unreachable && (
    <p className="participant-offline" role="alert">
      {t('join.unreachable')}
    </p>
  );
  useEffect(() => {
    document.title = `${who.meetingTitle} · ${t('app.title')}`;
  }, [who.meetingTitle, t]);

  // The viewer's page is the projector's: nothing around it.
  if (who.role === 'viewer') {
    return (
      <>
        {notice}
        <Suspense fallback={<PageLoading />}>
          <ProjectorView meetingId={who.meetingId} />
        </Suspense>
      </>
    );
  }
  return (
    <div className="participant">
      <header className="participant-bar">
        <strong>{who.council.name}</strong>
        <span>{t('join.as', { meeting: who.meetingTitle, role: t(`access.roles.${who.role}`) })}</span>
        <span className="muted">{t('join.welcome', { name: who.name })}</span>
      </header>
      {notice}
      <main className="participant-content">
        <Suspense fallback={<PageLoading />}>
          {who.role === 'editor' && <EditorPage who={who} />}
          {who.role === 'door' && <DoorPage who={who} />}
          {who.role === 'counter' && <CounterPage meetingId={who.meetingId} />}
        </Suspense>
      </main>
    </div>
  );
}

/** The door, and its sheets to print when the laptop fails (the door page links to them). */
function DoorPage({ who }: { who: Participant }) {
  const [location] = useHashLocation();
  const kind = location.endsWith('/sign-in-sheet') ? 'sheet' : location.endsWith('/sign-in-roster') ? 'roster' : null;
  if (kind) return <SignInSheetPage council={who.council} meetingId={who.meetingId} kind={kind} />;
  return <CheckInPage council={who.council} meetingId={who.meetingId} />;
}

function EditorPage({ who }: { who: Participant }) {
  // Others see the participant's join name at their cursor unless they chose another before.
  const [ready] = useState(() => {
    if (!savedName()) saveName(who.name);
    return true;
  });
  return ready ? <MinutesPage council={who.council} meetingId={who.meetingId} /> : null;
}

export function LeftMeeting({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="join-page" role="alert">
      <h1>{t('join.leftTitle')}</h1>
      <p>{t('join.left')}</p>
      <button type="button" className="button-primary" onClick={onAgain}>
        {t('join.again')}
      </button>
    </main>
  );
}
