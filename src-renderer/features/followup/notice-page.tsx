import { useTranslation } from 'react-i18next';
import type { Council } from '../../../shared/api/types';

/** Placeholder until this page is built. */
export function NoticePage({ council, meetingId }: { council: Council; meetingId: number }) {
  const { t } = useTranslation();
  void council;
  void meetingId;
  return (
    <section>
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
