/**
 * Who is looking decides what the page is: this computer (or the desktop window) gets the whole
 * app; a participant who joined over the LAN gets the page of their role; anyone else on the LAN
 * gets the join form. The host decides who is who (by address and session cookie), not the page.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WhoAmI } from '../../../shared/api/areas/lan';
import { call } from '../../api/client';
import { JoinPage } from './join-page';
import { LeftMeeting, ParticipantApp } from './participant-app';

type State = { kind: 'loading' } | { kind: 'who'; who: WhoAmI } | { kind: 'left' };

export function Entry({ app }: { app: ReactNode }) {
  const isJoinPath = window.location.pathname === '/join';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [askCode, setAskCode] = useState(isJoinPath);

  const load = useCallback(() => {
    void call('access:whoami', {}).then((result) => {
      // A host without access control (older) answers unknown_call: it only serves this computer.
      setState({ kind: 'who', who: result.ok ? result.value : { kind: 'local' } });
    });
  }, []);
  useEffect(load, [load]);

  const joined = () => {
    // Drop the code from the address bar and history; the session is in the cookie now.
    window.history.replaceState(null, '', '/');
    setAskCode(false);
    setState({ kind: 'loading' });
    load();
  };
  const onLeft = useCallback(() => setState({ kind: 'left' }), []);

  if (state.kind === 'left') {
    return (
      <LeftMeeting
        onAgain={() => {
          setAskCode(true);
          setState({ kind: 'who', who: { kind: 'public' } });
        }}
      />
    );
  }
  if (state.kind === 'loading') return null;
  const { who } = state;
  if (askCode && who.kind !== 'local') {
    return <JoinPage initialCode={isJoinPath ? (new URLSearchParams(window.location.search).get('code') ?? '') : ''} onJoined={joined} />;
  }
  if (who.kind === 'participant') return <ParticipantApp who={who} onLeft={onLeft} />;
  if (who.kind === 'public') return <JoinPage initialCode="" onJoined={joined} />;
  return <>{app}</>;
}
