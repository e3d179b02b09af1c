import {
  Anchor,
  Alert,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TaskDetail, TaskTreeNode } from '@vanban/contracts';
import { IconBan, IconCheck, IconPlayerPlay, IconReport, IconSubtask } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { Field } from '../../components/Field';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { fileContentUrl } from '../incoming/queries';
import { taskRules } from './errors';
import { ownerLabel } from './model';
import { useTask, useTaskAction } from './queries';
import { TaskActionDialog } from './TaskActionDialogs';
import { TaskProgress, TaskStateBadge } from './TaskBits';
import { TaskFormDialog } from './TaskFormDialog';

function Tree({ nodes }: { nodes: readonly TaskTreeNode[] }) {
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <li key={node.id} data-testid="task-tree-node">
          <Stack gap={2}>
            <Anchor component={Link} to={`/tasks/${node.id}`} size="sm" fw={500}>
              {node.title}
            </Anchor>
            <Group gap="sm" wrap="wrap">
              <Text size="xs" c="dimmed">
                {ownerLabel(node.owner)}
                {node.dueDate ? ` · ${formatIsoDate(node.dueDate)}` : ''}
              </Text>
              <TaskStateBadge state={node.state} overdue={node.overdue} />
              <TaskProgress value={node.progress} width={80} />
            </Group>
            {node.children.length > 0 && (
              <div style={{ paddingLeft: 16, borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
                <Tree nodes={node.children} />
              </div>
            )}
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

/** The page of the document the task came from, if any. */
function sourceLink(task: TaskDetail): string | null {
  const { type, id } = task.source;
  if (!id) return null;
  if (type === 'incoming_document') return `/incoming/${id}`;
  if (type === 'outgoing_document') return `/outgoing/${id}`;
  return null;
}

type Dialog = 'report' | 'complete' | 'cancel' | 'subtask' | null;

/** `/tasks/:id`: owner, dates, progress (rolled up), sub-task tree, reports, result and actions. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useTask(id);
  const start = useTaskAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  usePageTitle(task.data?.title ?? t('tasks.title'));

  if (task.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (task.isError) {
    return <ErrorAlert error={task.error} rules={taskRules} onRetry={() => void task.refetch()} />;
  }
  const data = task.data;
  const can = (action: string) => data.actions.includes(action);
  const source = sourceLink(data);
  const close = () => {
    setDialog(null);
  };
  const actionButton = (
    kind: Exclude<Dialog, null>,
    action: string,
    icon: ReactNode,
    color?: string,
  ) =>
    can(action) && (
      <Button
        key={kind}
        variant={kind === 'report' ? 'filled' : 'default'}
        color={color}
        leftSection={icon}
        onClick={() => {
          setDialog(kind);
        }}
        data-testid={`task-action-${kind}`}
      >
        {t(`tasks.actions.${kind}`)}
      </Button>
    );

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={4}>
        <Group gap={4}>
          <Anchor component={Link} to="/tasks" size="sm">
            {t('tasks.title')}
          </Anchor>
          {data.ancestors.map((ancestor) => (
            <Group key={ancestor.id} gap={4}>
              <Text size="sm" c="dimmed">
                /
              </Text>
              <Anchor component={Link} to={`/tasks/${ancestor.id}`} size="sm">
                {ancestor.title}
              </Anchor>
            </Group>
          ))}
        </Group>
        <Title
          order={1}
          fz={{ base: 'h3', sm: 'h2' }}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="task-title-heading"
        >
          {data.title}
        </Title>
        <Group gap="sm">
          <TaskStateBadge state={data.state} overdue={data.overdue} />
          <TaskProgress value={data.progress} width={160} />
        </Group>
      </Stack>

      <Group gap="xs">
        {can('start') && (
          <Button
            variant="default"
            leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
            loading={start.isPending}
            onClick={() => {
              start.mutate({ method: 'POST', path: `/api/tasks/${data.id}/start`, body: {} });
            }}
            data-testid="task-action-start"
          >
            {t('tasks.actions.start')}
          </Button>
        )}
        {actionButton('report', 'report', <IconReport size={16} aria-hidden="true" />)}
        {actionButton('subtask', 'create_subtask', <IconSubtask size={16} aria-hidden="true" />)}
        {actionButton('complete', 'complete', <IconCheck size={16} aria-hidden="true" />, 'green')}
        {actionButton('cancel', 'cancel', <IconBan size={16} aria-hidden="true" />, 'red')}
      </Group>
      {start.error && <ErrorAlert error={start.error} rules={taskRules} />}
      {data.cancelReason && (
        <Alert color="gray" variant="light">
          {t('tasks.cancelled', { reason: data.cancelReason })}
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Field label={t('tasks.fields.owner')}>
                  <span data-testid="task-owner">{ownerLabel(data.owner)}</span>
                </Field>
                <Field label={t('tasks.fields.coOwners')}>
                  {data.coOwners.length > 0 ? data.coOwners.map((co) => co.name).join(', ') : '—'}
                </Field>
                <Field label={t('tasks.fields.startDate')}>{formatIsoDate(data.startDate)}</Field>
                <Field label={t('tasks.fields.due')}>
                  {data.dueDate ? formatIsoDate(data.dueDate) : t('tasks.noDue')}
                </Field>
                <Field label={t('tasks.fields.assignedBy')}>
                  {data.assignedBy.fullName} – {data.agency.name}
                </Field>
                <Field label={t('tasks.fields.progress')}>
                  {data.subtaskCount > 0
                    ? t('tasks.fields.rolledUp', { count: data.subtaskCount })
                    : `${String(data.reportedProgress)} %`}
                </Field>
                {source !== null && (
                  <Field label={t('tasks.fields.source')}>
                    <Anchor component={Link} to={source} size="sm">
                      {data.source.type === 'incoming_document'
                        ? t('tasks.sourceIncoming')
                        : t('tasks.sourceOutgoing')}
                    </Anchor>
                  </Field>
                )}
              </SimpleGrid>
              {data.description && (
                <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {data.description}
                </Text>
              )}
              {data.result && (
                <Alert color="green" variant="light" mt="sm" title={t('tasks.fields.result')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="task-result">
                    {data.result}
                  </Text>
                </Alert>
              )}
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="h4" mb="sm">
                {t('tasks.tree')}
              </Title>
              {data.subtasks.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('tasks.treeEmpty')}
                </Text>
              ) : (
                <Tree nodes={data.subtasks} />
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="h4" mb="sm">
                {t('tasks.reports')}
              </Title>
              {data.reports.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('tasks.reportsEmpty')}
                </Text>
              ) : (
                <Stack gap="sm">
                  {data.reports.map((report) => (
                    <Stack key={report.id} gap={2} data-testid="task-report">
                      <Text size="xs" c="dimmed">
                        {formatIsoDateTime(report.createdAt)} · {report.author.fullName}
                        {report.progress !== null ? ` · ${String(report.progress)} %` : ''}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {report.text}
                      </Text>
                    </Stack>
                  ))}
                </Stack>
              )}
            </Paper>
            {data.files.length > 0 && (
              <Paper withBorder radius="md" p="md">
                <Title order={2} fz="h4" mb="sm">
                  {t('tasks.files')}
                </Title>
                <Stack gap={4}>
                  {data.files.map((file) => (
                    <Anchor key={file.id} href={fileContentUrl(file.id, 'attachment')} size="sm">
                      {file.name}
                    </Anchor>
                  ))}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {(dialog === 'report' || dialog === 'complete' || dialog === 'cancel') && (
        <TaskActionDialog task={data} kind={dialog} onClose={close} />
      )}
      {dialog === 'subtask' && (
        <TaskFormDialog
          agencyId={data.owner.agency.id}
          parent={{
            id: data.id,
            title: data.title,
            dueDate: data.dueDate,
            unitId: data.owner.unit?.id ?? null,
          }}
          onClose={close}
        />
      )}
    </Stack>
  );
}
