import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompactDetail } from '../../../shared/api/areas/compacts';
import { articleLabel, charCount, maxArticleChars, maxArticles, sameArticles } from '../../../shared/domain/compacts/articles';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';

interface Draft {
  baseVersion: number;
  articles: string[];
  note: string;
}

const storageKey = (compactId: number) => `courtyard.compact-draft.${compactId}`;

function storedDraft(compactId: number): Draft | null {
  try {
    const raw = localStorage.getItem(storageKey(compactId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

/**
 * The articles of the next version, edited in place. Saving makes a new version; what is typed
 * but not yet saved is kept in this browser, so a closed tab or a reload loses nothing.
 */
export function ArticlesEditor({ compact, onSaved }: { compact: CompactDetail; onSaved: (detail: CompactDetail) => void }) {
  const { t } = useTranslation();
  const latest = compact.versions.at(-1);
  const baseVersion = latest?.version ?? 0;
  const baseArticles = latest?.articles ?? [''];
  const [articles, setArticles] = useState<string[]>(baseArticles);
  const [note, setNote] = useState('');
  const [restored, setRestored] = useState(false);
  const action = useAction();
  const [saved, setSaved] = useState<string>();

  // A new latest version (saved here or elsewhere) becomes the starting point, unless this browser kept unsaved edits on it.
  useEffect(() => {
    const kept = storedDraft(compact.id);
    if (kept && kept.baseVersion === baseVersion && !sameArticles(kept.articles, baseArticles)) {
      setArticles(kept.articles);
      setNote(kept.note);
      setRestored(true);
    } else {
      setArticles(baseArticles);
      setNote('');
      setRestored(false);
    }
    // Only when the latest version changes: typing must not be reset by a refresh of the same version.
  }, [compact.id, baseVersion]);

  const dirty = !sameArticles(articles.map((a) => a.trim()), baseArticles);
  useEffect(() => {
    if (dirty) localStorage.setItem(storageKey(compact.id), JSON.stringify({ baseVersion, articles, note } satisfies Draft));
    else localStorage.removeItem(storageKey(compact.id));
  }, [articles, note, dirty, baseVersion, compact.id]);

  const change = (index: number, text: string) => setArticles((list) => list.map((item, i) => (i === index ? text : item)));
  const move = (index: number, by: number) =>
    setArticles((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  const save = async () => {
    setSaved(undefined);
    const result = await action.run(call('compacts:saveVersion', { compactId: compact.id, articles, note }));
    if (!result.ok) return;
    localStorage.removeItem(storageKey(compact.id));
    setSaved(t('compacts.editor.saved', { version: result.value.versions.at(-1)!.version }));
    onSaved(result.value);
  };

  return (
    <section className="compact-section" aria-label={t('compacts.editor.title')}>
      <h2>{t('compacts.editor.title')}</h2>
      <p className="muted">{latest?.adoption ? t('compacts.editor.frozenHelp', { version: latest.version }) : t('compacts.editor.help')}</p>
      {restored && (
        <p className="panel draft-note" role="status">
          {t('compacts.editor.restored')}{' '}
          <button
            type="button"
            onClick={() => {
              setArticles(baseArticles);
              setNote('');
              setRestored(false);
            }}
          >
            {t('compacts.editor.discard')}
          </button>
        </p>
      )}
      <ol className="article-list">
        {articles.map((text, index) => {
          const length = charCount(text.trim());
          return (
            <li key={index} className="article-row">
              <span className="article-label">{articleLabel(index)}</span>
              <div>
                <textarea aria-label={articleLabel(index)} value={text} onChange={(event) => change(index, event.target.value)} rows={3} />
                <span className={length > maxArticleChars ? 'article-count article-count-over' : 'article-count'}>
                  {t('compacts.editor.count', { count: length, max: maxArticleChars })}
                </span>
              </div>
              <div className="article-actions">
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('compacts.editor.up', { label: articleLabel(index) })}>
                  ↑
                </button>
                <button type="button" disabled={index === articles.length - 1} onClick={() => move(index, 1)} aria-label={t('compacts.editor.down', { label: articleLabel(index) })}>
                  ↓
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={articles.length === 1}
                  onClick={() => setArticles((list) => list.filter((_, i) => i !== index))}
                  aria-label={t('compacts.editor.remove', { label: articleLabel(index) })}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="editor-foot">
        <button type="button" disabled={articles.length >= maxArticles} onClick={() => setArticles((list) => [...list, ''])}>
          {t('compacts.editor.add')}
        </button>
        <label className="field">
          <span className="field-label">{t('compacts.editor.note')}</span>
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={200} />
        </label>
        <button type="button" className="button-primary button-large" disabled={!dirty} onClick={() => void save()}>
          {t('compacts.editor.save', { version: baseVersion + 1 })}
        </button>
      </div>
      {dirty && !action.error && <p className="muted">{t('compacts.editor.unsaved')}</p>}
      {action.error && <ErrorNote message={action.error} />}
      {saved && (
        <p className="saved-note" role="status">
          {saved}
        </p>
      )}
    </section>
  );
}
