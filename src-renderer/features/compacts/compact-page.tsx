import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/types';

/** Placeholder until this page is built. */
export function CompactPage({ council, compactId }: { council: Council; compactId: number }) {
  const { t } = useTranslation();
  void council;
  void compactId;
  return (
    <section>
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
