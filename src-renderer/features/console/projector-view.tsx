import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/document-title';
import type { VoteState } from '../../../shared/api/areas/voting';
import type { PaperRound } from '../../../shared/api/areas/paper';
import type { Output } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { processTemplates, type ProcessTemplateId } from '../../../shared/domain/process/templates';
import { participationOf } from '../../../shared/domain/voting/rules';
import { useQuery } from '../../api/query';
import { formatSeconds, markReceived, useCountdown } from './use-countdown';
import './projector.css';
import { RoomCodeScreen } from '../lan/room-code-panel';
import { PaperParticipationOnWall, PaperTallyScreen } from '../paper/paper-tally';

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.min(100, (part / whole) * 100)}%` : '0%';
}

/** The tally as bars against the line the "for" bar must cross. */
function VoteBars({ vote }: { vote: VoteState }) {
  const { t } = useTranslation();
  const outcome = vote.outcome;
  const whole = outcome?.threshold.whole.headcount ?? vote.present;
  const needed = outcome?.threshold.needed.headcount ?? 0;
  const rows = [
    { key: 'for', value: vote.totals.for.headcount },
    { key: 'against', value: vote.totals.against.headcount },
    { key: 'abstain', value: vote.totals.abstain.headcount },
  ] as const;
  return (
    <div className="projector-bars" aria-label={t('vote.totals')}>
      {rows.map((row) => (
        <div key={row.key} className="projector-bar-row">
          <span className="projector-bar-label">{t(`vote.choices.${row.key}`)}</span>
          <div className="projector-bar-track">
            <div className={`projector-bar projector-bar-${row.key}`} style={{ width: percent(row.value, whole) }} />
            {row.key === 'for' && needed > 0 && (
              <div className="projector-threshold" style={{ left: percent(needed, whole) }} aria-label={t('projector.needed', { count: needed })} />
            )}
          </div>
          <span className="projector-bar-value">{row.value}</span>
        </div>
      ))}
      {outcome && (
        <p className="projector-rule">
          {t('projector.rule', { rule: outcome.ruleName, label: outcome.threshold.label, needed, whole, unit: t(`projector.units.${vote.voterBasis}`) })}
        </p>
      )}
    </div>
  );
}

/** Where the meeting is in its agenda: a numbered box per matter, those before the current one ticked. */
function AgendaProgress({ agenda, currentId }: { agenda: ReadonlyArray<{ id: number; title: string }>; currentId: number }) {
  const { t } = useTranslation();
  const position = agenda.findIndex((item) => item.id === currentId);
  return (
    <div className="projector-progress">
      <span aria-hidden="true">{t('projector.matters')}</span>
      <ol aria-label={t('projector.progress', { n: position + 1, total: agenda.length })}>
        {agenda.map((item, index) => (
          <li key={item.id} className={index < position ? 'past' : index === position ? 'current' : undefined} title={item.title}>
            {index + 1}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * What the room sees on the wall: dark, high contrast, letters readable from the
 * back of a courtyard. Follows the console live through the host's change events.
 *
 * The meeting, its attendance, its votes and a written vote's round are read here; the console in
 * ProjectorScreen below. The chair moving to the next matter then redraws only what the console
 * shows: the header (title, quorum) is the same element and is not drawn again, and the other
 * queries are not asked again for their state.
 */
export function ProjectorView({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const meeting = useQuery('meeting:get', { meetingId }, { live: true });
  // The counts alone: the wall shows no names, and a sign-in costs it a few hundred bytes.
  const attendance = useQuery('attendance:summary', { meetingId }, { live: true });
  const votes = useQuery('vote:list', { meetingId }, { live: true });
  // A written vote's public count (唱票) takes the wall while it runs.
  const paperRound = useQuery('paper:get', { meetingId }, { live: true });
  const councils = useQuery('council:list', {});
  const council = councils.data?.find((c) => c.id === meeting.data?.councilId);
  // A written vote's matters stay open for days: the wall shows them only through the 唱票 screen.
  const list = (votes.data ?? []).filter((vote) => vote.mode !== 'paper');
  const current = list.find((v) => v.status === 'open') ?? list.find((v) => v.status === 'closed') ?? list.at(-1);
  const sheet = attendance.data;

  usePageTitle(meeting.data ? `${t('projector.pageTitle')} · ${meeting.data.title}` : t('projector.pageTitle'));

  const header = meeting.data ? (
    <header className="projector-header">
      <h1>{meeting.data.title}</h1>
      {sheet && (
        <div className="projector-quorum" role="status" aria-label={t('projector.attendance')}>
          {/* In the unit of the vote on the wall: a members' vote counts people, the others households. */}
          {current && current.status !== 'locked' && current.voterBasis === 'members'
            ? t('projector.membersPresent', { present: sheet.membersPresent, total: sheet.membersTotal })
            : t('projector.present', { households: sheet.householdsRepresented, total: sheet.householdsTotal })}
        </div>
      )}
    </header>
  ) : null;
  return (
    <ProjectorScreen
      meetingId={meetingId}
      meeting={meeting.data}
      meetingError={meeting.error}
      current={current}
      paperRound={paperRound.data}
      processTemplate={council?.processTemplate}
      header={header}
    />
  );
}

interface ScreenProps {
  meetingId: number;
  meeting: Output<'meeting:get'> | undefined;
  meetingError: ApiError | undefined;
  /** The room's vote on the wall (open, closed, or the last one), if any. */
  current: VoteState | undefined;
  paperRound: PaperRound | null | undefined;
  processTemplate: ProcessTemplateId | undefined;
  header: ReactNode;
}

/** The wall as the console sets it: the screen, the matter on, its step, the speakers. */
function ProjectorScreen({ meetingId, meeting, meetingError, current, paperRound, processTemplate, header }: ScreenProps) {
  const { t } = useTranslation();
  const consoleState = useQuery('console:get', { meetingId }, { live: true });
  // The council's own step names (renamed, or its template's), as the console shows them.
  const steps = consoleState.data?.stepNames ?? processTemplates[processTemplate ?? 'six-step'].steps;
  // A locked result stays up until the chair moves on to another matter.
  const showResult = current && current.status === 'locked' && current.outcome && current.agendaItemId === consoleState.data?.currentAgendaItemId;
  markReceived(consoleState.data);
  const left = useCountdown(consoleState.data);
  const matter = meeting?.agenda.find((item) => item.id === consoleState.data?.currentAgendaItemId);
  const speaking = consoleState.data?.speakers.find((s) => s.status === 'speaking');
  const waiting = consoleState.data?.speakers.filter((s) => s.status === 'waiting') ?? [];
  const nextMatter = matter && meeting ? meeting.agenda[meeting.agenda.indexOf(matter) + 1] : undefined;

  if (consoleState.data?.screen === 'blank') return <div className="projector projector-blank" aria-label={t('projector.blankTitle')} />;
  if (consoleState.data?.screen === 'join' && meeting) return <RoomCodeScreen meetingId={meetingId} title={meeting.title} />;
  if (consoleState.data?.screen === 'break') {
    return (
      <div className="projector projector-break" aria-label={t('projector.breakTitle')}>
        <p className="projector-verdict">{t('projector.breakTitle')}</p>
        <p>{t('projector.breakText')}</p>
      </div>
    );
  }

  if (paperRound?.status === 'counting') return <PaperTallyScreen round={paperRound} />;

  // The chair sees on the wall why nothing is shown (a link to a meeting that is gone), not a dark screen.
  if (meetingError) {
    return (
      <div className="projector">
        <h1 role="alert">{meetingError.message}</h1>
      </div>
    );
  }
  if (!meeting) return <div className="projector" />;
  return (
    <div className="projector" lang="zh-CN">
      {header}
      {current && current.status !== 'locked' ? (
        <section className="projector-vote" aria-label={t('projector.voting')}>
          <h2>
            {current.status === 'open' ? t('projector.votingOn') : t('projector.votingClosed')}{t('common.colon')}{current.title}
            {/* No verdict before the close: while open the wall says 表决中, never 未通过. */}
            {current.status === 'open' && <span className="tag">{t('vote.status.open')}</span>}
          </h2>
          {current.outcome?.quorum && (
            <p className={current.outcome.quorate ? 'projector-quorate yes' : 'projector-quorate no'}>
              {participationOf(current.rule) === 'ballot' ? (
                <>
                  {current.outcome.quorate ? t('vote.takingPartEnough') : t('vote.takingPartShort')} ·{' '}
                  {t('vote.takingPartLine', { present: current.outcome.quorum.actual.headcount, needed: current.outcome.quorum.needed.headcount })}
                </>
              ) : (
                <>
                  {current.outcome.quorate ? t('projector.quorate') : t('projector.notQuorate')} ·{' '}
                  {t('projector.quorumLine', {
                    present: current.outcome.quorum.actual.headcount,
                    needed: current.outcome.quorum.needed.headcount,
                    unit: t(`projector.units.${current.voterBasis}`),
                  })}
                </>
              )}
              {current.outcome.quorum.actual.areaCenti !== null && current.outcome.quorum.areaMet !== null && (
                <> · {formatCentiArea(current.outcome.quorum.actual.areaCenti, { grouping: true })}㎡</>
              )}
            </p>
          )}
          <VoteBars vote={current} />
        </section>
      ) : showResult ? (
        <section className={current.outcome!.passed ? 'projector-result passed' : 'projector-result failed'} aria-label={t('projector.result')}>
          <h2>{current.title}</h2>
          <p className="projector-verdict">{current.outcome!.passed ? t('vote.passed') : t('vote.failed')}</p>
          <p className="projector-explanation">{current.outcome!.explanation}</p>
        </section>
      ) : matter ? (
        <section className="projector-matter" aria-label={t('console.on', { title: matter.title })}>
          <div className="projector-matter-head">
            <h2>{matter.title}</h2>
            <AgendaProgress agenda={meeting.agenda} currentId={matter.id} />
          </div>
          <ol className="projector-steps" aria-label={t('process.steps')}>
            {steps.map((step, index) => (
              <li
                key={step}
                className={index === matter.stepIndex ? 'current' : index < matter.stepIndex ? 'past' : undefined}
                aria-current={index === matter.stepIndex ? 'step' : undefined}
              >
                <span className="projector-step-number">{index + 1}</span>
                {step}
              </li>
            ))}
          </ol>
          {speaking && (
            <div className={left !== null && left <= 30 ? 'projector-speaker warning' : 'projector-speaker'} role="timer" aria-label={t('projector.speaking')}>
              <span>
                {t('projector.speaking')}{t('common.colon')}{speaking.name}
              </span>
              <strong>{formatSeconds(left ?? 0)}</strong>
            </div>
          )}
          {waiting.length > 0 && (
            <p className="projector-queue" aria-label={t('projector.waiting')}>
              {t('projector.waiting')}{t('common.colon')}{waiting.map((s) => s.name).join('、')}
            </p>
          )}
          {nextMatter && (
            <p className="projector-next">
              {t('projector.nextMatter')}{t('common.colon')}{nextMatter.title}
            </p>
          )}
        </section>
      ) : (
        <section className="projector-agenda" aria-label={t('agenda.title')}>
          <h2>{t('agenda.title')}</h2>
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                <span>{item.title}</span>
                <span className="projector-step">{steps[item.stepIndex]}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {/* While ballots go out and come back, between the room's own votes. */}
      {(paperRound?.status === 'open' || paperRound?.status === 'closed') && !(current && current.status !== 'locked') && !showResult && (
        <PaperParticipationOnWall round={paperRound} />
      )}
    </div>
  );
}
