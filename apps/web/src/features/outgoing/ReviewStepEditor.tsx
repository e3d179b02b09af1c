import { ActionIcon, Badge, Group, MultiSelect, Paper, Stack } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StepDraft, StepProblem } from './reviewSteps';

/** One step of the review chain: its reviewers (in parallel), moved up/down or removed. */
export function ReviewStepEditor({
  step,
  n,
  last,
  options,
  loading,
  problem,
  onReviewers,
  onMove,
  onRemove,
}: {
  step: StepDraft;
  /** 1-based position. */
  n: number;
  last: boolean;
  options: { value: string; label: string }[];
  loading: boolean;
  problem: StepProblem | undefined;
  onReviewers: (ids: string[]) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="review-step">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {t('outgoing.submit.step', { n })}
          </Badge>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('outgoing.submit.moveUp', { n })}
              disabled={n === 1}
              onClick={() => {
                onMove(-1);
              }}
            >
              <IconArrowUp size={16} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('outgoing.submit.moveDown', { n })}
              disabled={last}
              onClick={() => {
                onMove(1);
              }}
            >
              <IconArrowDown size={16} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('outgoing.submit.removeStep', { n })}
              onClick={onRemove}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        </Group>
        <MultiSelect
          label={t('outgoing.submit.reviewers', { n })}
          description={t('outgoing.submit.reviewersHint')}
          data={options}
          value={step.reviewerIds}
          onChange={onReviewers}
          searchable
          nothingFoundMessage={t('people.nothingFound')}
          placeholder={loading ? t('app.loading') : undefined}
          error={problem ? t(`outgoing.submit.problems.${problem}`) : undefined}
          comboboxProps={{ withinPortal: true }}
          data-testid={`step-reviewers-${String(n)}`}
        />
      </Stack>
    </Paper>
  );
}
