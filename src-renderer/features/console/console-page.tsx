import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridgeKey } from '../../../shared/api/bridge';
import { processTemplates } from '../../../shared/domain/process/templates';
import type { Council } from '../../../shared/api/areas/councils';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { PersonPicker } from '../../components/person-picker';
import { formatSeconds, markReceived, useCountdown } from './use-countdown';
import { KeyLegend } from './key-legend';
import { useLetterShortcuts } from './letter-shortcuts';
import { RoomCodePanel } from '../lan/room-code-panel';
import { StepPanel, useMatterProcess } from '../process/step-panel';
import { ProposalPanel } from './proposal-panel';
import { ConsoleVote } from './console-vote';
import { MeetingLife } from '../meetings/meeting-life';
import { PageTitle } from '../../components/page-title';

const views = ['for', 'against', 'suggestion'] as const;

/**
 * Opens the room's view: in the desktop app a second window (full-screen on the second
 * display when one is attached), in a browser a new window on #/projector/<meeting>.
 */
async function openProjector(meetingId: number): Promise<'external' | 'primary' | 'browser'> {
  const shell = window[bridgeKey]?.openProjector;
  if (shell) return (await shell(meetingId)).display;
  window.open(`${window.location.pathname}#/projector/${meetingId}`, `courtyard-projector-${meetingId}`);
  return 'browser';
}

/**
 * The chair's console during the meeting: the matter on and its step, the speakers' queue
 * and the timer, what the projector shows. Every action has a key (see key-legend.tsx):
 * N next speaker, S start/stop the timer, B blank, P break, O open the projector (single
 * letters, which this computer can switch off), and in the agenda list only → / ← next /
 * previous step and PageDown / PageUp next / previous matter (elsewhere they scroll).
 */
export function ConsolePage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId }, { live: true });
  const state = useQuery('console:get', { meetingId }, { live: true });
  const action = useAction(['console:get']);
  markReceived(state.data);
  const left = useCountdown(state.data);
  const steps = state.data?.stepNames ?? processTemplates[council.processTemplate].steps;
  const agenda = meeting.data?.agenda ?? [];
  const currentIndex = agenda.findIndex((item) => item.id === state.data?.currentAgendaItemId);
  const speaking = state.data?.speakers.find((s) => s.status === 'speaking');
  const matter = useMatterProcess(state.data?.currentAgendaItemId ?? null);
  const [projectorNote, setProjectorNote] = useState<string>();
  const showProjector = () =>
    void openProjector(meetingId).then((where) => setProjectorNote(where === 'external' ? t('process.projectorExternal') : t('process.projectorOpened')));
  // S starts the timer for the next in the queue, or stops whoever is speaking.
  const toggleTimer = () => void run(call(speaking ? 'speaker:stop' : 'speaker:next', { meetingId }));

  const run = (work: Promise<ApiResult<unknown>>) => action.run(work);
  const toggleScreen = (screen: 'blank' | 'break') =>
    run(call('console:setScreen', { meetingId, screen: state.data?.screen === screen ? 'meeting' : screen }));
  const goTo = (index: number) => {
    const item = agenda[index];
    if (item) void run(call('console:setCurrent', { meetingId, agendaItemId: item.id }));
  };

  const [letters] = useLetterShortcuts();
  const [shortcut, setShortcut] = useState<{ message: string; undo?: () => void }>();
  const agendaList = useRef<HTMLOListElement>(null);
  // What a key did, said in a line with 撤销 where the host can take it back.
  const said = (ok: boolean, message: string, undo?: () => void) => setShortcut(ok ? { message, undo } : undefined);
  const acted = (work: Promise<ApiResult<unknown>>, message: string, undo?: () => void) =>
    void run(work).then((result) => said(result.ok, message, undo));
  const goToByKey = (index: number) => {
    const item = agenda[index];
    const from = agenda[currentIndex];
    if (!item) return;
    acted(call('console:setCurrent', { meetingId, agendaItemId: item.id }), t('process.keys.matterOn', { title: item.title }), from && (() => goTo(currentIndex)));
    agendaList.current?.querySelectorAll('button')[index]?.focus();
  };
  const screenByKey = (screen: 'blank' | 'break') => {
    const before = state.data?.screen ?? 'meeting';
    const showing = before !== screen;
    const message =
      screen === 'blank'
        ? showing
          ? t('process.keys.blanked')
          : t('process.keys.unblanked')
        : showing
          ? t('process.keys.breakOn')
          : t('process.keys.breakOff');
    acted(call('console:setScreen', { meetingId, screen: showing ? screen : 'meeting' }), message, () => void run(call('console:setScreen', { meetingId, screen: before })));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog, form') || event.ctrlKey || event.metaKey || event.altKey) return;
      // Arrows and PageDown / PageUp mean the matters only in the agenda list; elsewhere they scroll.
      if (target.closest('.console-agenda')) {
        if (event.key === 'ArrowRight') void matter.advance().then((ok) => said(ok, t('process.keys.stepForward'), () => void matter.back()));
        else if (event.key === 'ArrowLeft') void matter.back().then((ok) => said(ok, t('process.keys.stepBack'), () => void matter.advance()));
        else if (event.key === 'PageDown') goToByKey(currentIndex + 1);
        else if (event.key === 'PageUp') goToByKey(currentIndex - 1);
        if (['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp'].includes(event.key) && currentIndex >= 0) {
          event.preventDefault();
          return;
        }
      }
      if (!letters || event.key.length !== 1) return;
      const key = event.key.toLowerCase();
      if (key === 'n') acted(call('speaker:next', { meetingId }), t('process.keys.speakerNext'));
      else if (key === 's') acted(call(speaking ? 'speaker:stop' : 'speaker:next', { meetingId }), speaking ? t('process.keys.timerStopped') : t('process.keys.speakerNext'));
      else if (key === 'b') screenByKey('blank');
      else if (key === 'p') screenByKey('break');
      else if (key === 'o') {
        showProjector();
        setShortcut({ message: t('process.keys.projectorOpened') });
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A link to a meeting that is gone (deleted, or another database) says so instead of loading for ever.
  const failed = meeting.error ?? state.error;
  if (failed) return <ErrorNote message={failed.message} />;
  if (!meeting.data || !state.data) return <p className="muted">{t('common.loading')}</p>;
  const current = agenda[currentIndex];

  return (
    <section className="console">
      <div className="page-header">
        <PageTitle backHref={`#/meetings/${meetingId}`} backLabel={meeting.data.title} title={t('console.title')} />
        <div className="toolbar">
          <MeetingLife meeting={meeting.data} />
          <button type="button" aria-pressed={state.data.screen === 'blank'} onClick={() => void toggleScreen('blank')}>
            {t('console.blank')} (B)
          </button>
          <button type="button" aria-pressed={state.data.screen === 'break'} onClick={() => void toggleScreen('break')}>
            {t('console.break')} (P)
          </button>
          <button type="button" onClick={showProjector}>
            {t('projector.open')} (O)
          </button>
        </div>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      {shortcut && (
        <p className="saved-note shortcut-note" role="status" aria-label={t('process.keys.notice')}>
          {shortcut.message}
          {shortcut.undo && (
            <>
              {' · '}
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  shortcut.undo?.();
                  setShortcut(undefined);
                }}
              >
                {t('process.keys.undo')}
              </button>
            </>
          )}
        </p>
      )}
      {projectorNote && (
        <p className="saved-note" role="status">
          {projectorNote}
        </p>
      )}
      <div className="two-columns">
        <div className="panel">
          <h2>{t('agenda.title')}</h2>
          <ol ref={agendaList} className="console-agenda" aria-label={t('console.matters')}>
            {agenda.map((item, index) => (
              <li key={item.id} aria-current={item.id === current?.id ? 'step' : undefined}>
                <button type="button" onClick={() => goTo(index)}>
                  {index + 1}. {item.title}
                </button>
                <span className="agenda-step">{steps[item.stepIndex]}</span>
              </li>
            ))}
          </ol>
          <RoomCodePanel
            meetingId={meetingId}
            onProjector={state.data.screen === 'join'}
            onShow={(shown) => void run(call('console:setScreen', { meetingId, screen: shown ? 'join' : 'meeting' }))}
          />
          <KeyLegend />
        </div>
        <div className="panel">
          <h2>{current ? t('console.on', { title: current.title }) : t('agenda.none')}</h2>
          {current && <StepPanel controls={matter} councilId={council.id} />}
          {current && matter.process && <ConsoleVote meeting={meeting.data} matter={current} process={matter.process} onLocked={async () => void (await matter.advance())} />}
          {current && (
            <ProposalPanel
              item={current}
              onDone={(message) => {
                action.setError(message);
                meeting.reload();
              }}
            />
          )}
          <div className={left !== null && left <= 30 ? 'console-timer warning' : 'console-timer'} role="timer" aria-label={t('console.timer')}>
            {speaking ? `${speaking.name} · ${formatSeconds(left ?? 0)}` : t('console.nobodySpeaking')}
          </div>
          {left !== null && left <= 0 && <p className="error-note">{t('console.overTime')}</p>}
          <div className="toolbar">
            <button type="button" className="button-primary" onClick={() => void run(call('speaker:next', { meetingId }))}>
              {t('console.next')} (N)
            </button>
            <button type="button" onClick={toggleTimer}>
              {speaking ? t('console.stop') : t('process.keys.timer')} (S)
            </button>
            <label className="inline-field">
              {t('console.limit')}
              <input
                type="number"
                min={30}
                max={3600}
                step={30}
                defaultValue={state.data.speakingLimitSeconds}
                onBlur={(e) => void run(call('console:setLimit', { meetingId, seconds: Number(e.target.value) }))}
              />
            </label>
          </div>
          {speaking && (
            <div className="view-buttons" aria-label={t('console.view')}>
              {views.map((view) => (
                <button
                  key={view}
                  type="button"
                  aria-pressed={speaking.view === view}
                  onClick={() => void run(call('speaker:note', { speakerId: speaking.id, view, note: speaking.note }))}
                >
                  {t(`console.views.${view}`)}
                </button>
              ))}
              <input
                key={speaking.id}
                type="text"
                maxLength={200}
                aria-label={t('console.note', { name: speaking.name })}
                placeholder={t('console.notePlaceholder')}
                defaultValue={speaking.note}
                onBlur={(event) => {
                  if (event.target.value !== speaking.note) void run(call('speaker:note', { speakerId: speaking.id, view: speaking.view, note: event.target.value }));
                }}
              />
            </div>
          )}
          <h3>{t('console.queue')}</h3>
          <ol className="speaker-queue" aria-label={t('console.queue')}>
            {state.data.speakers.map((speaker) => (
              <li key={speaker.id} className={`speaker speaker-${speaker.status}`}>
                <span>
                  {speaker.name} <span className="muted">{speaker.householdCode ?? ''}</span>
                  {speaker.view && <span className="tag">{t(`console.views.${speaker.view}`)}</span>}
                </span>
                {speaker.status === 'waiting' && (
                  <span className="agenda-actions">
                    <button type="button" aria-label={t('console.up', { name: speaker.name })} onClick={() => void run(call('speaker:move', { speakerId: speaker.id, direction: 'up' }))}>
                      ↑
                    </button>
                    <button type="button" aria-label={t('console.down', { name: speaker.name })} onClick={() => void run(call('speaker:move', { speakerId: speaker.id, direction: 'down' }))}>
                      ↓
                    </button>
                    <button type="button" className="button-quiet" onClick={() => void run(call('speaker:remove', { speakerId: speaker.id }))}>
                      {t('common.delete')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
          {/* Searched on the host: a 7,500-person roster is not loaded to find one speaker. */}
          <PersonPicker
            councilId={council.id}
            label={t('console.addSpeaker')}
            onPick={(person) => void run(call('speaker:add', { meetingId, personId: person.id }))}
          />
        </div>
      </div>
    </section>
  );
}
