import { Anchor, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { dashboardRules } from './rules';
import { useDashboardOverdue } from './queries';

/** Drill-down: the agency's overdue incoming documents and tasks at the cut, with links. */
export function OverdueSection({ agency, to }: { agency: string; to: string | undefined }) {
  const { t } = useTranslation();
  const overdue = useDashboardOverdue(agency, to);
  if (overdue.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (overdue.isError) return <ErrorAlert error={overdue.error} rules={dashboardRules} />;
  const data = overdue.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-overdue">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('dashboards.overdueTitle', { agency: data.agency.name })}
        </Title>
        <Title order={3} fz="md">
          {t('dashboards.overdueIncoming', { count: data.incoming.total })}
        </Title>
        {data.incoming.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('dashboards.noneOverdue')}
          </Text>
        )}
        {data.incoming.items.map((item) => (
          <Text key={item.id} size="sm">
            <Anchor component={Link} to={`/incoming/${item.id}`}>
              {item.reference}
            </Anchor>{' '}
            {item.subject} · {formatIsoDate(item.dueDate)} ·{' '}
            {t('dashboards.overdueDays', { count: item.workingDaysOverdue })}
            {item.handler ? ` · ${item.handler}` : ''}
          </Text>
        ))}
        {data.incoming.hidden > 0 && (
          <Text size="xs" c="dimmed">
            {t('dashboards.hidden', { count: data.incoming.hidden })}
          </Text>
        )}
        <Title order={3} fz="md">
          {t('dashboards.overdueTasks', { count: data.tasks.total })}
        </Title>
        {data.tasks.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('dashboards.noneOverdue')}
          </Text>
        )}
        {data.tasks.items.map((item) => (
          <Text key={item.id} size="sm">
            <Anchor component={Link} to={`/tasks/${item.id}`}>
              {item.title}
            </Anchor>{' '}
            · {formatIsoDate(item.dueDate)} · {item.progress} % ·{' '}
            {t('dashboards.overdueDays', { count: item.workingDaysOverdue })}
            {item.owner ? ` · ${item.owner}` : ''}
          </Text>
        ))}
        {data.tasks.hidden > 0 && (
          <Text size="xs" c="dimmed">
            {t('dashboards.hidden', { count: data.tasks.hidden })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
