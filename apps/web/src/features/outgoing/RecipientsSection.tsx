import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { OutgoingDetail, Recipient } from '@vanban/contracts';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { Section } from '../incoming/DocumentSections';
import { RecipientStatusBadge } from './Badges';

function RecipientRow({ recipient }: { recipient: Recipient }) {
  const { t } = useTranslation();
  const code = recipient.agency?.code ?? recipient.unit?.code;
  return (
    <Box
      component="li"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="recipient-row"
      data-status={recipient.status}
      data-channel={recipient.channel}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={0} style={{ flex: '1 1 180px', minWidth: 0 }}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {recipient.name}
          </Text>
          <Text size="xs" c="dimmed">
            {code ? `${code} · ` : ''}
            {t(`outgoing.recipients.channels.${recipient.channel}`)}
          </Text>
          {recipient.statusNote && (
            <Text
              size="xs"
              fs="italic"
              data-testid="recipient-status-note"
              style={{ overflowWrap: 'anywhere' }}
            >
              {recipient.statusNote}
            </Text>
          )}
        </Stack>
        <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
          <RecipientStatusBadge status={recipient.status} />
          {recipient.statusAt && (
            <Text size="xs" c="dimmed">
              {formatIsoDateTime(recipient.statusAt)}
            </Text>
          )}
        </Stack>
      </Group>
    </Box>
  );
}

/**
 * Nơi nhận with each recipient's status (delivered, registered, … done, returned) and how it
 * is sent; a list that reads the same in the side column and on a phone.
 */
export function RecipientsSection({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const recipients = detail.recipients;

  return (
    <Section
      title={t('outgoing.fields.recipients')}
      icon={<IconSend size={18} />}
      testId="outgoing-recipients"
      right={
        recipients.length > 0 ? (
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t('outgoing.recipients.count', { count: recipients.length })}
          </Badge>
        ) : undefined
      }
    >
      {recipients.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.recipients.none')}
        </Text>
      ) : (
        <Box
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('outgoing.fields.recipients')}
          data-testid="recipients-list"
        >
          {recipients.map((recipient) => (
            <RecipientRow key={recipient.id} recipient={recipient} />
          ))}
        </Box>
      )}
    </Section>
  );
}
