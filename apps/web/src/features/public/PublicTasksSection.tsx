import {
  Badge,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { PublicTask } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { TaskProgress } from '../tasks/TaskBits';
import { publicRules } from './rules';
import { usePublicTasks } from './queries';

function StatusBadge({ task }: { task: PublicTask }) {
  const { t } = useTranslation();
  if (task.overdue) {
    return (
      <Badge color="red" variant="light">
        {t('publicPage.overdue')}
      </Badge>
    );
  }
  const color =
    task.status === 'completed' ? (task.completedOnTime === false ? 'orange' : 'green') : 'blue';
  return (
    <Badge color={color} variant="light">
      {t(`publicPage.taskStatus.${task.status}`)}
      {task.status === 'completed' && task.completedOnTime !== null
        ? ` · ${task.completedOnTime ? t('publicPage.onTimeDone') : t('publicPage.lateDone')}`
        : ''}
    </Badge>
  );
}

/** Public tasks the city gave the agency: counts per status and the list. */
export function PublicTasksSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('all');
  const tasks = usePublicTasks(code, status === 'all' ? null : status);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const data = tasks.data;

  return (
    <Paper withBorder radius="md" p="md" data-testid="public-tasks">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('publicPage.tasksTitle')}
        </Title>
        {data && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {(['assigned', 'inProgress', 'completed', 'overdue'] as const).map((key) => (
              <Paper key={key} withBorder p="xs" radius="sm">
                <Text size="xs" c="dimmed">
                  {t(`publicPage.taskCounts.${key}`)}
                </Text>
                <Text fw={700} fz="lg" c={key === 'overdue' ? 'red' : undefined}>
                  {data.counts[key]}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[
            { value: 'all', label: t('publicPage.filterAll') },
            { value: 'assigned', label: t('publicPage.taskStatus.assigned') },
            { value: 'in_progress', label: t('publicPage.taskStatus.in_progress') },
            { value: 'completed', label: t('publicPage.taskStatus.completed') },
          ]}
          fullWidth={!wide}
          orientation={wide ? 'horizontal' : 'vertical'}
        />
        {tasks.isError ? (
          <ErrorAlert error={tasks.error} rules={publicRules} />
        ) : !data ? null : data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('publicPage.tasksEmpty')}
          </Text>
        ) : wide ? (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('publicPage.taskColumns.title')}</Table.Th>
                  <Table.Th>{t('publicPage.taskColumns.assignedBy')}</Table.Th>
                  <Table.Th>{t('publicPage.taskColumns.owner')}</Table.Th>
                  <Table.Th>{t('publicPage.taskColumns.due')}</Table.Th>
                  <Table.Th>{t('publicPage.taskColumns.progress')}</Table.Th>
                  <Table.Th>{t('publicPage.taskColumns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((task) => (
                  <Table.Tr key={task.id} data-testid="public-task">
                    <Table.Td>{task.title}</Table.Td>
                    <Table.Td>{task.assignedBy}</Table.Td>
                    <Table.Td>
                      {task.ownerUnit
                        ? `${task.ownerUnit} – ${task.ownerAgency}`
                        : task.ownerAgency}
                    </Table.Td>
                    <Table.Td>
                      {task.dueDate ? formatIsoDate(task.dueDate) : t('publicPage.noDue')}
                    </Table.Td>
                    <Table.Td>
                      <TaskProgress value={task.progress} width={80} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge task={task} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Stack gap="xs">
            {data.items.map((task) => (
              <Paper key={task.id} withBorder p="sm" radius="sm" data-testid="public-task">
                <Stack gap={4}>
                  <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {task.assignedBy} → {task.ownerUnit ?? task.ownerAgency}
                  </Text>
                  <Group gap="xs" justify="space-between">
                    <Text size="sm">
                      {task.dueDate ? formatIsoDate(task.dueDate) : t('publicPage.noDue')}
                    </Text>
                    <StatusBadge task={task} />
                  </Group>
                  <TaskProgress value={task.progress} width={80} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {data && (
          <Text size="xs" c="dimmed">
            {t('publicPage.tasksAsOf', { date: formatIsoDate(data.asOf) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
