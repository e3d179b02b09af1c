import { Alert, List, Stack, Text, Textarea } from '@mantine/core';
import type { RecordDetail, RecordItem } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { adminFeedback } from '../admin/problems';
import { ActionDialog } from '../incoming/ActionDialog';
import { vietnamToday } from '../work/isoWeek';
import { recordRules } from './errors';
import { closeProblems } from './model';
import { useRecordAction, useRemoveItem } from './queries';

interface Props {
  record: RecordDetail;
  onClose: () => void;
}

/** Close: the end date and notes may be filled in the same step; refusals list what is missing. */
export function CloseRecordDialog({ record, onClose }: Props) {
  const { t } = useTranslation();
  const action = useRecordAction();
  const [endDate, setEndDate] = useState<string | null>(record.endDate ?? vietnamToday());
  const [description, setDescription] = useState(record.description ?? '');
  const problems = closeProblems(action.error);
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('records.closeTitle')}
      submitLabel={t('records.close')}
      onSubmit={() => {
        action.mutate(
          {
            method: 'POST',
            path: `/api/records/${record.id}/close`,
            body: {
              ...(endDate ? { endDate } : {}),
              ...(description.trim() ? { description: description.trim() } : {}),
            },
          },
          { onSuccess: onClose },
        );
      }}
      pending={action.isPending}
      feedback={action.error && !problems ? adminFeedback(action.error, [], recordRules) : null}
      error={action.error}
      testId="record-close-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('records.closeHint')}</Text>
        <DateField
          label={t('records.fields.endDate')}
          value={endDate}
          onChange={setEndDate}
          data-testid="record-end-date"
        />
        <Textarea
          label={t('records.fields.description')}
          autosize
          minRows={2}
          maxLength={500}
          value={description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
          }}
        />
        {problems && (
          <Alert color="red" variant="light" role="alert" data-testid="record-close-problems">
            <Text size="sm" fw={500} mb={4}>
              {t('records.closeProblems')}
            </Text>
            <List size="sm" spacing={2}>
              {problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </ActionDialog>
  );
}

/** Reopen (with the reason, kept on the record) or transfer to the archive (with a note). */
export function TextActionDialog({
  record,
  onClose,
  kind,
}: Props & { kind: 'reopen' | 'archive' }) {
  const { t } = useTranslation();
  const action = useRecordAction();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const label = kind === 'reopen' ? t('records.reopenReason') : t('records.archiveNote');
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(kind === 'reopen' ? 'records.reopenTitle' : 'records.archiveTitle')}
      submitLabel={t(kind === 'reopen' ? 'records.reopen' : 'records.archive')}
      onSubmit={() => {
        const value = text.trim();
        if (kind === 'reopen' && value === '') {
          setMissing(true);
          return;
        }
        action.mutate(
          {
            method: 'POST',
            path: `/api/records/${record.id}/${kind}`,
            body: kind === 'reopen' ? { reason: value } : value ? { note: value } : {},
          },
          { onSuccess: onClose },
        );
      }}
      pending={action.isPending}
      feedback={action.error ? adminFeedback(action.error, [], recordRules) : null}
      error={action.error}
      testId={`record-${kind}-dialog`}
    >
      <Stack gap="sm">
        {kind === 'archive' && <Text size="sm">{t('records.archiveHint')}</Text>}
        <Textarea
          label={label}
          required={kind === 'reopen'}
          autosize
          minRows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('forms.required') : undefined}
          data-autofocus
          data-testid="dialog-text"
        />
      </Stack>
    </ActionDialog>
  );
}

export function RemoveItemDialog({ record, item, onClose }: Props & { item: RecordItem }) {
  const { t } = useTranslation();
  const remove = useRemoveItem();
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('records.removeTitle')}
      submitLabel={t('records.removeItem')}
      submitColor="red"
      onSubmit={() => {
        remove.mutate(
          { method: 'DELETE', path: `/api/records/${record.id}/items/${item.id}` },
          { onSuccess: onClose },
        );
      }}
      pending={remove.isPending}
      feedback={remove.error ? adminFeedback(remove.error, [], recordRules) : null}
      error={remove.error}
      testId="record-remove-dialog"
    >
      <Text size="sm">{t('records.removeHint', { subject: item.document.subject })}</Text>
    </ActionDialog>
  );
}
