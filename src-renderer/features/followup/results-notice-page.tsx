import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/types';

/** Placeholder until this page is built. */
export function ResultsNoticePage({ council }: { council: Council }) {
  const { t } = useTranslation();
  void council;
  return (
    <section>
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
