import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { taskViewValues } from '@vanban/contracts';
import type { TaskView } from '@vanban/contracts';
import { IconBellRinging, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { taskRules } from './errors';
import { ownerLabel } from './model';
import { useTaskCounts, useTaskList } from './queries';
import { TaskProgress, TaskStateBadge } from './TaskBits';
import { TaskFormDialog } from './TaskFormDialog';

function isView(value: string | null): value is TaskView {
  return value !== null && (taskViewValues as readonly string[]).includes(value);
}

/** `/tasks?view=`: the task lists with their counts. */
export function TasksListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const roles = userRoles(me);
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: TaskView = isView(asked) ? asked : 'assigned_to_me';
  usePageTitle(`${t(`tasks.views.${view}`)} · ${t('tasks.title')}`);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useTaskList(view, q);
  const counts = useTaskCounts();
  const [creating, setCreating] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canGive = roles.has('leader') || roles.has('deputy') || roles.has('unit_head');

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('tasks.title')}
        </Title>
        <Group gap="xs">
          {roles.has('leader') && (
            <Button
              component={Link}
              to="/admin/reminders"
              variant="default"
              leftSection={<IconBellRinging size={16} aria-hidden="true" />}
              data-testid="task-reminder-settings"
            >
              {t('settings.reminders.link')}
            </Button>
          )}
          {canGive && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => {
                setCreating(true);
              }}
              data-testid="task-new"
            >
              {t('tasks.new')}
            </Button>
          )}
        </Group>
      </Group>
      <nav aria-label={t('tasks.viewsLabel')}>
        <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
          <Group gap={6} wrap="nowrap" pb={4}>
            {taskViewValues.map((item) => (
              <Button
                key={item}
                size="sm"
                variant={item === view ? 'light' : 'subtle'}
                color={item === view ? 'blue' : 'gray'}
                aria-current={item === view ? 'page' : undefined}
                onClick={() => {
                  setParams({ view: item });
                }}
                rightSection={
                  counts.data?.[item] !== undefined ? (
                    <Badge size="sm" variant="light" color={item === 'overdue' ? 'red' : 'gray'}>
                      {counts.data[item]}
                    </Badge>
                  ) : undefined
                }
                style={{ flexShrink: 0 }}
                data-testid={`task-view-${item}`}
              >
                {t(`tasks.views.${item}`)}
              </Button>
            ))}
          </Group>
        </ScrollArea>
      </nav>
      <TextInput
        type="search"
        aria-label={t('tasks.search')}
        placeholder={t('tasks.search')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
        maxLength={200}
      />
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} rules={taskRules} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed" data-testid="tasks-empty">
            {t('tasks.empty')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="xs">
          {items.map((task) => (
            <Paper key={task.id} withBorder radius="md" p="sm" data-testid="task-row">
              <Stack gap={4}>
                <Anchor
                  component={Link}
                  to={`/tasks/${task.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {task.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {ownerLabel(task.owner)}
                </Text>
                <Group gap="sm" wrap="wrap">
                  <TaskStateBadge state={task.state} overdue={task.overdue} />
                  <TaskProgress value={task.progress} width={100} />
                  <Text size="sm">
                    {task.dueDate
                      ? t('tasks.due', { date: formatIsoDate(task.dueDate) })
                      : t('tasks.noDue')}
                  </Text>
                  {task.subtaskCount > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('tasks.subtasks', { count: task.subtaskCount })}
                    </Text>
                  )}
                  {task.reportMissing && (
                    <Badge color="orange" variant="light">
                      {t('tasks.reportMissing')}
                    </Badge>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="light"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('tasks.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
      {creating && (
        <TaskFormDialog
          agencyId={me.agency.id}
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
    </Stack>
  );
}
