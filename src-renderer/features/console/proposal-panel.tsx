import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/api/areas/meetings';
import { call } from '../../api/client';
import { Field } from '../../components/field';

/**
 * The proposal of the matter on: as tabled, and as amended in the meeting. The chair (or the
 * secretary at the chair's laptop) writes the amended wording as the discussion settles it; it is
 * what the minutes record next to the vote. Locked matters are refused by the host.
 */
export function ProposalPanel({ item, onDone }: { item: AgendaItem; onDone: (error?: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(item.amendedText ?? item.text);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(item.amendedText ?? item.text), [item.amendedText, item.text]);
  useEffect(() => setSaved(false), [item.id]);

  const save = async (text: string) => {
    const result = await call('agenda:amend', { agendaItemId: item.id, text });
    setSaved(result.ok);
    onDone(result.ok ? undefined : result.error.message);
  };
  const changed = draft.trim() !== (item.amendedText ?? item.text).trim();

  return (
    <details className="proposal">
      <summary>
        {t('console.proposal.title')} {item.amendedText !== null && <span className="tag">{t('console.proposal.amendedTag')}</span>}
      </summary>
      <p className="muted proposal-tabled">
        {t('console.proposal.tabled')}{t('common.colon')}{item.text.trim() || t('console.proposal.noText')}
      </p>
      <Field label={t('console.proposal.amended')} hint={t('console.proposal.hint')}>
        <textarea rows={4} maxLength={4000} value={draft} onChange={(event) => setDraft(event.target.value)} />
      </Field>
      <div className="form-actions">
        {saved && !changed && (
          <span className="saved-note" role="status">
            {t('console.proposal.saved')}
          </span>
        )}
        {item.amendedText !== null && (
          <button type="button" className="button-quiet" onClick={() => void save('')}>
            {t('console.proposal.revert')}
          </button>
        )}
        <button type="button" className="button-primary" disabled={!changed} onClick={() => void save(draft)}>
          {t('console.proposal.save')}
        </button>
      </div>
    </details>
  );
}
