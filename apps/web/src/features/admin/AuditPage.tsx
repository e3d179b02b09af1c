import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { useAuditEvents, useVerifyAudit } from './auditQueries';
import { ErrorAlert } from './ErrorAlert';

function VerifyChains() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
          loading={verify.isPending}
          onClick={() => {
            if (!verify.isPending) verify.mutate();
          }}
          data-testid="audit-verify"
        >
          {t('admin.audit.verify')}
        </Button>
      </Group>
      {verify.isError && <ErrorAlert error={verify.error} />}
      {verify.data && (
        <Alert
          color={verify.data.ok ? 'green' : 'red'}
          role="status"
          data-testid="audit-verify-result"
        >
          {verify.data.ok
            ? t('admin.audit.verifyOk', { chains: verify.data.chains, events: verify.data.events })
            : t('admin.audit.verifyFailed', { count: verify.data.problems.length })}
          {verify.data.problems.slice(0, 5).map((problem) => (
            <Text key={`${problem.chain}-${String(problem.seq)}`} size="xs" mt={4}>
              <Code>
                {problem.chain}#{problem.seq}
              </Code>{' '}
              {problem.message}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

/** `/admin/audit`: the audit trail of the administered agencies and the hash-chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const [type, setType] = useState('');
  const [debounced] = useDebouncedValue(type, 300);
  const events = useAuditEvents(debounced);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('admin.audit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.audit.intro')}
        </Text>
      </Stack>
      <VerifyChains />
      <TextInput
        label={t('admin.audit.type')}
        placeholder="users.created"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={type}
        onChange={(event) => {
          setType(event.currentTarget.value);
        }}
        maw={360}
      />
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      {events.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('admin.audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="audit-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.audit.time')}</Table.Th>
                <Table.Th>{t('admin.audit.type')}</Table.Th>
                <Table.Th>{t('admin.audit.actor')}</Table.Th>
                <Table.Th>{t('admin.audit.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatIsoDateTime(event.occurredAt)}
                  </Table.Td>
                  <Table.Td>
                    <Code>{event.type}</Code>
                  </Table.Td>
                  <Table.Td>
                    {event.actor?.name ?? t('admin.audit.system')}
                    {event.onBehalfOf && (
                      <Text size="xs" c="dimmed">
                        {t('admin.audit.onBehalfOf', { name: event.onBehalfOf.name })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {event.subjectType ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('admin.audit.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
