import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/areas/councils';
import type { Wish } from '../../../shared/api/areas/wishes';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { ReasonForm } from '../../components/reason-form';
import { MergeDialog } from './merge-dialog';
import './wishes.css';

/**
 * Step 2, vet: accept a raised matter onto a meeting's agenda, decline it with a reason the
 * resident sees, or merge a duplicate into another (supporters add up).
 */
export function WishesPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const wishes = useQuery('wish:list', { councilId: council.id }, { live: true });
  const meetings = useQuery('meeting:list', { councilId: council.id });
  const planned = (meetings.data ?? []).filter((m) => m.status === 'planned' || m.status === 'in_progress');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [declining, setDeclining] = useState<Wish | null>(null);
  const [merging, setMerging] = useState<Wish | null>(null);
  const byId = new Map((wishes.data ?? []).map((wish) => [wish.id, wish]));
  const action = useAction(['wish:list']);
  const target = meetingId ?? planned[0]?.id ?? null;

  const run = async (work: Promise<ApiResult<unknown>>) => (await action.run(work)).ok;

  return (
    <section>
      <div className="page-header">
        <h1>{t('wish.vetting')}</h1>
        <label className="inline-field">
          {t('wish.intoMeeting')}
          <select value={target ?? ''} onChange={(e) => setMeetingId(Number(e.target.value))}>
            {planned.map((m) => (
              <option key={m.id} value={m.id}>
                {m.date} {m.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      <table className="table" aria-label={t('wish.vetting')}>
        <thead>
          <tr>
            <th>{t('wish.text')}</th>
            <th>{t('wish.from')}</th>
            <th>{t('meeting.status')}</th>
            <th className="actions-cell">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(wishes.data ?? []).map((wish) => (
            <tr key={wish.id}>
              <td>
                {wish.category && <span className="tag">{wish.category}</span>} {wish.text}
                {wish.supporters > 0 && <div className="muted">{t('process.wish.supporters', { count: wish.supporters })}</div>}
              </td>
              <td>{[wish.name, wish.building].filter(Boolean).join(' · ') || t('wish.anonymous')}</td>
              <td>
                {t(`wish.status.${wish.status}`)}
                {wish.mergedIntoId !== null && (
                  <div className="muted">{t('process.wish.mergedInto', { text: byId.get(wish.mergedIntoId)?.text ?? `#${wish.mergedIntoId}` })}</div>
                )}
                {wish.reason && wish.mergedIntoId === null && <div className="muted">{wish.reason}</div>}
              </td>
              <td className="actions-cell">
                {wish.status === 'new' && (
                  <>
                    <button type="button" disabled={target === null} onClick={() => target && void run(call('wish:accept', { wishId: wish.id, meetingId: target }))}>
                      {t('wish.accept')}
                    </button>
                    <button type="button" onClick={() => setMerging(wish)}>
                      {t('process.wish.mergeInto')}
                    </button>
                    <button type="button" className="button-quiet" onClick={() => setDeclining(wish)}>
                      {t('wish.decline')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {wishes.data?.length === 0 && <p className="empty">{t('wish.none')}</p>}
      {merging && (
        <MergeDialog
          wish={merging}
          candidates={(wishes.data ?? []).filter((w) => w.id !== merging.id && (w.status === 'new' || w.status === 'accepted'))}
          onMerge={(intoWishId) => run(call('wish:merge', { wishId: merging.id, intoWishId })).then((ok) => ok && setMerging(null))}
          onClose={() => setMerging(null)}
        />
      )}
      {declining && (
        <ReasonForm
          action={t('wish.decline')}
          reasonLabel={t('wish.reason')}
          onSubmit={(reason) => void run(call('wish:decline', { wishId: declining.id, reason })).then((ok) => ok && setDeclining(null))}
          onCancel={() => setDeclining(null)}
        >
          <p>{declining.text}</p>
        </ReasonForm>
      )}
    </section>
  );
}
