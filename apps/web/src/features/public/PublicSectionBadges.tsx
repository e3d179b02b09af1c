import { Badge } from '@mantine/core';
import type { PublicAgency } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';

const sections = ['tasks', 'schedule', 'onTimeRates'] as const;

export function PublicSectionBadges({ sections: shown }: { sections: PublicAgency['publishes'] }) {
  const { t } = useTranslation();
  return (
    <>
      {sections
        .filter((section) => shown[section])
        .map((section) => (
          <Badge key={section} variant="light" color="teal">
            {t(`publicPage.sections.${section}`)}
          </Badge>
        ))}
    </>
  );
}
