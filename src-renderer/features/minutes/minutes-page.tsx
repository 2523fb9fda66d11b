/**
 * The meeting's minutes, written together: everyone on the LAN who opens this page edits one
 * document, sees the others' cursors and who is editing, and always knows the connection state.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { savedColor, savedName, saveName } from './editor-user';
import { MinutesEditor } from './minutes-editor';
import { MinutesSession, type SessionStatus } from './minutes-session';
import './minutes.css';
import { PageTitle } from '../../components/page-title';

const defaultName = '记录人';

function useSession(meetingId: number, user: { name: string; color: string }) {
  const [session, setSession] = useState<MinutesSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const created = new MinutesSession(meetingId, { ...user });
    setSession(created);
    setError(null);
    void created.start().then((result) => {
      if (!result.ok) setError(result.message);
      else setError(null);
    });
    return () => created.close();
    // The user's name changes through session.setUser, not by a new session.
  }, [meetingId]);
  return { session, error };
}

function useStatus(session: MinutesSession | null): SessionStatus | null {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  useEffect(() => {
    if (!session) return;
    const update = () => {
      const next = session.status();
      setStatus((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    update();
    const stop = session.subscribe(update);
    // y-webrtc reports a failed or dropped peer connection silently: look at its connections.
    const timer = setInterval(update, 500);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [session]);
  return status;
}

function useEditors(session: MinutesSession | null): Array<{ clientId: number; name: string; color: string; self: boolean }> {
  const subscribe = (notify: () => void) => {
    const awareness = session?.awareness;
    awareness?.on('change', notify);
    const timer = setInterval(notify, 1000);
    return () => {
      awareness?.off('change', notify);
      clearInterval(timer);
    };
  };
  const snapshot = () => {
    const awareness = session?.awareness;
    if (!awareness) return '[]';
    const list = [...awareness.getStates().entries()]
      .map(([clientId, state]) => {
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        return {
          clientId,
          name: typeof user?.name === 'string' ? user.name.slice(0, 40) : '',
          color: typeof user?.color === 'string' ? user.color : '#555',
          self: clientId === awareness.clientID,
        };
      })
      .filter((entry) => entry.name)
      .sort((a, b) => Number(b.self) - Number(a.self) || a.clientId - b.clientId);
    return JSON.stringify(list);
  };
  return JSON.parse(useSyncExternalStore(subscribe, snapshot)) as ReturnType<typeof useEditors>;
}

export function MinutesPage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  void council;
  const meeting = useQuery('meeting:get', { meetingId });
  const [user] = useState(() => ({ name: savedName() ?? defaultName, color: savedColor() }));
  const [askName, setAskName] = useState(() => savedName() === null);
  const { session, error } = useSession(meetingId, user);
  const status = useStatus(session);
  const editors = useEditors(session);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const ready = session && status && (session.document || status.fromLocalCopy);
  const signed = status?.state === 'signed';

  const refresh = async () => {
    if (!session) return;
    setRefreshing(true);
    setRefreshError(await session.refresh());
    setRefreshing(false);
  };

  return (
    <section className="minutes-page">
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={meeting.data?.title ?? t('minutes.meeting')} title={t('minutes.title')} />
        <div className="toolbar">
          {!signed && ready && (
            <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing}>
              {t('minutes.refresh')}
            </button>
          )}
          {!askName && (
            <button type="button" className="button-quiet" onClick={() => setAskName(true)}>
              {t('minutes.changeName')}
            </button>
          )}
        </div>
      </div>
      {status && <StatusLine status={status} />}
      {askName && (
        <NameForm
          initial={user.name}
          onSave={(name) => {
            saveName(name);
            user.name = name.trim().slice(0, 40) || defaultName;
            session?.setUser(user);
            setAskName(false);
          }}
        />
      )}
      {error && !ready && <ErrorNote message={error} />}
      {refreshError && <ErrorNote message={refreshError} />}
      {session?.document?.problems.length ? (
        <div className="error-note" role="alert">
          <p>{t('minutes.problems')}</p>
          <ul>
            {session.document.problems.map((problem, index) => (
              <li key={index}>
                {problem.where}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!ready && !error && <p className="muted">{t('common.loading')}</p>}
      {ready && (
        <div className="minutes-layout">
          <MinutesEditor session={session} editable={!signed} />
          <aside className="panel minutes-people" aria-label={t('minutes.editing')}>
            <h2>{t('minutes.editing')}</h2>
            <ul>
              {editors.map((person) => (
                <li key={person.clientId}>
                  <span className="person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
                  {person.name}
                  {person.self && <span className="muted"> {t('minutes.you')}</span>}
                </li>
              ))}
              {editors.length === 0 && <li className="muted">{t('minutes.nobody')}</li>}
            </ul>
            <p className="muted small">{t('minutes.namesNote')}</p>
          </aside>
        </div>
      )}
    </section>
  );
}

function StatusLine({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  const text =
    status.state === 'signed'
      ? t('minutes.state.signed')
      : status.state === 'offline'
        ? t('minutes.state.offline')
        : status.state === 'connecting'
          ? t('minutes.state.connecting')
          : t('minutes.state.connected', { count: status.peers });
  return (
    <div className={`minutes-status minutes-status-${status.state}`} role="status" aria-live="polite">
      <span className="minutes-state" data-state={status.state} data-peers={status.peers}>
        {text}
      </span>
      {status.state === 'connected' && status.path !== 'none' && (
        <span className="minutes-path" data-path={status.path}>
          {' '}
          ·{' '}
          {status.path === 'direct'
            ? t('minutes.path.direct')
            : status.path === 'relay'
              ? t('minutes.path.relay')
              : t('minutes.path.mixed', { direct: status.direct, relayed: status.relayed })}
        </span>
      )}
      {status.state === 'connected' && status.peersConnecting > 0 && (
        <span className="muted"> · {t('minutes.state.peersConnecting', { count: status.peersConnecting })}</span>
      )}
      {status.state !== 'signed' && (
        <span className="minutes-saved" data-unsaved={status.unsaved}>
          {' '}
          · {status.unsaved > 0 ? t('minutes.saving', { count: status.unsaved }) : t('minutes.saved')}
        </span>
      )}
      {status.fromLocalCopy && <span className="muted"> · {t('minutes.localCopy')}</span>}
      {status.saveError && (
        <p className="error-note" role="alert">
          {t('minutes.saveRefused')} {status.saveError}
        </p>
      )}
    </div>
  );
}

function NameForm({ initial, onSave }: { initial: string; onSave: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  return (
    <form
      className="panel minutes-name"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(name.trim() || defaultName);
      }}
    >
      <label className="field">
        <span>{t('minutes.yourName')}</span>
        <input value={name} maxLength={40} onChange={(event) => setName(event.target.value)} autoComplete="name" />
      </label>
      <p className="muted">{t('minutes.nameHint')}</p>
      <button type="submit" className="button-primary">
        {t('minutes.nameSave')}
      </button>
    </form>
  );
}
