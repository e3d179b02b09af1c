import { Box, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Month } from '@mantine/dates';
import type { CalendarDay } from '@vanban/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayLook, monthsOf } from './calendar';
import type { DayLook } from './calendar';

const looks: Record<DayLook, { background?: string; color?: string }> = {
  holiday: { background: 'var(--mantine-color-red-6)', color: 'white' },
  working_day: { background: 'var(--mantine-color-blue-6)', color: 'white' },
  weekend: { color: 'var(--mantine-color-gray-5)' },
  workday: {},
};

function monthName(month: string, language: string): string {
  const [year = 0, index = 1] = month.split('-').map(Number);
  const name = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, index - 1, 1)),
  );
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      {(['holiday', 'working_day', 'weekend'] as const).map((look) => (
        <Group key={look} gap={6}>
          <Box
            w={14}
            h={14}
            style={{
              borderRadius: 4,
              background: looks[look].background ?? 'var(--mantine-color-gray-2)',
            }}
            aria-hidden="true"
          />
          <Text size="xs">{t(`admin.calendar.legend.${look}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** Twelve months with holidays in red, worked weekend days in blue and weekends greyed. */
export function CalendarYearView({ year, days }: { year: number; days: readonly CalendarDay[] }) {
  const { t, i18n } = useTranslation();
  const exceptions = useMemo(() => new Map(days.map((day) => [day.day, day])), [days]);
  return (
    <Stack gap="sm" role="group" aria-label={t('admin.calendar.yearView', { year })}>
      <Legend />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md" verticalSpacing="md">
        {monthsOf(year).map((month) => (
          <Stack key={month} gap={4} data-testid="calendar-month">
            <Text size="sm" fw={600}>
              {monthName(month, i18n.language)}
            </Text>
            <Month
              month={month}
              static
              size="xs"
              hideOutsideDates
              getDayProps={(date) => {
                const exception = exceptions.get(date);
                const look = looks[dayLook(date, exceptions)];
                return {
                  title: exception?.name,
                  'data-look': dayLook(date, exceptions),
                  style: { ...look, borderRadius: 4 },
                };
              }}
            />
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
