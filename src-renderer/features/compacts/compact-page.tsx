import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompactDetail, CompactVersion } from '../../../shared/api/areas/compacts';
import type { Council } from '../../../shared/api/areas/councils';
import { chineseDate } from '../../../shared/domain/followup/dates';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { AdoptDialog } from './adopt-dialog';
import { ArticlesEditor } from './articles-editor';
import { DiffView } from './diff-view';
import { SignaturesPanel } from './signatures-panel';
import './compacts.css';
import { PageTitle } from '../../components/page-title';

function adoptionLine(version: CompactVersion, t: (key: string, options?: Record<string, unknown>) => string): string {
  const adoption = version.adoption;
  if (!adoption) return t('compacts.versions.draft');
  return t('compacts.versions.adoptedBy', {
    date: chineseDate(adoption.meetingDate),
    meeting: adoption.meetingTitle,
    matter: adoption.agendaTitle,
    for: adoption.votesFor,
    against: adoption.votesAgainst,
    abstain: adoption.votesAbstain,
  });
}

/** #/compacts/<id>: the articles, the versions and their differences, adoption by a vote, household signatures, Word. */
export function CompactPage({ council, compactId }: { council: Council; compactId: number }) {
  const { t } = useTranslation();
  const query = useQuery('compacts:get', { compactId }, { live: true });
  const [detail, setDetail] = useState<CompactDetail | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [adopting, setAdopting] = useState<CompactVersion | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [message, setMessage] = useState<string>();
  const action = useAction();

  useEffect(() => {
    if (query.data) setDetail(query.data);
  }, [query.data]);

  if (query.error) return <ErrorNote message={query.error.message} />;
  const compact = detail ?? query.data;
  if (!compact) return <p className="muted">{t('common.loading')}</p>;

  const versions = compact.versions;
  const latest = versions.at(-1);
  const shownPair = pair ?? (versions.length >= 2 ? [versions.at(-2)!.version, latest!.version] : null);

  const download = async (work: Promise<Awaited<ReturnType<typeof call<'compacts:export'>>>>) => {
    setMessage(undefined);
    const result = await action.run(work);
    if (!result.ok) return;
    downloadFile(result.value);
    setMessage(t('compacts.exported', { fileName: result.value.fileName }));
  };

  const rename = async (title: string) => {
    const result = await action.run(call('compacts:rename', { compactId, title }));
    if (!result.ok) return;
    setRenaming(null);
    setDetail(result.value);
  };

  const remove = async () => {
    if (!window.confirm(t('compacts.deleteConfirm', { title: compact.title }))) return;
    const result = await action.run(call('compacts:delete', { compactId }));
    if (!result.ok) return;
    window.location.hash = '#/compacts';
  };

  const inForce = versions.find((version) => version.id === compact.inForceVersionId) ?? null;

  return (
    <section>
      <div className="page-header">
        <PageTitle backHref="#/compacts" backLabel={t('compacts.title')} title={compact.title} />
        <div className="toolbar">
          <button type="button" onClick={() => setRenaming(compact.title)}>
            {t('compacts.rename')}
          </button>
          {!inForce && (
            <button type="button" className="button-quiet" onClick={() => void remove()}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </div>
      {renaming !== null && (
        <form
          className="panel compact-create"
          aria-label={t('compacts.rename')}
          onSubmit={(event) => {
            event.preventDefault();
            void rename(renaming);
          }}
        >
          <label className="field">
            <span className="field-label">{t('compacts.name')}</span>
            <input value={renaming} onChange={(event) => setRenaming(event.target.value)} maxLength={60} required />
          </label>
          <button type="button" onClick={() => setRenaming(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary">
            {t('common.save')}
          </button>
        </form>
      )}
      <p className={inForce ? 'compact-status compact-status-adopted' : 'compact-status'}>
        {inForce ? t('compacts.inForceLine', { version: inForce.version, line: adoptionLine(inForce, t) }) : t('compacts.noneInForce')}
      </p>
      {action.error && <ErrorNote message={action.error} />}
      {message && (
        <p className="saved-note" role="status">
          {message}
        </p>
      )}

      {compact.signing && inForce && (
        <>
          <SignaturesPanel signing={compact.signing} onChanged={setDetail} />
          <div className="toolbar">
            <button type="button" className="button-primary button-large" onClick={() => void download(call('compacts:export', { versionId: inForce.id }))}>
              {t('compacts.exportSigned')}
            </button>
            <button type="button" className="button-large" onClick={() => void download(call('compacts:blankSheet', { versionId: inForce.id }))}>
              {t('compacts.blankSheet')}
            </button>
          </div>
        </>
      )}

      <ArticlesEditor compact={compact} onSaved={setDetail} />

      <section className="compact-section" aria-label={t('compacts.versions.title')}>
        <h2>{t('compacts.versions.title')}</h2>
        {versions.length === 0 && <p className="empty">{t('compacts.versions.none')}</p>}
        <ol className="version-list" reversed>
          {[...versions].reverse().map((version) => (
            <li key={version.id} className="panel version-row" aria-label={t('compacts.versions.version', { version: version.version })}>
              <h3>{t('compacts.versions.version', { version: version.version })}</h3>
              <span>
                {chineseDate(version.createdAt.slice(0, 10))} · {t('compacts.versions.articles', { count: version.articles.length })}
                {version.note && ` · ${version.note}`}
                <br />
                <span className={version.adoption ? 'version-adopted' : 'version-draft'}>{adoptionLine(version, t)}</span>
              </span>
              <span className="version-actions">
                {version.version > 1 && (
                  <button type="button" onClick={() => setPair([version.version - 1, version.version])}>
                    {t('compacts.versions.compare')}
                  </button>
                )}
                {!version.adoption && (!inForce || version.version > inForce.version) && (
                  <button type="button" onClick={() => setAdopting(version)}>
                    {t('compacts.versions.adopt')}
                  </button>
                )}
                <button type="button" onClick={() => void download(call('compacts:export', { versionId: version.id }))}>
                  {version.adoption ? t('compacts.versions.exportWord') : t('compacts.versions.exportDraft')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      </section>

      {shownPair && <DiffView versions={versions} from={shownPair[0]} to={shownPair[1]} onPick={(from, to) => setPair([from, to])} />}

      {adopting && (
        <AdoptDialog
          councilId={council.id}
          compactId={compactId}
          version={adopting}
          onCancel={() => setAdopting(null)}
          onDone={(next) => {
            setAdopting(null);
            setDetail(next);
          }}
        />
      )}
    </section>
  );
}
