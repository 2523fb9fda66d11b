import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticePosting } from '../../../shared/api/areas/followup';
import { chineseDate, localDate } from '../../../shared/domain/followup/dates';

/** "记录张贴": the day the notice went up on the board (today unless changed), and the postings so far. */
export function PostingForm({ postings, onPost }: { postings: NoticePosting[]; onPost: (postedOn: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [postedOn, setPostedOn] = useState(() => localDate(new Date()));
  const [busy, setBusy] = useState(false);
  const latest = postings[0];
  return (
    <div className="no-print">
      <form
        className="notice-toolbar"
        aria-label={t('followup.posting.record')}
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void onPost(postedOn).finally(() => setBusy(false));
        }}
      >
        <label className="inline-field">
          {t('followup.posting.date')}
          <input type="date" value={postedOn} max={localDate(new Date())} required onChange={(event) => setPostedOn(event.target.value)} />
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('followup.posting.record')}
        </button>
      </form>
      <p className="notice-postings" role="status">
        {latest ? (
          <span className="notice-posted">{t('followup.posting.posted', { date: chineseDate(latest.postedOn) })}</span>
        ) : (
          t('followup.posting.notPosted')
        )}
        {postings.length > 1 && ` ${t('followup.posting.history', { dates: postings.map((p) => chineseDate(p.postedOn)).join('、') })}`}
      </p>
    </div>
  );
}
