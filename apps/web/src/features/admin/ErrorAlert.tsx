import { Alert, Button, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeError, errorRequestId } from '../../app/errors';
import type { MessageKey } from '../incoming/problems';
import { adminFeedback } from './problems';
import type { CodeRule } from './problems';

/**
 * A failed load or action: the message of its problem code when known (403, 404…), else the
 * generic one, the request id for support, and an optional retry.
 */
export function ErrorAlert({
  error,
  rules = {},
  onRetry,
  testId,
}: {
  error: unknown;
  rules?: Partial<Record<string, CodeRule<never>>>;
  onRetry?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const feedback = adminFeedback<never>(error, [], rules);
  const message: string =
    feedback.form && feedback.form !== 'generic'
      ? t(feedback.form as MessageKey)
      : describeError(t, error);
  const requestId = errorRequestId(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid={testId}
    >
      <Text size="sm">{message}</Text>
      {requestId && isApiError(error) && error.status >= 500 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="xs" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
