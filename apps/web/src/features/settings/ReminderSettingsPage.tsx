import {
  Badge,
  Button,
  CloseButton,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReminderSettings } from '@vanban/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../admin/ErrorAlert';
import { reminderFields, reminderRules } from './errors';
import type { ReminderField } from './errors';
import {
  addOffset,
  clockOf,
  offsetLimits,
  offsetProblem,
  reminderBody,
  reminderForm,
  removeOffset,
} from './model';
import type { ReminderForm } from './model';
import { useReminderSettings, useSaveReminderSettings } from './queries';
import { SaveBar } from './SaveBar';
import { useSettingsForm } from './useSettingsForm';

/** The working-day offsets as removable chips, and a number field to add one. */
function OffsetsField({
  offsets,
  onChange,
  error,
}: {
  offsets: number[];
  onChange: (offsets: number[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | ''>('');
  const problem = draft === '' ? null : offsetProblem(offsets, draft);
  const add = () => {
    if (draft === '' || problem) return;
    onChange(addOffset(offsets, draft));
    setDraft('');
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('settings.reminders.offsets')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('settings.reminders.offsetsHint', { ...offsetLimits })}
      </Text>
      <Group gap={6} data-testid="reminders-offsets">
        {offsets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settings.reminders.noOffsets')}
          </Text>
        ) : (
          offsets.map((offset) => (
            <Badge
              key={offset}
              size="lg"
              variant="light"
              style={{ textTransform: 'none' }}
              data-testid="reminders-offset"
              data-offset={offset}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('settings.reminders.removeOffset', { days: offset })}
                  onClick={() => {
                    onChange(removeOffset(offsets, offset));
                  }}
                  data-testid={`reminders-offset-remove-${String(offset)}`}
                />
              }
            >
              {t('settings.reminders.offsetChip', { days: offset })}
            </Badge>
          ))
        )}
      </Group>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <NumberInput
          aria-label={t('settings.reminders.newOffset')}
          placeholder={t('settings.reminders.newOffset')}
          min={offsetLimits.min}
          max={offsetLimits.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={120}
          value={draft}
          onChange={(value) => {
            setDraft(typeof value === 'number' ? value : value === '' ? '' : Number(value));
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
          error={
            problem ? t(`settings.reminders.offsetErrors.${problem}`, { ...offsetLimits }) : error
          }
          data-testid="reminders-offset-input"
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={add}
          disabled={draft === '' || problem !== null}
          data-testid="reminders-offset-add"
        >
          {t('settings.reminders.addOffset')}
        </Button>
      </Group>
    </Stack>
  );
}

function Editor({ settings }: { settings: ReminderSettings }) {
  const { t } = useTranslation();
  const save = useSaveReminderSettings();
  const { form, saved, feedback, message, update, submit, reset } = useSettingsForm({
    settings,
    toForm: reminderForm,
    save,
    fields: reminderFields,
    rules: reminderRules,
  });
  const dirty =
    JSON.stringify(reminderBody(form)) !== JSON.stringify(reminderBody(reminderForm(settings)));
  const timeValid = clockOf(form.remindAt) !== null;
  const escalateValid =
    !form.escalate ||
    (Number.isInteger(form.escalateAfterDays) &&
      form.escalateAfterDays >= offsetLimits.min &&
      form.escalateAfterDays <= offsetLimits.max);

  const set = <K extends keyof ReminderForm>(key: K, value: ReminderForm[K]) => {
    update(
      (current) => ({ ...current, [key]: value }),
      key === 'escalate' ? 'escalateAfterDays' : (key as ReminderField),
    );
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <OffsetsField
            offsets={form.offsets}
            onChange={(offsets) => {
              set('offsets', offsets);
            }}
            error={message('offsets')}
          />
          <Switch
            checked={form.onDueDay}
            onChange={(event) => {
              set('onDueDay', event.currentTarget.checked);
            }}
            label={t('settings.reminders.onDueDay')}
            data-testid="reminders-on-due-day"
          />
          <Switch
            checked={form.dailyOverdue}
            onChange={(event) => {
              set('dailyOverdue', event.currentTarget.checked);
            }}
            label={t('settings.reminders.dailyOverdue')}
            data-testid="reminders-daily-overdue"
          />
          <Switch
            checked={form.escalate}
            onChange={(event) => {
              set('escalate', event.currentTarget.checked);
            }}
            label={t('settings.reminders.escalate')}
            data-testid="reminders-escalate"
          />
          {form.escalate && (
            <NumberInput
              label={t('settings.reminders.escalateAfter')}
              min={offsetLimits.min}
              max={offsetLimits.max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              maw={260}
              value={form.escalateAfterDays}
              onChange={(value) => {
                set('escalateAfterDays', typeof value === 'number' ? value : Number.NaN);
              }}
              error={
                escalateValid
                  ? message('escalateAfterDays')
                  : t('settings.reminders.offsetErrors.range', { ...offsetLimits })
              }
              data-testid="reminders-escalate-days"
            />
          )}
          <TextInput
            type="time"
            label={t('settings.reminders.remindAt')}
            description={t('settings.reminders.remindAtHint')}
            maw={260}
            value={form.remindAt}
            onChange={(event) => {
              set('remindAt', event.currentTarget.value);
            }}
            error={timeValid ? message('remindAt') : t('forms.required')}
            data-testid="reminders-time"
          />
        </Stack>
      </Paper>
      <SaveBar
        dirty={dirty}
        saved={saved}
        pending={save.isPending}
        disabled={!timeValid || !escalateValid}
        feedback={feedback}
        error={save.error}
        onSave={() => {
          if (timeValid && escalateValid) submit(reminderBody(form));
        }}
        onReset={reset}
        testId="reminders"
      />
    </Stack>
  );
}

/**
 * `/admin/reminders`: the agency's deadline reminder rules, for its administrators, clerks and
 * leaders (the API refuses anyone else).
 */
export function ReminderSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.reminders.title'));
  const settings = useReminderSettings();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} fz="h2">
        {t('settings.reminders.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.reminders.intro')}
      </Text>
      {settings.data && !settings.data.configured && (
        <Text size="sm" c="dimmed" data-testid="reminders-defaults">
          {t('settings.notSavedYet')}
        </Text>
      )}
      {settings.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Editor settings={settings.data} />
      )}
    </Stack>
  );
}
