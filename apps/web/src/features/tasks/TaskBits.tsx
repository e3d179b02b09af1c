import { Badge, Group, Progress, Text } from '@mantine/core';
import type { TaskState } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';

const stateColors = {
  assigned: 'blue',
  in_progress: 'cyan',
  completed: 'green',
  cancelled: 'gray',
} as const;

export function TaskStateBadge({ state, overdue }: { state: TaskState; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={stateColors[state]} variant="light" data-testid="task-state" data-state={state}>
        {t(`tasks.states.${state}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled">
          {t('tasks.overdue')}
        </Badge>
      )}
    </Group>
  );
}

export function TaskProgress({ value, width = 120 }: { value: number; width?: number | string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Progress
        value={value}
        w={width}
        color={value >= 100 ? 'green' : 'blue'}
        aria-label={`${t('tasks.fields.progress')}: ${String(value)} %`}
      />
      <Text size="sm" data-testid="task-progress-value">
        {value} %
      </Text>
    </Group>
  );
}
