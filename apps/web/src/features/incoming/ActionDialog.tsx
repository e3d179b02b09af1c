import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import type { FormFeedback } from './problems';

/**
 * The frame of every action dialog: a modal form (full screen on a phone) with a title, the
 * fields, a form-level error and Cancel / confirm buttons. Mantine's Modal traps focus and gives
 * it back to the button that opened it.
 */
export function ActionDialog<F extends string>({
  opened,
  onClose,
  title,
  children,
  submitLabel,
  submitColor,
  onSubmit,
  pending,
  feedback,
  error,
  disabled = false,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  submitLabel: string;
  submitColor?: string;
  onSubmit: () => void;
  pending: boolean;
  feedback: FormFeedback<F> | null;
  error: unknown;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      fullScreen={phone}
      size="lg"
      centered={!phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid={testId}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {children}
          {feedback?.form && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {feedback.form === 'generic' ? describeError(t, error) : t(feedback.form)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={submitColor}
              loading={pending}
              disabled={disabled}
              data-testid="dialog-submit"
            >
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
