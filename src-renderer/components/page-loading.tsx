import { useTranslation } from 'react-i18next';

/**
 * What shows while a page's code loads (routes are loaded on first visit): the space the page will
 * take, and the words "loading" only if it takes long enough to notice (styles.css fades them in
 * late), so a quick load on the LAN shows no flash at all. The strings are already in the first
 * script, so the words are never English on a Chinese screen.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-busy="true">
      <span>{t('common.loading')}</span>
    </div>
  );
}
