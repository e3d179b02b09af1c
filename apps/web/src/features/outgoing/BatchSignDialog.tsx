import { Alert, Button, Group, List, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { OutgoingSummary } from '@vanban/contracts';
import { IconAlertCircle, IconCheck, IconSignature, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { outgoingCodeMessage, outgoingErrorMessage } from './problems';
import { useBatchSign } from './queries';

function problemText(t: TFunction, problem: { code: string } | undefined): string {
  const key = problem ? outgoingCodeMessage(problem.code) : 'generic';
  return key === 'generic' ? t('outgoing.batch.failed') : t(key);
}

/**
 * Signs the ticked documents in one request; then shows, per document, signed or why not.
 * The confirm button is disabled while the request runs and once it answered (no second batch).
 */
export function BatchSignDialog({
  items,
  onClose,
}: {
  items: OutgoingSummary[];
  onClose: (signed: string[]) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const batch = useBatchSign();
  const results = batch.data?.results;
  const okIds = (results ?? []).filter((result) => result.ok).map((result) => result.id);
  const close = () => {
    if (!batch.isPending) onClose(okIds);
  };

  return (
    <Modal
      opened
      onClose={close}
      title={t('outgoing.batch.title')}
      fullScreen={phone}
      size="lg"
      centered={!phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="batch-sign-dialog"
    >
      <Stack gap="md">
        {results ? (
          <Alert
            color={okIds.length === results.length ? 'green' : 'orange'}
            variant="light"
            role="status"
            data-testid="batch-summary"
          >
            {t('outgoing.batch.summary', { ok: okIds.length, total: results.length })}
          </Alert>
        ) : (
          <Text size="sm">{t('outgoing.batch.intro')}</Text>
        )}
        <List spacing="xs" listStyleType="none" pl={0} ml={0}>
          {items.map((item) => {
            const result = results?.find((entry) => entry.id === item.id);
            return (
              <List.Item key={item.id} data-testid="batch-item" data-ok={result?.ok}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon
                    size={24}
                    radius="xl"
                    variant="light"
                    color={result ? (result.ok ? 'green' : 'red') : 'blue'}
                    aria-hidden="true"
                  >
                    {result ? (
                      result.ok ? (
                        <IconCheck size={14} />
                      ) : (
                        <IconX size={14} />
                      )
                    ) : (
                      <IconSignature size={14} />
                    )}
                  </ThemeIcon>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {item.subject}
                    </Text>
                    {result && (
                      <Text size="xs" c={result.ok ? 'green.8' : 'red.8'}>
                        {result.ok ? t('outgoing.batch.ok') : problemText(t, result.problem)}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </List.Item>
            );
          })}
        </List>
        {batch.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {outgoingErrorMessage(t, batch.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {results ? (
            <Button onClick={close} data-testid="batch-done">
              {t('outgoing.batch.done')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close} disabled={batch.isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconSignature size={16} aria-hidden="true" />}
                loading={batch.isPending}
                onClick={() => {
                  if (!batch.isPending && !batch.data) batch.mutate(items.map((item) => item.id));
                }}
                data-testid="batch-confirm"
              >
                {t('outgoing.batch.confirm', { count: items.length })}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
