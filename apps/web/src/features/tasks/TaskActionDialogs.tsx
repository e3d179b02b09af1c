import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { TaskDetail } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminFeedback } from '../admin/problems';
import { ActionDialog } from '../incoming/ActionDialog';
import { taskRules } from './errors';
import { parseProgress } from './model';
import { useTaskAction } from './queries';

type Kind = 'report' | 'complete' | 'cancel';

/**
 * Report progress (text, and a percentage unless it rolls up from sub-tasks), complete with the
 * result, or cancel with the reason.
 */
export function TaskActionDialog({
  task,
  kind,
  onClose,
}: {
  task: TaskDetail;
  kind: Kind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useTaskAction();
  const rolledUp = task.subtaskCount > 0;
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(String(task.reportedProgress));
  const [textError, setTextError] = useState(false);
  const [progressError, setProgressError] = useState(false);
  const titles = {
    report: t('tasks.reportTitle'),
    complete: t('tasks.completeTitle'),
    cancel: t('tasks.cancelTitle'),
  };
  const labels = {
    report: t('tasks.reportText'),
    complete: t('tasks.completeResult'),
    cancel: t('tasks.cancelReason'),
  };

  const submit = () => {
    const value = text.trim();
    const percent = kind === 'report' && !rolledUp ? parseProgress(progress) : null;
    const badProgress = kind === 'report' && !rolledUp && percent === null;
    setTextError(value === '');
    setProgressError(badProgress);
    if (value === '' || badProgress) return;
    const body =
      kind === 'report'
        ? { text: value, ...(percent !== null ? { progress: percent } : {}) }
        : kind === 'complete'
          ? { result: value }
          : { reason: value };
    const path = kind === 'report' ? 'reports' : kind;
    action.mutate(
      { method: 'POST', path: `/api/tasks/${task.id}/${path}`, body },
      { onSuccess: onClose },
    );
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={titles[kind]}
      submitLabel={t('tasks.save')}
      submitColor={kind === 'cancel' ? 'red' : kind === 'complete' ? 'green' : undefined}
      onSubmit={submit}
      pending={action.isPending}
      feedback={action.error ? adminFeedback(action.error, [], taskRules) : null}
      error={action.error}
      testId={`task-${kind}-dialog`}
    >
      <Stack gap="sm">
        {kind === 'cancel' && <Text size="sm">{t('tasks.cancelHint')}</Text>}
        {kind === 'report' &&
          (rolledUp ? (
            <Text size="sm" c="dimmed">
              {t('tasks.reportRolledUp')}
            </Text>
          ) : (
            <TextInput
              label={t('tasks.reportProgress')}
              inputMode="numeric"
              maxLength={3}
              value={progress}
              onChange={(event) => {
                setProgress(event.currentTarget.value);
                setProgressError(false);
              }}
              error={progressError ? t('tasks.progressInvalid') : undefined}
              data-testid="task-progress"
            />
          ))}
        <Textarea
          label={labels[kind]}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setTextError(false);
          }}
          error={textError ? t('forms.required') : undefined}
          data-autofocus
          data-testid="dialog-text"
        />
      </Stack>
    </ActionDialog>
  );
}
