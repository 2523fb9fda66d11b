/**
 * 唱票 on the wall: each matter's running tally in 正 strokes and numbers for 同意 / 反对 / 弃权,
 * the line 同意 must reach by headcount and by area (from the ballots counted so far), and the
 * round's participation against both two-thirds lines (民法典第二百七十八条). Follows the host
 * live: each ballot counted at the table moves it. A running count, never a result: no verdict here.
 */
import { useTranslation } from 'react-i18next';
import type { MatterTally, Participation, PaperRound } from '../../../shared/api/areas/paper';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { useQuery } from '../../api/query';
import { usePageTitle } from '../../components/document-title';
import { ZhengTally } from './zheng-tally';
import './paper.css';

const area = (centi: number) => formatCentiArea(centi, { grouping: true });

function share(part: number, whole: number): string {
  return whole > 0 ? `${Math.min(100, (part / whole) * 100)}%` : '0%';
}

/** One line against its two-thirds mark: the numbers, then a bar with the mark on it. */
function LineAgainst({ label, value, needed, whole, text, met }: { label: string; value: number; needed: number; whole: number; text: string; met: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={met ? 'paper-line met' : 'paper-line'}>
      <span className="paper-line-text">
        <strong>{label}</strong> {text} {met ? t('paper.tally.lineMet') : t('paper.tally.lineShort')}
      </span>
      <div className="paper-line-track">
        <div className="paper-line-bar" style={{ width: share(value, whole) }} />
        <div className="paper-line-mark" style={{ left: share(needed, whole) }} />
      </div>
    </div>
  );
}

export function ParticipationLines({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const p = participation;
  return (
    <div className="paper-participation" role="status" aria-label={t('paper.tally.participation')}>
      <LineAgainst
        label={t('paper.tally.byHeadcount')}
        value={p.returnedHeadcount}
        needed={p.neededHeadcount}
        whole={p.entitledHeadcount}
        met={p.headcountMet}
        text={t('paper.tally.headcountLine', { returned: p.returnedHeadcount, entitled: p.entitledHeadcount, needed: p.neededHeadcount })}
      />
      <LineAgainst
        label={t('paper.tally.byArea')}
        value={p.returnedAreaCenti}
        needed={p.neededAreaCenti}
        whole={p.entitledAreaCenti}
        met={p.areaMet}
        text={t('paper.tally.areaLine', { returned: area(p.returnedAreaCenti), entitled: area(p.entitledAreaCenti), needed: area(p.neededAreaCenti) })}
      />
    </div>
  );
}

/**
 * The size of a 正 on the wall (vw): as large as fits the longest of the three rows on one line
 * (`room` vw wide), down to a floor below which the strokes wrap rather than become unreadable.
 */
export function zhengSize(largestCount: number, room: number, largest: number, floor = 1.3): number {
  const characters = Math.ceil(largestCount / 5);
  const gap = 0.65;
  if (characters === 0 || characters * (largest + gap) <= room) return largest;
  return Math.max(floor, room / characters - gap);
}

function MatterBoard({ tally, position, compact }: { tally: MatterTally; position: number; compact: boolean }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'for', count: tally.for },
    { key: 'against', count: tally.against },
    { key: 'abstain', count: tally.abstain },
  ] as const;
  const largest = Math.max(tally.for.headcount, tally.against.headcount, tally.abstain.headcount);
  const size = compact ? zhengSize(largest, 22, 2.6) : zhengSize(largest, 58, 3.1);
  const reached = tally.for.headcount >= tally.neededHeadcount && tally.for.areaCenti >= tally.neededAreaCenti && tally.neededHeadcount > 0;
  return (
    <section className="paper-matter-board" aria-label={tally.title} data-vote={tally.voteId}>
      <h2>
        {position}. {tally.title}
      </h2>
      <div className="paper-board-rows">
        {rows.map((row) => (
          <div key={row.key} className={`paper-board-row paper-board-${row.key}`} data-choice={row.key}>
            <span className="paper-board-label">{t(`paper.choices.${row.key}`)}</span>
            <ZhengTally
              count={row.count.headcount}
              size={`${size.toFixed(2)}vw`}
              label={t('paper.tally.strokes', { choice: t(`paper.choices.${row.key}`), count: row.count.headcount })}
            />
            <span className="paper-board-number" data-headcount={row.count.headcount}>
              {row.count.headcount}
            </span>
            <span className="paper-board-area">{area(row.count.areaCenti)}㎡</span>
          </div>
        ))}
      </div>
      <p className={reached ? 'paper-threshold reached' : 'paper-threshold'}>
        {t('paper.tally.threshold', { headcount: tally.neededHeadcount, area: area(tally.neededAreaCenti) })}
        {' · '}
        {reached ? t('paper.tally.reached') : t('paper.tally.notReached')}
      </p>
    </section>
  );
}

/** The whole 唱票 screen for a round (the projector's, and the bare page /paper/:meetingId/tally). */
export function PaperTallyScreen({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const tally = useQuery('paper:tally', { roundId: round.id }, { live: true });
  const data = tally.data;
  // Three matters and more: two columns, smaller strokes, the areas left to the numbers below the line.
  const compact = round.matters.length >= 3;
  return (
    <div className="projector paper-projector" lang="zh-CN">
      <header className="paper-projector-head">
        <h1>{round.title}</h1>
        <p className="paper-projector-counts" role="status" aria-label={t('paper.tally.counts')}>
          <span className="tag">{round.status === 'counting' ? t('paper.tally.counting') : t(`paper.status.${round.status}`)}</span>
          {data && t('paper.tally.countsLine', { counted: data.participation.counted, invalid: data.participation.invalid, returned: data.participation.returned })}
        </p>
      </header>
      {tally.error && <p role="alert">{tally.error.message}</p>}
      {data && <ParticipationLines participation={data.participation} />}
      <div className={compact ? 'paper-boards compact' : 'paper-boards'}>
        {data?.tallies.map((matter, index) => <MatterBoard key={matter.voteId} tally={matter} position={index + 1} compact={compact} />)}
      </div>
    </div>
  );
}

/** While ballots go out and come back: the written vote's participation, for the wall between matters. */
export function PaperParticipationOnWall({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const participation = useQuery('paper:participation', { roundId: round.id }, { live: true });
  return (
    <section className="paper-projector-participation" aria-label={t('paper.tally.participation')}>
      <h2>
        {round.title}
        {t('common.colon')}
        {t('paper.tally.participation')}
      </h2>
      {participation.data && <ParticipationLines participation={participation.data} />}
    </section>
  );
}

/** The bare page: the round of the meeting, whatever its state. */
export function PaperTallyPage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const round = useQuery('paper:get', { meetingId }, { live: true });
  usePageTitle(round.data ? `${t('paper.tabs.tally')} · ${round.data.title}` : t('paper.tabs.tally'));
  if (round.error) {
    return (
      <div className="projector">
        <h1 role="alert">{round.error.message}</h1>
      </div>
    );
  }
  if (!round.data) return <div className="projector">{round.data === null && <h1>{t('paper.counter.noRound')}</h1>}</div>;
  return <PaperTallyScreen round={round.data} />;
}
