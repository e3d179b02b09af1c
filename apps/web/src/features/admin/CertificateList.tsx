import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import type { Certificate } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { ActionDialog } from '../incoming/ActionDialog';
import { CertificateBadges } from './CertificateBadges';
import { commonName } from './owners';
import { adminFeedback } from './problems';
import { useDeactivateCertificate } from './signatureQueries';
import { useFormFeedback } from './useFormFeedback';

function DeactivateDialog({
  certificate,
  onClose,
}: {
  certificate: Certificate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deactivate = useDeactivateCertificate();
  const { feedback, setFeedback } = useFormFeedback<never>();
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.certificates.deactivateTitle')}
      submitLabel={t('admin.certificates.deactivate')}
      submitColor="red"
      onSubmit={() => {
        setFeedback(null);
        deactivate.mutate(certificate.id, {
          onSuccess: onClose,
          onError: (error) => {
            setFeedback(
              adminFeedback<never>(error, [], {
                [errorCodes.certificateNotFound]: {
                  message: 'admin.certificates.errors.notFound',
                },
              }),
            );
          },
        });
      }}
      pending={deactivate.isPending}
      feedback={feedback}
      error={deactivate.error}
      testId="deactivate-dialog"
    >
      <Text size="sm">
        {t('admin.certificates.deactivateHint', { subject: commonName(certificate.subject) })}
      </Text>
    </ActionDialog>
  );
}

/** One certificate: who it names, expiry / DEMO / deactivated badges, issuer, validity, serial. */
export function CertificateRow({ certificate, now }: { certificate: Certificate; now: Date }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack
      gap={4}
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="certificate"
      data-demo={certificate.demo}
      data-active={certificate.active}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} title={certificate.subject} style={{ overflowWrap: 'anywhere' }}>
            {commonName(certificate.subject)}
          </Text>
          <CertificateBadges certificate={certificate} now={now} />
        </Stack>
        {certificate.active && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => {
              setConfirming(true);
            }}
            data-testid="certificate-deactivate"
            style={{ flexShrink: 0 }}
          >
            {t('admin.certificates.deactivate')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('admin.certificates.validity', {
          from: formatIsoDateTime(certificate.validFrom),
          to: formatIsoDateTime(certificate.validTo),
        })}
      </Text>
      <Text size="xs" c="dimmed" title={certificate.issuer} style={{ overflowWrap: 'anywhere' }}>
        {t('admin.certificates.issuer', { issuer: commonName(certificate.issuer) })} ·{' '}
        {t('admin.certificates.serial')} <Code fz="xs">{certificate.serialNumber}</Code>
      </Text>
      {confirming && (
        <DeactivateDialog
          certificate={certificate}
          onClose={() => {
            setConfirming(false);
          }}
        />
      )}
    </Stack>
  );
}
