import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import type { ModuleId } from '../shell/navigation';
import { navItems } from '../shell/navigation';

/**
 * The page of a module that is not built yet. It says so plainly and shows no made-up data.
 */
export function ModulePlaceholder({ module }: { module: ModuleId }) {
  const { t } = useTranslation();
  const title = t(`nav.${module}`);
  usePageTitle(title);
  const Icon = navItems.find((item) => item.id === module)?.icon;

  return (
    <Stack gap="lg" maw={880}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{t(`modules.${module}`)}</Text>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }} data-testid="module-placeholder">
        <Stack align="center" ta="center" gap="sm" py="lg">
          {Icon && (
            <ThemeIcon size={64} radius="xl" variant="light" aria-hidden="true">
              <Icon size={32} stroke={1.5} />
            </ThemeIcon>
          )}
          <Title order={2} fz="h4">
            {t('modules.comingSoon')}
          </Title>
          <Text c="dimmed" maw={520}>
            {t('modules.noData')}
          </Text>
          <Button component={Link} to="/" variant="subtle">
            {t('modules.backHome')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
