import { Button, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { viewPath, viewSlug, visibleViews, workViews } from '../outgoing/model';
import { useOutgoingCounts } from '../outgoing/queries';

/** Home: outgoing documents waiting for the user (drafts, to review, to sign, … to issue). */
export function OutgoingCounts() {
  const { t } = useTranslation();
  const me = useSession();
  const counts = useOutgoingCounts();
  const views = visibleViews(userRoles(me), counts.data).filter((view) => workViews.includes(view));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('outgoing.home.intro')}
      </Text>
      {counts.isError ? (
        <Text size="sm" c="red">
          {t('outgoing.home.failed')}
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 2, xs: 3, lg: 6 }}
          spacing="sm"
          data-testid="home-outgoing-counts"
        >
          {views.map((view) => {
            const count = counts.data?.[view];
            const waiting = (count ?? 0) > 0;
            return (
              <UnstyledButton
                key={view}
                component={Link}
                to={viewPath(view)}
                p="sm"
                style={{
                  border: `1px solid var(--mantine-color-${waiting ? 'blue-4' : 'gray-3'})`,
                  borderRadius: 'var(--mantine-radius-md)',
                  background: waiting ? 'var(--mantine-color-blue-0)' : undefined,
                }}
                data-testid={`home-outgoing-${viewSlug(view)}`}
              >
                <Text fz={28} fw={700} lh={1.1} c={waiting ? 'blue.8' : undefined}>
                  {count ?? '–'}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`outgoing.views.${view}`)}
                </Text>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
      <Group gap="sm">
        <Button component={Link} to={viewPath('all')} variant="light" size="xs">
          {t('outgoing.home.all')}
        </Button>
        <Button
          component={Link}
          to="/outgoing/new"
          size="xs"
          leftSection={<IconFilePlus size={16} aria-hidden="true" />}
        >
          {t('outgoing.home.new')}
        </Button>
      </Group>
    </Stack>
  );
}
