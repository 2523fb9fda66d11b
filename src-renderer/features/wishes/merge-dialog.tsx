import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wish } from '../../../shared/api/areas/wishes';
import { Dialog } from '../../components/dialog';

interface MergeDialogProps {
  wish: Wish;
  /** Open wishes it may be merged into. */
  candidates: Wish[];
  onMerge: (intoWishId: number) => Promise<unknown>;
  onClose: () => void;
}

/** Choose the wish a duplicate is the same as; the likeliest (sharing most characters) first. */
export function MergeDialog({ wish, candidates, onMerge, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const own = new Set(wish.text);
  const shared = (other: Wish) => [...new Set(other.text)].filter((character) => own.has(character)).length;
  const shown = candidates
    .filter((other) => !query.trim() || other.text.includes(query.trim()) || other.category.includes(query.trim()))
    .sort((a, b) => shared(b) - shared(a));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen !== null) void onMerge(chosen);
  };

  return (
    <Dialog title={t('process.wish.mergeTitle')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} aria-label={t('process.wish.mergeTitle')}>
        <p className="panel">{wish.text}</p>
        <p className="muted">{t('process.wish.mergeHint')}</p>
        <input type="search" aria-label={t('process.wish.mergeSearch')} placeholder={t('process.wish.mergeSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {shown.length === 0 ? (
          <p className="empty">{t('process.wish.noOther')}</p>
        ) : (
          <fieldset className="merge-choices">
            <legend>{t('process.wish.mergeTitle')}</legend>
            {shown.map((other) => (
              <label key={other.id} className="check">
                <input type="radio" name="merge-into" checked={chosen === other.id} onChange={() => setChosen(other.id)} />
                <span>
                  {other.text}{' '}
                  <span className="muted">
                    · {t(`wish.status.${other.status}`)} · {t('process.wish.supporters', { count: other.supporters })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={chosen === null}>
            {t('process.wish.mergeConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
