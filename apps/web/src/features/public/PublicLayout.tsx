import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** The frame of the public pages: no session, no navigation, a way to sign in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Box
        component="header"
        bg="white"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Group justify="space-between" gap="sm">
            <Anchor component={Link} to="/public" underline="never" c="inherit">
              <Group gap={8} wrap="nowrap">
                <IconBuildingCommunity size={22} aria-hidden="true" />
                <Text fw={700}>
                  {t('app.name')} · {t('publicPage.title')}
                </Text>
              </Group>
            </Anchor>
            <Group gap="sm">
              <LanguageSwitch />
              <Anchor component={Link} to="/login" size="sm">
                {t('publicPage.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="md" component="main">
        <Outlet />
      </Container>
    </Box>
  );
}
