import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, languages, setLanguage } from '../../i18n';

/** vi / en switch; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  // Reading `i18n.language` keeps the control in step with changes made elsewhere.
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={value}
      onChange={(next) => {
        if (isLanguage(next)) {
          void setLanguage(next);
        }
      }}
      data={languages.map((language) => ({
        value: language,
        label: (
          <>
            <span aria-hidden="true" lang={language}>
              {language.toUpperCase()}
            </span>
            <VisuallyHidden lang={language}>{t(`language.${language}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}
