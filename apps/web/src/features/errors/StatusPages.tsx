import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';

function StatusPage({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Center py={64} px="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color="gray" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('modules.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapOff size={32} />}
      title={t('pages.notFoundTitle')}
      text={t('pages.notFound')}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconLock size={32} />}
      title={t('pages.forbiddenTitle')}
      text={t('pages.forbidden')}
    />
  );
}

/** Route error boundary: a rendering error shows this instead of a blank page. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={480} ta="center" role="alert">
        <ThemeIcon size={64} radius="xl" variant="light" color="red" aria-hidden="true">
          <IconAlertTriangle size={32} />
        </ThemeIcon>
        <Text>{t('errors.unexpected')}</Text>
        <Button
          variant="light"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('errors.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
