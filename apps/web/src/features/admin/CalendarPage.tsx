import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import type { CalendarDay } from '@vanban/contracts';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { sortDays } from './calendar';
import { CalendarDayList } from './CalendarDayList';
import { useCalendarYear, useSaveCalendarYear } from './calendarQueries';
import { CalendarYearView } from './CalendarYearView';
import { ErrorAlert } from './ErrorAlert';

const dayPath = /^body\.days\.(\d+)/;

/** Server problems of `calendar.days_invalid` by row (`errors[].path` = `body.days.N…`). */
function rowProblems(error: unknown): Map<number, string> {
  const rows = new Map<number, string>();
  if (!isApiError(error)) return rows;
  for (const problem of error.errors) {
    const match = dayPath.exec(problem.path);
    if (match) rows.set(Number(match[1]), problem.message);
  }
  return rows;
}

function YearEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const calendar = useCalendarYear(year);
  const save = useSaveCalendarYear(year);
  const [draft, setDraft] = useState<CalendarDay[] | null>(null);
  if (calendar.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (calendar.isError) {
    return <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />;
  }
  const days = draft ?? calendar.data.days;
  const put = (next: CalendarDay[]) => {
    if (save.isPending) return;
    save.mutate(
      { days: next },
      {
        onSuccess: () => {
          setDraft(null);
        },
      },
    );
  };
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="calendar-source">
          {t(`admin.calendar.sources.${calendar.data.source}`)}
        </Badge>
        {draft && (
          <Text size="sm" c="orange">
            {t('admin.calendar.unsaved')}
          </Text>
        )}
      </Group>
      <CalendarYearView year={year} days={days} />
      <Title order={2} fz="h4">
        {t('admin.calendar.listTitle')}
      </Title>
      <CalendarDayList
        year={year}
        days={days}
        onChange={(next) => {
          setDraft(sortDays(next));
        }}
        serverProblems={save.isError ? rowProblems(save.error) : new Map()}
      />
      {save.isError && (
        <ErrorAlert
          error={save.error}
          rules={{
            [errorCodes.calendarDaysInvalid]: { message: 'admin.calendar.problems.invalid' },
          }}
        />
      )}
      {save.isSuccess && !draft && <Alert color="green">{t('admin.calendar.saved')}</Alert>}
      <Group gap="sm">
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          disabled={!draft}
          loading={save.isPending && save.variables.days.length > 0}
          onClick={() => {
            if (draft) put(draft);
          }}
          data-testid="calendar-save"
        >
          {t('admin.calendar.save')}
        </Button>
        {calendar.data.source === 'configured' && (
          <Button
            variant="default"
            leftSection={<IconRestore size={16} aria-hidden="true" />}
            loading={save.isPending && save.variables.days.length === 0}
            onClick={() => {
              put([]);
            }}
          >
            {t('admin.calendar.restore')}
          </Button>
        )}
        {draft && (
          <Button
            variant="subtle"
            onClick={() => {
              setDraft(null);
            }}
          >
            {t('admin.calendar.discard')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** `/admin/calendar`: the working-day calendar of a year (holidays, swapped days), editable. */
export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.calendar.title'));
  const current = new Date().getFullYear();
  const [year, setYear] = useState(current);
  const years = [current - 1, current, current + 1, current + 2].map(String);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t('admin.calendar.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.calendar.intro')}
          </Text>
        </Stack>
        <Select
          label={t('admin.calendar.year')}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(value) => {
            if (value) setYear(Number(value));
          }}
          w={120}
          comboboxProps={{ withinPortal: true }}
          data-testid="calendar-year"
        />
      </Group>
      <YearEditor key={year} year={year} />
    </Stack>
  );
}
