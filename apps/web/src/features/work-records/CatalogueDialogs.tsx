import { Select, Stack, TextInput } from '@mantine/core';
import type { Catalogue } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminFeedback } from '../admin/problems';
import { useFormFeedback } from '../admin/useFormFeedback';
import { ActionDialog } from '../incoming/ActionDialog';
import { recordRules } from './errors';
import { parseRetention } from './model';
import { useCatalogueAction } from './queries';
import { RetentionField } from './RetentionField';

type HeadingField = 'title' | 'abbreviation' | 'parentId';

export function HeadingDialog({
  year,
  catalogue,
  onClose,
}: {
  year: number;
  catalogue: Catalogue;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useCatalogueAction();
  const [parentId, setParentId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const { feedback, setFeedback, message, clear } = useFormFeedback<HeadingField>();
  const tops = catalogue.headings.filter((heading) => heading.parentId === null);
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('records.addHeading')}
      submitLabel={t('records.save')}
      onSubmit={() => {
        const problems: Partial<Record<HeadingField, 'forms.required'>> = {};
        if (title.trim() === '') problems.title = 'forms.required';
        if (!parentId && abbreviation.trim() === '') problems.abbreviation = 'forms.required';
        if (Object.keys(problems).length > 0) {
          setFeedback({ fields: problems });
          return;
        }
        action.mutate(
          {
            method: 'POST',
            path: '/api/records/catalogue/headings',
            body: {
              year,
              title: title.trim(),
              ...(parentId ? { parentId } : { abbreviation: abbreviation.trim().toUpperCase() }),
            },
          },
          {
            onSuccess: onClose,
            onError: (error) => {
              setFeedback(adminFeedback(error, ['title', 'abbreviation', 'parentId'], recordRules));
            },
          },
        );
      }}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="catalogue-heading-dialog"
    >
      <Stack gap="sm">
        <Select
          label={t('records.headingParent')}
          data={[
            { value: '', label: t('records.headingParentNone') },
            ...tops.map((heading) => ({
              value: heading.id,
              label: `${heading.numeral}. ${heading.title}`,
            })),
          ]}
          value={parentId ?? ''}
          onChange={(value) => {
            setParentId(value ? value : null);
            clear('parentId');
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('records.headingTitle')}
          required
          maxLength={500}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
          error={message('title')}
          data-testid="heading-title"
        />
        {!parentId && (
          <TextInput
            label={t('records.headingAbbreviation')}
            required
            maxLength={10}
            value={abbreviation}
            onChange={(event) => {
              setAbbreviation(event.currentTarget.value);
              clear('abbreviation');
            }}
            error={message('abbreviation')}
            data-testid="heading-abbreviation"
          />
        )}
      </Stack>
    </ActionDialog>
  );
}

type EntryField = 'headingId' | 'title' | 'retention' | 'notes';

export function EntryDialog({
  year,
  catalogue,
  onClose,
}: {
  year: number;
  catalogue: Catalogue;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useCatalogueAction();
  const [headingId, setHeadingId] = useState<string | null>(catalogue.headings[0]?.id ?? null);
  const [title, setTitle] = useState('');
  const [retention, setRetention] = useState('');
  const [notes, setNotes] = useState('');
  const { feedback, setFeedback, message, clear } = useFormFeedback<EntryField>();
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('records.addEntry')}
      submitLabel={t('records.save')}
      onSubmit={() => {
        const kept = parseRetention(retention);
        const problems: Partial<Record<EntryField, 'forms.required' | 'forms.invalid'>> = {};
        if (!headingId) problems.headingId = 'forms.required';
        if (title.trim() === '') problems.title = 'forms.required';
        if (kept === null) problems.retention = 'forms.invalid';
        if (Object.keys(problems).length > 0 || !headingId || kept === null) {
          setFeedback({ fields: problems });
          return;
        }
        action.mutate(
          {
            method: 'POST',
            path: '/api/records/catalogue/entries',
            body: {
              year,
              headingId,
              title: title.trim(),
              retention: kept,
              ...(notes.trim() ? { notes: notes.trim() } : {}),
            },
          },
          {
            onSuccess: onClose,
            onError: (error) => {
              setFeedback(
                adminFeedback(error, ['headingId', 'title', 'retention', 'notes'], recordRules),
              );
            },
          },
        );
      }}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="catalogue-entry-dialog"
    >
      <Stack gap="sm">
        <Select
          label={t('records.entryHeading')}
          required
          data={catalogue.headings.map((heading) => ({
            value: heading.id,
            label: `${heading.numeral}. ${heading.title}`,
          }))}
          value={headingId}
          onChange={(value) => {
            setHeadingId(value);
            clear('headingId');
          }}
          error={message('headingId')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('records.entryTitle')}
          required
          maxLength={500}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
          error={message('title')}
          data-testid="entry-title"
        />
        <RetentionField
          value={retention}
          onChange={(value) => {
            setRetention(value);
            clear('retention');
          }}
          error={message('retention')}
        />
        <TextInput
          label={t('records.entryNotes')}
          maxLength={1000}
          value={notes}
          onChange={(event) => {
            setNotes(event.currentTarget.value);
          }}
        />
      </Stack>
    </ActionDialog>
  );
}
