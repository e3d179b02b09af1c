import {
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { ScheduleEntry, ScheduleLeader } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { adminFeedback } from '../admin/problems';
import { useFormFeedback } from '../admin/useFormFeedback';
import { ActionDialog } from '../incoming/ActionDialog';
import { leaderLabel } from './DayGroups';
import { emptyEntryForm, entryBody, entryFormOf, entryFormProblems } from './entryForm';
import type { EntryForm } from './entryForm';
import { entryFields, scheduleRules } from './errors';
import type { EntryField } from './errors';
import { useSaveEntry } from './queries';

/** Adds an entry to the week (or edits one): the fields of the printed weekly schedule. */
export function EntryDialog({
  entry,
  defaultDate,
  leaders,
  onClose,
}: {
  entry: ScheduleEntry | null;
  defaultDate: string;
  leaders: readonly ScheduleLeader[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEntry();
  const [form, setForm] = useState<EntryForm>(() =>
    entry ? entryFormOf(entry) : emptyEntryForm(defaultDate),
  );
  const { feedback, setFeedback, message, clear } = useFormFeedback<EntryField>();

  const set = <K extends keyof EntryForm>(key: K, value: EntryForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    if ((entryFields as readonly string[]).includes(key)) clear(key as EntryField);
  };

  const submit = () => {
    const problems = entryFormProblems(form);
    if (problems.length > 0) {
      setFeedback({
        fields: Object.fromEntries(
          problems.map((field) => [
            field,
            field === 'leaderIds' ? 'schedule.errors.leadersRequired' : 'forms.required',
          ]),
        ),
      });
      return;
    }
    setFeedback(null);
    const body = entryBody(form);
    save.mutate(
      entry
        ? { method: 'PATCH', path: `/api/schedule/entries/${entry.id}`, body }
        : { method: 'POST', path: '/api/schedule/entries', body },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(adminFeedback(error, entryFields, scheduleRules));
        },
      },
    );
  };

  const leaderOptions = leaders.map((leader) => ({
    value: leader.id,
    label: leaderLabel(leader),
  }));

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(entry ? 'schedule.form.editTitle' : 'schedule.form.addTitle')}
      submitLabel={t('schedule.form.save')}
      onSubmit={submit}
      pending={save.isPending}
      feedback={feedback}
      error={save.error}
      testId="schedule-entry-dialog"
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('schedule.form.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            value={form.kind}
            onChange={(value) => {
              set('kind', value === 'on_duty' ? 'on_duty' : 'event');
            }}
            data={[
              { value: 'event', label: t('schedule.form.kindEvent') },
              { value: 'on_duty', label: t('schedule.form.kindOnDuty') },
            ]}
            data-testid="schedule-kind"
          />
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('schedule.form.date')}
            required
            value={form.date}
            onChange={(value) => {
              set('date', value);
            }}
            error={message('date')}
            data-testid="schedule-date"
          />
          <DateField
            label={t('schedule.form.endDate')}
            value={form.endDate}
            onChange={(value) => {
              set('endDate', value);
            }}
            error={message('endDate')}
            data-testid="schedule-end-date"
          />
          <TextInput
            type="time"
            label={t('schedule.form.startTime')}
            description={t('schedule.form.timeHint')}
            value={form.startTime}
            onChange={(event) => {
              set('startTime', event.currentTarget.value);
            }}
            error={message('startTime')}
            data-testid="schedule-start-time"
          />
          <TextInput
            type="time"
            label={t('schedule.form.endTime')}
            value={form.endTime}
            disabled={form.startTime === ''}
            onChange={(event) => {
              set('endTime', event.currentTarget.value);
            }}
            error={message('endTime')}
            data-testid="schedule-end-time"
          />
        </SimpleGrid>
        <Textarea
          label={t('schedule.form.content')}
          description={form.kind === 'on_duty' ? t('schedule.form.contentOnDutyHint') : undefined}
          required={form.kind === 'event'}
          autosize
          minRows={2}
          maxLength={4000}
          value={form.content}
          onChange={(event) => {
            set('content', event.currentTarget.value);
          }}
          error={message('content')}
          data-testid="schedule-content"
        />
        <MultiSelect
          label={t('schedule.form.leaders')}
          placeholder={t('schedule.form.leadersPlaceholder')}
          required
          data={leaderOptions}
          value={form.leaderIds}
          onChange={(value) => {
            set('leaderIds', value);
          }}
          error={message('leaderIds')}
          comboboxProps={{ withinPortal: true }}
          data-testid="schedule-leaders"
        />
        <TextInput
          label={t('schedule.form.place')}
          maxLength={500}
          value={form.place}
          onChange={(event) => {
            set('place', event.currentTarget.value);
          }}
          error={message('place')}
          data-testid="schedule-place"
        />
        <Textarea
          label={t('schedule.form.participants')}
          autosize
          minRows={1}
          maxLength={2000}
          value={form.participants}
          onChange={(event) => {
            set('participants', event.currentTarget.value);
          }}
          error={message('participants')}
        />
        <TextInput
          label={t('schedule.form.preparingUnit')}
          maxLength={500}
          value={form.preparingUnit}
          onChange={(event) => {
            set('preparingUnit', event.currentTarget.value);
          }}
          error={message('preparingUnit')}
        />
        <Switch
          label={t('schedule.form.visibility')}
          checked={form.public}
          onChange={(event) => {
            set('public', event.currentTarget.checked);
          }}
          data-testid="schedule-public"
        />
      </Stack>
    </ActionDialog>
  );
}
