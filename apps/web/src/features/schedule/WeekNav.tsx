import { ActionIcon, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatIsoDate } from '../../i18n/format';
import { isoWeekOf, shiftWeek, vietnamToday, weekDays, weekMonday } from '../work/isoWeek';

/** The week in `?week=` (this week, Vietnam time, when absent or malformed). */
export function useWeekParam(): [string, (week: string) => void] {
  const [params, setParams] = useSearchParams();
  const current = isoWeekOf(vietnamToday());
  const asked = params.get('week');
  const week = asked && weekMonday(asked) ? asked : current;
  const setWeek = (next: string) => {
    setParams(next === current ? {} : { week: next });
  };
  return [week, setWeek];
}

/** Title of the week with its dates, and previous / this / next week. */
export function WeekNav({ week, onChange }: { week: string; onChange: (week: string) => void }) {
  const { t } = useTranslation();
  const days = weekDays(week);
  const [year = '', number = ''] = week.split('-W');
  const thisWeek = isoWeekOf(vietnamToday());
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Stack gap={0}>
        <Title order={2} fz="h3" data-testid="schedule-week" data-week={week}>
          {t('schedule.weekLabel', { number: Number(number), year })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('schedule.weekRange', {
            from: formatIsoDate(days[0] ?? ''),
            to: formatIsoDate(days[6] ?? ''),
          })}
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('schedule.previous')}
          onClick={() => {
            onChange(shiftWeek(week, -1));
          }}
          data-testid="week-previous"
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Button
          variant="default"
          disabled={week === thisWeek}
          onClick={() => {
            onChange(thisWeek);
          }}
        >
          {t('schedule.thisWeek')}
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('schedule.next')}
          onClick={() => {
            onChange(shiftWeek(week, 1));
          }}
          data-testid="week-next"
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Group>
    </Group>
  );
}
