import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> · Vanban" in the current language. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${page} · ${appName}`;
  }, [page, appName]);
}
