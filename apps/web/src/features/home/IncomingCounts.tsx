import {
  Alert,
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { viewPath, viewSlug, visibleViews } from '../incoming/model';
import { useIncomingCounts } from '../incoming/queries';

/** Home: how many documents wait in each inbox, each a link to its list; overdue in red. */
export function IncomingCounts() {
  const { t } = useTranslation();
  const me = useSession();
  const roles = userRoles(me);
  const counts = useIncomingCounts();
  const views = visibleViews(roles, counts.data).filter((view) => view !== 'all');
  const overdue = counts.data?.overdue ?? 0;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('home.incomingIntro')}
      </Text>
      {counts.isError ? (
        <Text size="sm" c="red">
          {t('home.countsFailed')}
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 2, xs: 3, lg: 6 }}
          spacing="sm"
          data-testid="home-incoming-counts"
        >
          {views.map((view) => {
            const count = counts.data?.[view];
            const alarm = view === 'overdue' && (count ?? 0) > 0;
            return (
              <UnstyledButton
                key={view}
                component={Link}
                to={viewPath(view)}
                p="sm"
                style={{
                  border: `1px solid var(--mantine-color-${alarm ? 'red-4' : 'gray-3'})`,
                  borderRadius: 'var(--mantine-radius-md)',
                  background: alarm ? 'var(--mantine-color-red-0)' : undefined,
                }}
                data-testid={`home-count-${viewSlug(view)}`}
              >
                <Text fz={28} fw={700} lh={1.1} c={alarm ? 'red.8' : undefined}>
                  {count ?? '–'}
                </Text>
                <Text size="sm" c={alarm ? 'red.8' : 'dimmed'}>
                  {t(`incoming.views.${view}`)}
                </Text>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
      {overdue > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
          <Anchor component={Link} to={viewPath('overdue')} c="red.9" size="sm">
            {t('home.incomingOverdueAlert', { count: overdue })}
          </Anchor>
        </Alert>
      )}
      <Group gap="sm">
        <Button component={Link} to={viewPath('all')} variant="light" size="xs">
          {t('home.incomingAll')}
        </Button>
        {roles.has('clerk') && (
          <Button
            component={Link}
            to="/incoming/new"
            size="xs"
            leftSection={<IconFilePlus size={16} aria-hidden="true" />}
          >
            {t('home.incomingRegister')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
