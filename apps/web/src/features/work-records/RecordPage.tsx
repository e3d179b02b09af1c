import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { RecordDetail, RecordItem } from '@vanban/contracts';
import {
  IconArchive,
  IconDownload,
  IconFileCheck,
  IconFilePlus,
  IconLockOpen,
  IconSortAscendingNumbers,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { Field } from '../../components/Field';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { useDownload } from '../admin/useDownload';
import { AddDocumentDialog } from './AddDocumentDialog';
import { recordRules } from './errors';
import { useRecord, useRecordAction } from './queries';
import { ArchiveDueBadge, RecordStateBadge } from './RecordBadges';
import { CloseRecordDialog, RemoveItemDialog, TextActionDialog } from './RecordDialogs';

function Metadata({ record }: { record: RecordDetail }) {
  const { t } = useTranslation();
  const online =
    record.processedOnline === null
      ? '—'
      : record.processedOnline
        ? t('records.online')
        : t('records.offline');
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" data-testid="record-metadata">
        <Field label={t('records.fields.code')}>{record.code}</Field>
        <Field label={t('records.fields.notation')}>{record.notation}</Field>
        <Field label={t('records.fields.year')}>{record.year}</Field>
        <Field label={t('records.fields.maintenance')}>{record.maintenance ?? '—'}</Field>
        <Field label={t('records.fields.rights')}>{record.rights ?? '—'}</Field>
        <Field label={t('records.fields.language')}>{record.language}</Field>
        <Field label={t('records.fields.startDate')}>
          {record.startDate ? formatIsoDate(record.startDate) : '—'}
        </Field>
        <Field label={t('records.fields.endDate')}>
          {record.endDate ? formatIsoDate(record.endDate) : '—'}
        </Field>
        <Field label={t('records.fields.docTotal')}>{record.docTotal}</Field>
        <Field label={t('records.fields.pageTotal')}>{record.pageTotal}</Field>
        <Field label={t('records.fields.creator')}>
          {record.creator.fullName}
          {record.creatorUnit ? ` – ${record.creatorUnit.name}` : ''}
        </Field>
        <Field label={t('records.fields.catalogueEntry')}>
          {record.catalogueEntry
            ? `${record.catalogueEntry.notation} (${record.catalogueEntry.headingTitle})`
            : '—'}
        </Field>
        <Field label={t('records.fields.archiveDue')}>
          {record.archiveDueDate ? formatIsoDate(record.archiveDueDate) : '—'}
        </Field>
        <Field label={t('records.fields.processedOnline')}>
          <span data-testid="record-online">{online}</span>
        </Field>
        <Field label={t('records.fields.construction')}>
          {record.construction ? t('records.yes') : t('records.no')}
        </Field>
        {record.description && (
          <Field label={t('records.fields.description')}>{record.description}</Field>
        )}
      </SimpleGrid>
    </Paper>
  );
}

function docLink(item: RecordItem): string {
  return `/${item.kind}/${item.documentId}`;
}

function Items({
  record,
  onRemove,
}: {
  record: RecordDetail;
  onRemove: (item: RecordItem) => void;
}) {
  const { t } = useTranslation();
  const canRemove = record.actions.includes('remove_item');
  if (record.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="record-items-empty">
        {t('records.itemsEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped fz="sm" data-testid="record-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('records.itemColumns.ordinal')}</Table.Th>
            <Table.Th>{t('records.itemColumns.reference')}</Table.Th>
            <Table.Th>{t('records.itemColumns.date')}</Table.Th>
            <Table.Th>{t('records.itemColumns.organ')}</Table.Th>
            <Table.Th>{t('records.itemColumns.subject')}</Table.Th>
            <Table.Th>{t('records.itemColumns.pages')}</Table.Th>
            {canRemove && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.items.map((item) => (
            <Table.Tr key={item.id} data-testid="record-item">
              <Table.Td>{item.ordinal}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge size="xs" variant="outline">
                    {t(`records.itemKinds.${item.kind}`)}
                  </Badge>
                  {item.document.reference ?? '—'}
                </Group>
              </Table.Td>
              <Table.Td>
                {item.document.issuedDate ? formatIsoDate(item.document.issuedDate) : '—'}
              </Table.Td>
              <Table.Td>{item.document.organName}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={docLink(item)} size="sm">
                  {item.document.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.document.pageAmount ?? '—'}</Table.Td>
              {canRemove && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('records.removeItem')}: ${item.document.subject}`}
                    onClick={() => {
                      onRemove(item);
                    }}
                    data-testid="record-item-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Dialog =
  { kind: 'add' | 'close' | 'reopen' | 'archive' } | { kind: 'remove'; item: RecordItem } | null;

/** `/work-records/:id`: a record's metadata (App. VI §III), its documents and what may be done. */
export function RecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useRecord(id);
  const download = useDownload();
  const reorder = useRecordAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  usePageTitle(record.data?.title ?? t('records.title'));

  if (record.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (record.isError) {
    return (
      <ErrorAlert error={record.error} rules={recordRules} onRetry={() => void record.refetch()} />
    );
  }
  const data = record.data;
  const can = (action: string) => data.actions.includes(action);
  const close = () => {
    setDialog(null);
  };

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={4}>
        <Anchor component={Link} to="/work-records" size="sm">
          {t('records.title')}
        </Anchor>
        <Text size="sm" c="dimmed" data-testid="record-code" style={{ overflowWrap: 'anywhere' }}>
          {data.code}
        </Text>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {data.title}
        </Title>
        <Group gap={6}>
          <RecordStateBadge state={data.state} />
          <ArchiveDueBadge record={data} />
          {data.processedOnline !== null && (
            <Badge color={data.processedOnline ? 'teal' : 'gray'} variant="light">
              {data.processedOnline ? t('records.online') : t('records.offline')}
            </Badge>
          )}
        </Group>
      </Stack>

      <Group gap="xs">
        {can('add_item') && (
          <Button
            leftSection={<IconFilePlus size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog({ kind: 'add' });
            }}
            data-testid="record-add"
          >
            {t('records.addDocument')}
          </Button>
        )}
        {can('reorder') && data.items.length > 1 && (
          <Button
            variant="default"
            leftSection={<IconSortAscendingNumbers size={16} aria-hidden="true" />}
            loading={reorder.isPending}
            onClick={() => {
              reorder.mutate({
                method: 'POST',
                path: `/api/records/${data.id}/items/reorder`,
                body: { by: 'date' },
              });
            }}
          >
            {t('records.sortByDate')}
          </Button>
        )}
        {can('close') && (
          <Button
            color="green"
            leftSection={<IconFileCheck size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog({ kind: 'close' });
            }}
            data-testid="record-close"
          >
            {t('records.close')}
          </Button>
        )}
        {can('reopen') && (
          <Button
            variant="default"
            leftSection={<IconLockOpen size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog({ kind: 'reopen' });
            }}
            data-testid="record-reopen"
          >
            {t('records.reopen')}
          </Button>
        )}
        {can('archive') && (
          <Button
            variant="default"
            leftSection={<IconArchive size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog({ kind: 'archive' });
            }}
            data-testid="record-archive"
          >
            {t('records.archive')}
          </Button>
        )}
        {(['pdf', 'xml'] as const).map((format) => (
          <Button
            key={format}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            loading={download.pendingKey === format}
            onClick={() => {
              download.start({
                key: format,
                path: `/api/records/${data.id}/export.${format}`,
                fileName: `${data.code}.${format}`,
              });
            }}
            data-testid={`record-export-${format}`}
          >
            {format === 'pdf' ? t('records.exportPdf') : t('records.exportXml')}
          </Button>
        ))}
      </Group>
      {download.error && <ErrorAlert error={download.error} rules={recordRules} />}
      {reorder.error && <ErrorAlert error={reorder.error} rules={recordRules} />}
      {data.reopenReason && data.state === 'open' && (
        <Alert color="yellow" variant="light">
          {t('records.reopened', { reason: data.reopenReason })}
        </Alert>
      )}
      {data.onlineBasis && data.onlineBasis.offline.length > 0 && (
        <Alert color="gray" variant="light" title={t('records.offlineReasons')}>
          {data.onlineBasis.offline.map((entry) => {
            const item = data.items.find((candidate) => candidate.id === entry.itemId);
            return (
              <Text key={entry.itemId} size="sm">
                {item ? `${String(item.ordinal)}. ${item.document.subject}: ` : ''}
                {entry.reason}
              </Text>
            );
          })}
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={12}>
          <Metadata record={data} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {t('records.items')}
              </Title>
              <Items
                record={data}
                onRemove={(item) => {
                  setDialog({ kind: 'remove', item });
                }}
              />
              {data.closedAt && data.closedBy && (
                <Text size="xs" c="dimmed">
                  {t('records.states.closed')}: {formatIsoDateTime(data.closedAt)} ·{' '}
                  {data.closedBy.fullName}
                </Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      {dialog?.kind === 'add' && <AddDocumentDialog record={data} onClose={close} />}
      {dialog?.kind === 'close' && <CloseRecordDialog record={data} onClose={close} />}
      {(dialog?.kind === 'reopen' || dialog?.kind === 'archive') && (
        <TextActionDialog record={data} kind={dialog.kind} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveItemDialog record={data} item={dialog.item} onClose={close} />
      )}
    </Stack>
  );
}
