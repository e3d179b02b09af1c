import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../errors/StatusPages';
import { visibleSections } from './sections';
import { SectionNav } from './SectionNav';

/** `/admin`: the links to the sections the user may open above the section's page. */
export function AdminLayout() {
  const { t } = useTranslation();
  const sections = visibleSections(userRoles(useSession()));
  if (sections.length === 0) return <ForbiddenPage />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {t('nav.admin')}
      </Text>
      <SectionNav
        label={t('admin.sectionsLabel')}
        links={sections.map((section) => ({
          to: `/admin/${section.id}`,
          label: t(`admin.sections.${section.id}`),
          icon: section.icon,
          testId: `admin-nav-${section.id}`,
        }))}
      />
      <Outlet />
    </Stack>
  );
}

/** `/admin` opens the first section the user may see. */
export function AdminIndex() {
  const sections = visibleSections(userRoles(useSession()));
  const first = sections[0];
  return first ? <Navigate to={`/admin/${first.id}`} replace /> : <ForbiddenPage />;
}
