import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicWish } from '../../../shared/api/areas/wishes';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { browserId } from './browser-id';

const storageKey = 'courtyard.supported';

function remembered(): Set<number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((value): value is number => typeof value === 'number') : []);
  } catch {
    return new Set();
  }
}

/**
 * The matters neighbours raised, words only (never who), each with 我也支持. This phone remembers
 * what it supported, so one press is one voice; the host counts one support per browser and per address.
 */
export function OpenWishes({ wishes, onSupported }: { wishes: PublicWish[]; onSupported: () => void }) {
  const { t } = useTranslation();
  const [supported, setSupported] = useState(remembered);
  const [counts, setCounts] = useState<Record<number, number>>({});
  const action = useAction();

  const remember = (wishId: number) => {
    const next = new Set(supported).add(wishId);
    setSupported(next);
    localStorage.setItem(storageKey, JSON.stringify([...next]));
  };

  const support = async (wish: PublicWish) => {
    const result = await action.run(call('wish:support', { wishId: wish.id, browserId: browserId() }));
    if (!result.ok) {
      // The host remembers this browser's (or this phone's) support even when the page forgot it.
      if (result.error.code === 'conflict' && result.error.message.startsWith('您已经支持过')) remember(wish.id);
      return;
    }
    remember(wish.id);
    setCounts((previous) => ({ ...previous, [wish.id]: result.value.supporters }));
    onSupported();
  };

  return (
    <section className="open-wishes" aria-label={t('process.wish.openList')}>
      <h2>{t('process.wish.openList')}</h2>
      <p className="muted">{t('process.wish.openHint')}</p>
      {action.error && <ErrorNote message={action.error} />}
      {wishes.length === 0 ? (
        <p className="empty">{t('process.wish.noneOpen')}</p>
      ) : (
        <ul className="open-wish-list">
          {wishes.map((wish) => {
            const done = supported.has(wish.id);
            return (
              <li key={wish.id} className="panel">
                <p>
                  {wish.category && <span className="tag">{wish.category}</span>} {wish.text}
                </p>
                <div className="open-wish-foot">
                  <span className="muted">
                    {wish.status === 'accepted' ? t('process.wish.onAgenda') : t('process.wish.waiting')} ·{' '}
                    {t('process.wish.supporters', { count: counts[wish.id] ?? wish.supporters })}
                  </span>
                  <button
                    type="button"
                    className={done ? 'button-large' : 'button-primary button-large'}
                    disabled={done}
                    aria-label={`${done ? t('process.wish.supported') : t('process.wish.support')}${t('common.colon')}${wish.text}`}
                    onClick={() => void support(wish)}
                  >
                    {done ? `✓ ${t('process.wish.supported')}` : `👍 ${t('process.wish.support')}`}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
