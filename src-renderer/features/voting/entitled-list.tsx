import { useTranslation } from 'react-i18next';
import type { VoterBasis } from '../../../shared/api/areas/voting';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';

/** Up to this many the list is shown open; a longer one (a courtyard's households) opens on a click. */
const openUpTo = 20;

/**
 * Who is entitled under the chosen rule, before the chair opens the vote: the count and every name,
 * worked out by the host exactly as the vote will be (council:electorate). It follows the roster live.
 */
export function EntitledList({ councilId, voterBasis }: { councilId: number; voterBasis: VoterBasis }) {
  const { t } = useTranslation();
  const electorate = useQuery('council:electorate', { councilId, voterBasis }, { live: true });
  if (electorate.error) return <ErrorNote message={electorate.error.message} />;
  // The query keeps the previous basis's answer while the new one loads: never show it as this one.
  const data = electorate.data?.voterBasis === voterBasis ? electorate.data : undefined;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  if (data.count === 0) {
    return (
      <p className="warning-note" role="note">
        {voterBasis === 'members' ? t('entitled.noMembers') : voterBasis === 'households' ? t('entitled.noHouseholds') : t('entitled.noOwners')}
      </p>
    );
  }
  const summary =
    voterBasis === 'members'
      ? t('entitled.members', { count: data.count })
      : voterBasis === 'households'
        ? t('entitled.households', { count: data.count })
        : t('entitled.owners', { count: data.count, area: formatCentiArea(data.areaCenti) });
  return (
    <details className="rule-adjuster entitled-list" open={data.count <= openUpTo} aria-label={t('entitled.label')}>
      <summary>{summary}</summary>
      <p>{data.voters.map((voter) => voter.label).join(t('entitled.separator'))}</p>
    </details>
  );
}
