import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { RecordDetail, RecordItemKind } from '@vanban/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { recordRules } from './errors';
import { useIncomingCandidates, useOutgoingCandidates, useRecordAction } from './queries';

/** What the dialog shows of an incoming or outgoing document. */
interface Candidate {
  id: string;
  reference: string | null;
  issueDate: string | null;
  subject: string;
}

/** Finds an incoming or outgoing document the user can see and puts it in the record. */
export function AddDocumentDialog({
  record,
  onClose,
}: {
  record: RecordDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [kind, setKind] = useState<RecordItemKind>('incoming');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const incoming = useIncomingCandidates(kind === 'incoming' ? q : '');
  const outgoing = useOutgoingCandidates(kind === 'outgoing' ? q : '');
  const add = useRecordAction();
  const [pending, setPending] = useState<string | null>(null);
  const inRecord = new Set(record.items.map((item) => `${item.kind}:${item.documentId}`));

  const query = kind === 'incoming' ? incoming : outgoing;
  const candidates: readonly Candidate[] = query.data?.items ?? [];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records.addTitle')}
      fullScreen={phone}
      size="lg"
      centered={!phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="record-add-dialog"
    >
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(value) => {
            setKind(value === 'outgoing' ? 'outgoing' : 'incoming');
          }}
          data={[
            { value: 'incoming', label: t('nav.incoming') },
            { value: 'outgoing', label: t('nav.outgoing') },
          ]}
          data-testid="record-add-kind"
        />
        <TextInput
          type="search"
          label={t('records.addSearch')}
          description={t('records.addHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
          }}
          maxLength={200}
          data-autofocus
          data-testid="record-add-search"
        />
        {add.error && <ErrorAlert error={add.error} rules={recordRules} />}
        {query.isError && <ErrorAlert error={query.error} />}
        {q.length >= 2 && query.data && candidates.length === 0 && (
          <Alert color="gray" variant="light">
            {t('records.addNone')}
          </Alert>
        )}
        {candidates.map((doc) => {
          const already = inRecord.has(`${kind}:${doc.id}`);
          return (
            <Paper key={doc.id} withBorder p="sm" radius="sm" data-testid="record-candidate">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {doc.reference ?? '—'}
                    {doc.issueDate ? ` · ${formatIsoDate(doc.issueDate)}` : ''}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {doc.subject}
                  </Text>
                </Stack>
                <Button
                  size="xs"
                  variant={already ? 'subtle' : 'light'}
                  disabled={already}
                  loading={add.isPending && pending === doc.id}
                  onClick={() => {
                    setPending(doc.id);
                    add.mutate({
                      method: 'POST',
                      path: `/api/records/${record.id}/items`,
                      body: { kind, documentId: doc.id },
                    });
                  }}
                  data-testid="record-candidate-add"
                >
                  {already ? t('records.added') : t('records.add')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Modal>
  );
}
