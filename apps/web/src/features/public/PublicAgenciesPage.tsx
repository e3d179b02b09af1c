import {
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../admin/ErrorAlert';
import { PublicSectionBadges } from './PublicSectionBadges';
import { usePublicAgencies } from './queries';

/** `/public`: the agencies that publish something, each with the sections it publishes. */
export function PublicAgenciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicPage.title'));
  const agencies = usePublicAgencies();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('publicPage.agencies')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('publicPage.intro')}
        </Text>
      </Stack>
      {agencies.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : agencies.isError ? (
        <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : agencies.data.items.length === 0 ? (
        <Text c="dimmed">{t('publicPage.noAgencies')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {agencies.data.items.map((agency) => (
            <Paper key={agency.code} withBorder radius="md" p="md" data-testid="public-agency">
              <Stack gap={6}>
                <Anchor component={Link} to={`/public/${agency.code}`} fw={600}>
                  {agency.name}
                </Anchor>
                <Group gap={4}>
                  <Badge variant="outline" color="gray">
                    {agency.code}
                  </Badge>
                  <PublicSectionBadges sections={agency.publishes} />
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
