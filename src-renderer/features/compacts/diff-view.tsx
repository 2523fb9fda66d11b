import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompactVersion } from '../../../shared/api/areas/compacts';
import { changeHeading, diffVersions } from '../../../shared/domain/compacts/diff';

/** Two versions side by side in one column: what was added, removed and changed, article by article. */
export function DiffView({ versions, from, to, onPick }: { versions: CompactVersion[]; from: number; to: number; onPick: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  const older = versions.find((v) => v.version === from);
  const newer = versions.find((v) => v.version === to);
  const diff = useMemo(() => (older && newer ? diffVersions(older.articles, newer.articles) : null), [older, newer]);
  const picker = (label: string, value: number, pick: (value: number) => void) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => pick(Number(event.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('compacts.versions.version', { version: v.version })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="compact-section" aria-label={t('compacts.diff.title')}>
      <h2>{t('compacts.diff.title')}</h2>
      <div className="diff-pickers">
        {picker(t('compacts.diff.from'), from, (value) => onPick(value, to))}
        {picker(t('compacts.diff.to'), to, (value) => onPick(from, value))}
      </div>
      {diff && (
        <>
          <p className="diff-summary" role="status">
            {t('compacts.diff.between', { from, to })}
            {diff.summary}
          </p>
          <ol className="diff-list">
            {diff.changes.map((change, index) => (
              <li key={index} className={`diff-item diff-${change.kind}`}>
                <h3>{changeHeading(change)}</h3>
                {change.kind === 'changed' ? (
                  <p>
                    {change.pieces.map((piece, i) =>
                      piece.kind === 'added' ? (
                        <ins key={i}>{piece.text}</ins>
                      ) : piece.kind === 'removed' ? (
                        <del key={i}>{piece.text}</del>
                      ) : (
                        <span key={i}>{piece.text}</span>
                      ),
                    )}
                  </p>
                ) : change.kind === 'added' ? (
                  <p>
                    <ins>{change.text}</ins>
                  </p>
                ) : change.kind === 'removed' ? (
                  <p>
                    <del>{change.text}</del>
                  </p>
                ) : (
                  <p>{change.text}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
