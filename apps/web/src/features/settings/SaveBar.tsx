import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError, errorRequestId } from '../../app/errors';
import type { FormFeedback } from '../incoming/problems';

/**
 * The foot of a settings form: the form-level message of a failed save (a known problem code in
 * words, else the generic message with the request id), "saved" / "unsaved", save and undo.
 */
export function SaveBar<F extends string>({
  dirty,
  saved,
  pending,
  disabled = false,
  feedback,
  error,
  onSave,
  onReset,
  testId,
}: {
  dirty: boolean;
  saved: boolean;
  pending: boolean;
  disabled?: boolean;
  feedback: FormFeedback<F> | null;
  error: unknown;
  onSave: () => void;
  onReset: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const requestId = errorRequestId(error);
  return (
    <>
      {feedback?.form && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle size={18} />}
          role="alert"
          data-testid={`${testId}-error`}
        >
          <Text size="sm">
            {feedback.form === 'generic' ? describeError(t, error) : t(feedback.form)}
          </Text>
          {feedback.form === 'generic' && requestId && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('errors.requestId', { id: requestId })}
            </Text>
          )}
        </Alert>
      )}
      <Group gap="sm" justify="flex-end" wrap="wrap">
        {dirty ? (
          <Text size="sm" c="orange.8" mr="auto">
            {t('settings.unsaved')}
          </Text>
        ) : (
          saved && (
            <Text size="sm" c="green.8" mr="auto" role="status" data-testid={`${testId}-saved`}>
              <IconCheck size={14} aria-hidden="true" style={{ verticalAlign: -2 }} />{' '}
              {t('settings.saved')}
            </Text>
          )
        )}
        {dirty && (
          <Button variant="default" onClick={onReset} disabled={pending}>
            {t('settings.reset')}
          </Button>
        )}
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          onClick={onSave}
          loading={pending}
          disabled={disabled || !dirty}
          data-testid={`${testId}-save`}
        >
          {t('settings.save')}
        </Button>
      </Group>
    </>
  );
}
