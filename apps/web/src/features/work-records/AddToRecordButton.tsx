import { Alert, Button, Select, Text } from '@mantine/core';
import type { RecordItemKind } from '@vanban/contracts';
import { IconFolderPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminFeedback } from '../admin/problems';
import { ActionDialog } from '../incoming/ActionDialog';
import { recordRules } from './errors';
import { useOpenRecords, useRecordAction } from './queries';

/** "Add to record" on a document page: puts the document in one of the user's open records. */
export function AddToRecordButton({
  kind,
  documentId,
}: {
  kind: RecordItemKind;
  documentId: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const records = useOpenRecords(opened);
  const add = useRecordAction();
  const items = records.data?.items ?? [];

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFolderPlus size={16} aria-hidden="true" />}
        onClick={() => {
          setDone(null);
          add.reset();
          setOpened(true);
        }}
        data-testid="add-to-record"
      >
        {t('records.addToRecord')}
      </Button>
      {done && (
        <Alert color="green" variant="light" role="status" data-testid="add-to-record-done">
          {t('records.addToRecordDone', { title: done })}
        </Alert>
      )}
      {opened && (
        <ActionDialog
          opened
          onClose={() => {
            setOpened(false);
          }}
          title={t('records.addToRecordTitle')}
          submitLabel={t('records.add')}
          disabled={!recordId}
          onSubmit={() => {
            if (!recordId) return;
            add.mutate(
              {
                method: 'POST',
                path: `/api/records/${recordId}/items`,
                body: { kind, documentId },
              },
              {
                onSuccess: (record) => {
                  setOpened(false);
                  setDone(record?.title ?? '');
                },
              },
            );
          }}
          pending={add.isPending}
          feedback={add.error ? adminFeedback(add.error, [], recordRules) : null}
          error={add.error}
          testId="add-to-record-dialog"
        >
          {records.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('records.addToRecordNone')}
            </Text>
          ) : (
            <Select
              label={t('records.addToRecordPick')}
              searchable
              data={items.map((record) => ({
                value: record.id,
                label: `${record.notation} – ${record.title}`,
              }))}
              value={recordId}
              onChange={setRecordId}
              comboboxProps={{ withinPortal: true }}
              data-testid="add-to-record-pick"
            />
          )}
        </ActionDialog>
      )}
    </>
  );
}
