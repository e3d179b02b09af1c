import { Select, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { OpenRecordBody } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '../../components/DateField';
import { adminFeedback } from '../admin/problems';
import { useFormFeedback } from '../admin/useFormFeedback';
import { ActionDialog } from '../incoming/ActionDialog';
import { vietnamToday } from '../work/isoWeek';
import { recordRules } from './errors';
import { isNotation, parseRetention } from './model';
import { useCatalogue, useRecordAction } from './queries';
import { RetentionField } from './RetentionField';

type Field = 'entryId' | 'title' | 'notation' | 'retention' | 'startDate';
const fields: readonly Field[] = ['entryId', 'title', 'notation', 'retention', 'startDate'];

/** Opens a record from an entry of the year's catalogue, or ad hoc; then shows it. */
export function OpenRecordDialog({
  year,
  entryId: initialEntry,
  onClose,
}: {
  year: number;
  entryId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const catalogue = useCatalogue(year);
  const open = useRecordAction();
  const entries = (catalogue.data?.catalogue?.entries ?? []).filter((entry) => !entry.recordId);
  const [mode, setMode] = useState<'entry' | 'adhoc'>('entry');
  const [entryId, setEntryId] = useState<string | null>(initialEntry ?? null);
  const [title, setTitle] = useState('');
  const [notation, setNotation] = useState('');
  const [retention, setRetention] = useState('');
  const [startDate, setStartDate] = useState<string | null>(vietnamToday());
  const [construction, setConstruction] = useState(false);
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const adHoc = mode === 'adhoc' || (entries.length === 0 && !initialEntry);

  const submit = () => {
    const problems: Partial<
      Record<Field, 'forms.required' | 'records.errors.notation' | 'forms.invalid'>
    > = {};
    const common = {
      ...(startDate ? { startDate } : {}),
      ...(construction ? { construction } : {}),
    };
    let body: OpenRecordBody;
    if (adHoc) {
      const kept = parseRetention(retention);
      if (title.trim() === '') problems.title = 'forms.required';
      if (!isNotation(notation)) problems.notation = 'records.errors.notation';
      if (kept === null) problems.retention = 'forms.invalid';
      body = {
        title: title.trim(),
        notation: notation.trim(),
        retention: kept ?? 'permanent',
        ...common,
      };
    } else {
      if (!entryId) problems.entryId = 'forms.required';
      body = { entryId: entryId ?? '', ...common };
    }
    if (Object.keys(problems).length > 0) {
      setFeedback({ fields: problems });
      return;
    }
    setFeedback(null);
    open.mutate(
      { method: 'POST', path: '/api/records', body },
      {
        onSuccess: (record) => {
          onClose();
          if (record) void navigate(`/work-records/${record.id}`);
        },
        onError: (error) => {
          setFeedback(adminFeedback(error, fields, recordRules));
        },
      },
    );
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('records.openTitle')}
      submitLabel={t('records.openSubmit')}
      onSubmit={submit}
      pending={open.isPending}
      feedback={feedback}
      error={open.error}
      testId="record-open-dialog"
    >
      <Stack gap="sm">
        {!initialEntry && entries.length > 0 && (
          <SegmentedControl
            fullWidth
            value={mode}
            onChange={(value) => {
              setMode(value === 'adhoc' ? 'adhoc' : 'entry');
            }}
            data={[
              { value: 'entry', label: t('records.pickEntry') },
              { value: 'adhoc', label: t('records.openAdHoc') },
            ]}
            data-testid="record-open-mode"
          />
        )}
        {adHoc ? (
          <>
            <TextInput
              label={t('records.fields.title')}
              required
              maxLength={500}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                clear('title');
              }}
              error={message('title')}
              data-testid="record-title"
            />
            <TextInput
              label={t('records.fields.notation')}
              required
              placeholder="01.TCCB"
              maxLength={20}
              value={notation}
              onChange={(event) => {
                setNotation(event.currentTarget.value);
                clear('notation');
              }}
              error={message('notation')}
              data-testid="record-notation"
            />
            <RetentionField
              value={retention}
              onChange={(value) => {
                setRetention(value);
                clear('retention');
              }}
              error={message('retention')}
            />
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('records.openFromCatalogue', { year })}
            </Text>
            <Select
              label={t('records.pickEntry')}
              placeholder={t('records.pickEntryPlaceholder')}
              searchable
              data={(catalogue.data?.catalogue?.entries ?? [])
                .filter((entry) => !entry.recordId || entry.id === initialEntry)
                .map((entry) => ({ value: entry.id, label: `${entry.notation} – ${entry.title}` }))}
              value={entryId}
              onChange={(value) => {
                setEntryId(value);
                clear('entryId');
              }}
              error={message('entryId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="record-entry"
            />
          </>
        )}
        <DateField
          label={t('records.fields.startDate')}
          value={startDate}
          onChange={setStartDate}
          error={message('startDate')}
        />
        <Switch
          label={t('records.fields.construction')}
          checked={construction}
          onChange={(event) => {
            setConstruction(event.currentTarget.checked);
          }}
        />
      </Stack>
    </ActionDialog>
  );
}
