import { Stack, Text } from '@mantine/core';
import { IconBell, IconCertificate, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SectionNav } from '../admin/SectionNav';

/** `/account`: the signed-in user's own signing material and delegations. */
export function AccountLayout() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {t('account.title')}
      </Text>
      <SectionNav
        label={t('account.sectionsLabel')}
        links={[
          {
            to: '/account/signature',
            label: t('account.signature'),
            icon: IconCertificate,
            testId: 'account-nav-signature',
          },
          {
            to: '/account/delegations',
            label: t('account.delegations'),
            icon: IconUserShare,
            testId: 'account-nav-delegations',
          },
          {
            to: '/account/notifications',
            label: t('account.notifications'),
            icon: IconBell,
            testId: 'account-nav-notifications',
          },
        ]}
      />
      <Outlet />
    </Stack>
  );
}
