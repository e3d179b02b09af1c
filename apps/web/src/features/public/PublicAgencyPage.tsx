import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../admin/ErrorAlert';
import { PublicOnTimeSection } from './PublicOnTimeSection';
import { PublicScheduleSection } from './PublicScheduleSection';
import { PublicSectionBadges } from './PublicSectionBadges';
import { PublicTasksSection } from './PublicTasksSection';
import { usePublicAgency } from './queries';
import { publicRules } from './rules';

/** `/public/:code`: what one agency publishes, section by section. */
export function PublicAgencyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const agency = usePublicAgency(code);
  usePageTitle(agency.data?.name ?? t('publicPage.title'));
  // An empty address must not hide the phone and e-mail after it.
  const contact = [agency.data?.address, agency.data?.phone, agency.data?.email]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/public" size="sm">
        {t('publicPage.backToList')}
      </Anchor>
      {agency.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : agency.isError ? (
        <ErrorAlert error={agency.error} rules={publicRules} testId="public-agency-error" />
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <Stack gap={6}>
              <Title order={1} fz={{ base: 'h3', sm: 'h2' }} data-testid="public-agency-name">
                {agency.data.name}
              </Title>
              <Group gap={4}>
                <Badge variant="outline" color="gray">
                  {agency.data.code}
                </Badge>
                <PublicSectionBadges sections={agency.data.publishes} />
              </Group>
              {contact && (
                <Text size="sm" c="dimmed">
                  {t('publicPage.contact')}: {contact}
                </Text>
              )}
            </Stack>
          </Paper>
          {agency.data.publishes.tasks && <PublicTasksSection code={agency.data.code} />}
          {agency.data.publishes.schedule && <PublicScheduleSection code={agency.data.code} />}
          {agency.data.publishes.onTimeRates && <PublicOnTimeSection code={agency.data.code} />}
        </>
      )}
    </Stack>
  );
}
