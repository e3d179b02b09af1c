import { Card, Group, Loader, Stack, Text } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { Section } from '../incoming/DocumentSections';
import { SignatureBadge } from './Badges';
import { signaturesPending } from './model';

/** The signatures on the current main PDF as the server's verifier sees them. */
export function SignaturesSection({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const pending = signaturesPending(detail);
  return (
    <Section
      title={t('outgoing.detail.signatures')}
      icon={<IconCertificate size={18} />}
      testId="outgoing-signatures"
    >
      {pending && (
        <Group gap="xs" mb="xs" data-testid="signatures-pending">
          <Loader size="xs" aria-hidden="true" />
          <Text size="sm" c="dimmed" role="status">
            {t('outgoing.detail.verifying')}
          </Text>
        </Group>
      )}
      {detail.signatures.length === 0 ? (
        !pending && (
          <Text size="sm" c="dimmed">
            {t('outgoing.detail.noSignatures')}
          </Text>
        )
      ) : (
        <Stack gap="xs">
          {detail.signatures.map((signature) => (
            <Card
              key={signature.fieldName}
              withBorder
              padding="xs"
              radius="sm"
              data-testid="signature"
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {signature.signerName ?? signature.fieldName}
                  </Text>
                  {signature.organization && (
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {signature.organization}
                    </Text>
                  )}
                  {signature.issuerName && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {t('outgoing.detail.issuer', { name: signature.issuerName })}
                    </Text>
                  )}
                  {signature.signingTime && (
                    <Text size="xs" c="dimmed">
                      {t('outgoing.detail.signedAt', {
                        time: formatIsoDateTime(signature.signingTime),
                      })}
                    </Text>
                  )}
                  {signature.problems.map((problem) => (
                    <Text key={problem} size="xs" c="red.8">
                      {problem}
                    </Text>
                  ))}
                </Stack>
                <SignatureBadge check={signature} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}
